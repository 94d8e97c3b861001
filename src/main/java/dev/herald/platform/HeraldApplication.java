package dev.herald.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Herald's REST API: JSON under /api, every call authenticated by a bearer JWT. Its contract is
 * META-INF/openapi.yaml, served as written (spec first:
 * docs/decisions/0016-developer-experience.md).
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
public class HeraldApplication extends Application {}
