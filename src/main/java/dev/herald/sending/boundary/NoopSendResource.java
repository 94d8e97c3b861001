package dev.herald.sending.boundary;

import dev.herald.platform.Caller;
import dev.herald.platform.Development;
import dev.herald.platform.RequestBodies;
import dev.herald.sending.control.Envelopes;
import dev.herald.sending.entity.MessageEnvelope;
import dev.herald.sending.entity.SendReceipt;
import dev.herald.sending.entity.SendRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/dev/noop-send}: everything a send costs in this server (HTTP, token check, JSON
 * binding, validation, the envelope, the 202) except Kafka. The benchmark measures Herald against
 * it. Development only ({@link dev.herald.platform.DevelopmentMode}): 404 elsewhere.
 */
@ApplicationScoped
@Development
@Path("dev/noop-send")
public class NoopSendResource {
  @Inject Caller caller;
  @Inject Envelopes envelopes;
  @Inject RequestBodies bodies;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response send(SendRequest request) {
    SendRequest valid = bodies.valid(request);
    MessageEnvelope envelope = envelopes.accept(caller.name(), valid);
    return Response.accepted(
            new SendReceipt(envelope.id(), envelope.conversationId(), envelope.acceptedAt()))
        .build();
  }
}
