package dev.herald.web.boundary;

import dev.herald.platform.Public;
import dev.herald.web.control.SignInMode;
import dev.herald.web.entity.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/web/config}: what the page needs before anyone signed in (no token). */
@ApplicationScoped
@Public
@Path("web/config")
public class WebConfigResource {
  @Inject SignInMode signIn;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public WebConfig config() {
    return signIn.config();
  }
}
