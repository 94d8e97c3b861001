package dev.herald.messages.boundary;

import dev.herald.messages.control.Envelopes;
import dev.herald.messages.control.MessageLookup;
import dev.herald.messages.control.MessagePublisher;
import dev.herald.messages.entity.MessageEnvelope;
import dev.herald.messages.entity.MessageView;
import dev.herald.messages.entity.SendReceipt;
import dev.herald.messages.entity.SendRequest;
import dev.herald.platform.Caller;
import dev.herald.platform.Ids;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemResponses;
import dev.herald.platform.ProblemType;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sending messages and reading one message. */
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
  private static final Logger LOG = Logger.getLogger(MessagesResource.class.getName());

  @Inject Caller caller;
  @Inject Envelopes envelopes;
  @Inject MessagePublisher publisher;
  @Inject MessageLookup lookup;
  @Context UriInfo uri;

  @Resource ManagedExecutorService executor;

  /** Answers 202 only once the broker has acknowledged the message. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> send(
      @NotNull(message = "a JSON body is required") @Valid SendRequest request) {
    MessageEnvelope envelope = envelopes.accept(caller.name(), request);
    // request-scoped context is gone by the time the broker answers, on the producer's thread
    URI location = uri.getBaseUriBuilder().path("messages").path(envelope.id().toString()).build();
    // answer on a server thread, not on the Kafka producer's single I/O thread
    return publisher
        .publish(envelope)
        .handleAsync(
            (ok, failure) ->
                failure == null ? accepted(envelope, location) : unavailable(envelope, failure),
            executor);
  }

  @GET
  @Path("{id}")
  public MessageView get(@PathParam("id") String id) {
    return Ids.uuid(id)
        .flatMap(uuid -> lookup.find(uuid, caller.name()))
        .orElseThrow(ProblemException::notFound);
  }

  private static Response accepted(MessageEnvelope envelope, URI location) {
    return Response.accepted(
            new SendReceipt(envelope.id(), envelope.conversationId(), envelope.acceptedAt()))
        .location(location)
        .build();
  }

  private static Response unavailable(MessageEnvelope envelope, Throwable failure) {
    LOG.log(Level.WARNING, "Broker did not acknowledge message " + envelope.id() + ": " + failure);
    return Response.fromResponse(
            ProblemResponses.of(
                ProblemType.BROKER_UNAVAILABLE, "The message was not accepted; try again."))
        .header("Retry-After", "5")
        .build();
  }
}
