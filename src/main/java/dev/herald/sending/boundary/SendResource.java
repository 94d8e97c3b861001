package dev.herald.sending.boundary;

import dev.herald.platform.Caller;
import dev.herald.platform.ProblemResponses;
import dev.herald.platform.RequestBodies;
import dev.herald.sending.control.IdempotencyKeyHeader;
import dev.herald.sending.control.Submissions;
import dev.herald.sending.entity.SendReceipt;
import dev.herald.sending.entity.SendRequest;
import dev.herald.sending.entity.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /api/messages}: a send, answered 202 only once the broker has acknowledged the
 * message and 503 only when it never will have it. One instance serves every request (built once,
 * not per request: the send path's profile showed the construction).
 */
@ApplicationScoped
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
public class SendResource {
  @Inject Caller caller;
  @Inject Submissions submissions;
  @Inject RequestBodies bodies;

  /** With an Idempotency-Key, a retry answers what the first request got. */
  @POST
  @SendMetered
  @Consumes(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> send(
      @HeaderParam(IdempotencyKeyHeader.NAME) String idempotencyKey,
      @Context UriInfo uri,
      SendRequest request) {
    SendRequest valid = bodies.valid(request);
    // request-scoped context is gone by the time the broker answers
    URI messages = uri.getBaseUriBuilder().path("messages").build();
    return submissions
        .submit(caller.name(), valid, IdempotencyKeyHeader.parse(idempotencyKey))
        .thenApply(result -> answer(result, messages));
  }

  private static Response answer(SendResult result, URI messages) {
    if (result instanceof SendResult.Accepted accepted) {
      SendReceipt receipt = accepted.receipt();
      return Response.accepted(receipt)
          .location(UriBuilder.fromUri(messages).path(receipt.id().toString()).build())
          .build();
    }
    SendResult.NotAccepted refused = (SendResult.NotAccepted) result;
    return Response.fromResponse(ProblemResponses.of(refused.type(), refused.detail()))
        .header(HttpHeaders.RETRY_AFTER, "5")
        .build();
  }
}
