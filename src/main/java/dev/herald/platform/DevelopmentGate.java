package dev.herald.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers every call to a {@link Development} resource with the same 404 as a path that does not
 * exist while development mode is off, for every caller, before authentication: outside development
 * the endpoints are not there at all.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class DevelopmentGate implements ContainerRequestFilter {
  @Context ResourceInfo resource;
  @Inject DevelopmentMode mode;

  @Override
  public void filter(ContainerRequestContext request) {
    Class<?> target = resource.getResourceClass();
    if (target != null && target.isAnnotationPresent(Development.class) && !mode.enabled()) {
      request.abortWith(ProblemResponses.of(Problem.forStatus(404, null)));
    }
  }
}
