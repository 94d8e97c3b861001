package dev.herald.auth.boundary;

import dev.herald.auth.control.DevTokenIssuer;
import dev.herald.platform.Development;
import dev.herald.platform.Public;
import dev.herald.platform.RequestBodies;
import dev.herald.platform.UserNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/**
 * {@code POST /api/dev/tokens}: a token for any user, in development only ({@link
 * dev.herald.platform.DevelopmentMode}; else 404).
 */
@ApplicationScoped
@Development
@Public
@Path("dev/tokens")
public class DevTokenResource {
  @Inject DevTokenIssuer issuer;
  @Inject RequestBodies bodies;

  public record TokenRequest(
      @NotNull @Pattern(regexp = UserNames.REGEX) String user,
      @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String> groups,
      @Min(-86_400) @Max(86_400) Long lifetimeSeconds) {}

  public record Token(String token) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Token issue(TokenRequest body) {
    TokenRequest request = bodies.valid(body);
    Duration lifetime =
        request.lifetimeSeconds() == null
            ? Duration.ofHours(12)
            : Duration.ofSeconds(request.lifetimeSeconds());
    return new Token(
        issuer.issue(
            request.user(), request.groups() == null ? List.of() : request.groups(), lifetime));
  }
}
