package dev.herald.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API call needs a user. The server's MP-JWT support has already checked the bearer token
 * (signature, issuer, expiry); a request without a valid one has no principal and is answered here
 * with 401 problem+json, before any resource runs.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Authentication implements ContainerRequestFilter {
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Class<?> target = resource.getResourceClass();
    if (target != null && target.isAnnotationPresent(Public.class)) {
      return;
    }
    if (request.getSecurityContext().getUserPrincipal() == null) {
      request.abortWith(
          jakarta.ws.rs.core.Response.fromResponse(
                  ProblemResponses.of(
                      ProblemType.UNAUTHENTICATED,
                      "Send a valid bearer token in the Authorization header."))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .build());
    }
  }
}
