package dev.herald.messages.boundary;

import dev.herald.messages.control.IdempotencyKeyHeader;
import dev.herald.messages.control.MessageFilter;
import dev.herald.messages.control.MessageHistory;
import dev.herald.messages.control.MessageLookup;
import dev.herald.messages.control.MessageSearch;
import dev.herald.messages.control.SearchText;
import dev.herald.messages.control.Submissions;
import dev.herald.messages.entity.MessageEntry;
import dev.herald.messages.entity.MessageView;
import dev.herald.messages.entity.SendReceipt;
import dev.herald.messages.entity.SendRequest;
import dev.herald.messages.entity.SendResult;
import dev.herald.platform.Caller;
import dev.herald.platform.Ids;
import dev.herald.platform.Page;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemResponses;
import dev.herald.platform.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;

/**
 * Sending messages, reading one, a user's history and search. One instance serves every request
 * (built once, not per request: the send path's profile showed the construction).
 */
@ApplicationScoped
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
  @Inject Caller caller;
  @Inject Submissions submissions;
  @Inject MessageLookup lookup;
  @Inject MessageHistory history;
  @Inject MessageSearch search;
  @Inject RequestBodies bodies;

  /**
   * Answers 202 only once the broker has acknowledged the message, 503 only when it never will have
   * it. With an Idempotency-Key, a retry answers what the first request got.
   */
  @POST
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

  /** The caller's messages, sent and received, newest first. */
  @GET
  public Page<MessageEntry> history(@BeanParam MessageQueryParams query) throws SQLException {
    return history.page(query.filter(caller), query.cursor(), query.limit());
  }

  /** Full-text search over the messages the caller may see, best match first. */
  @GET
  @Path("search")
  public Page<MessageEntry> search(@QueryParam("q") String q, @BeanParam MessageQueryParams query)
      throws SQLException {
    MessageFilter filter = query.filter(caller);
    return search.page(filter, SearchText.parse(q), query.cursor(), query.limit());
  }

  @GET
  @Path("{id}")
  public MessageView get(@PathParam("id") String id) {
    return Ids.uuid(id)
        .flatMap(uuid -> lookup.find(uuid, caller.name()))
        .orElseThrow(ProblemException::notFound);
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
