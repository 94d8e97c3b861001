package dev.herald.sending.control;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.herald.messages.control.ConversationIds;
import dev.herald.messages.entity.MessageLimits;
import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import dev.herald.sending.entity.MessageEnvelope;
import dev.herald.sending.entity.SendRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Turns a validated send request into the envelope that goes to Kafka. */
@ApplicationScoped
public class Envelopes {
  private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

  @Inject Clock clock;
  @Inject GroupRecipients groupRecipients;

  @Inject
  @ConfigProperty(name = "herald.messages.max-recipients", defaultValue = "100")
  int maxRecipients;

  @PostConstruct
  void checkLimits() {
    if (maxRecipients < 1 || maxRecipients > MessageLimits.RECIPIENTS_HARD_MAX) {
      throw new IllegalStateException(
          "herald.messages.max-recipients must be 1.." + MessageLimits.RECIPIENTS_HARD_MAX);
    }
  }

  public MessageEnvelope accept(String sender, SendRequest request) {
    if (ConversationIds.isGroup(request.conversationId())) {
      String group = ConversationIds.requireGroupShape(request.conversationId());
      return envelope(sender, group, groupRecipients.of(group, sender, request.to()), request);
    }
    List<String> recipients = new ArrayList<>(new LinkedHashSet<>(request.to()));
    if (recipients.size() > maxRecipients) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "Too many recipients.",
          List.of(
              new FieldError("to", "must name at most " + maxRecipients + " distinct recipients")));
    }
    String conversationId = ConversationIds.resolve(request.conversationId(), sender, recipients);
    return envelope(sender, conversationId, recipients, request);
  }

  private MessageEnvelope envelope(
      String sender, String conversationId, List<String> recipients, SendRequest request) {
    return new MessageEnvelope(
        MessageEnvelope.VERSION,
        IDS.generate(),
        conversationId,
        sender,
        List.copyOf(recipients),
        request.subject(),
        request.body(),
        // the database keeps microseconds; an idempotent replay must answer the same instant
        clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}
