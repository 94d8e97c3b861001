package dev.herald.deadletters.boundary;

import dev.herald.deadletters.control.DeadLetterQueries;
import dev.herald.deadletters.control.DeadLetterResolutions;
import dev.herald.deadletters.control.Redrive;
import dev.herald.deadletters.entity.DeadLetterView;
import dev.herald.deadletters.entity.RedriveResult;
import dev.herald.platform.Caller;
import dev.herald.platform.Page;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import dev.herald.platform.QueryParams;
import dev.herald.platform.RequestBodies;
import dev.herald.platform.Roles;
import dev.herald.platform.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;

/** Admins (role {@code admin}) inspect, re-drive and discard dead letters. */
@ApplicationScoped
@Path("admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

  @Inject Caller caller;
  @Inject DeadLetterQueries queries;
  @Inject DeadLetterResolutions resolutions;
  @Inject Redrive redrive;
  @Inject RequestBodies bodies;

  public record RedriveRequest(@NotEmpty @Size(max = 100) List<@NotNull @Positive Long> ids) {}

  public record Redriven(List<RedriveResult> results) {}

  public record DiscardRequest(@NotBlank @Size(max = 1000) @Text String reason) {}

  @GET
  public Page<DeadLetterView> list(
      @QueryParam("reason") String reason,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    caller.withRole(Roles.ADMIN);
    return queries.page(reason, status, QueryParams.limit(limit), cursor);
  }

  @GET
  @Path("{id}")
  public DeadLetterView get(@PathParam("id") String id) {
    caller.withRole(Roles.ADMIN);
    return queries.find(id(id)).orElseThrow(ProblemException::notFound);
  }

  @POST
  @Path("redrive")
  @Consumes(MediaType.APPLICATION_JSON)
  public Redriven redriveMany(RedriveRequest request) throws SQLException {
    List<Long> ids = List.copyOf(bodies.valid(request).ids());
    return new Redriven(redrive.redrive(ids, caller.withRole(Roles.ADMIN)));
  }

  @POST
  @Path("{id}/redrive")
  public RedriveResult redriveOne(@PathParam("id") String id) throws SQLException {
    RedriveResult result = redrive.redrive(List.of(id(id)), caller.withRole(Roles.ADMIN)).get(0);
    return switch (result.outcome()) {
      case RedriveResult.NOT_FOUND -> throw ProblemException.notFound();
      case RedriveResult.NOT_OPEN -> throw notOpen();
      case RedriveResult.FAILED ->
          throw ProblemException.retryLater(
              ProblemType.BROKER_UNAVAILABLE, "The record could not be republished.", 5);
      default -> result;
    };
  }

  @POST
  @Path("{id}/discard")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeadLetterView discard(@PathParam("id") String id, DiscardRequest body)
      throws SQLException {
    DiscardRequest request = bodies.valid(body);
    String admin = caller.withRole(Roles.ADMIN);
    long deadLetter = id(id);
    if (!resolutions.discard(deadLetter, admin, request.reason())) {
      throw resolutions.status(deadLetter).isPresent() ? notOpen() : ProblemException.notFound();
    }
    return queries.find(deadLetter).orElseThrow(ProblemException::notFound);
  }

  private static ProblemException notOpen() {
    return new ProblemException(
        ProblemType.CONFLICT, "Only an open dead letter can be re-driven or discarded.");
  }

  private static long id(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // not an id we issued
    }
    throw ProblemException.notFound();
  }
}
