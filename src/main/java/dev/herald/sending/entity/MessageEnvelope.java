package dev.herald.sending.entity;

import dev.herald.messages.entity.MessageLimits;
import dev.herald.platform.Text;
import dev.herald.platform.UserNames;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as it travels through Kafka (topic herald.messages, keyed by conversation id). The
 * consumer stores it only if Herald signed it (signing), then checks its fields and its dm-
 * conversation again; what only the API could know at send time (the caller, the time, group
 * membership) it takes on the signature's word (decision 0017).
 */
public record MessageEnvelope(
    @NotNull Integer v,
    @NotNull UUID id,
    @NotNull @Pattern(regexp = MessageLimits.CONVERSATION_ID_REGEX) String conversationId,
    @NotNull @Pattern(regexp = UserNames.REGEX) String sender,
    @NotEmpty @Size(max = MessageLimits.RECIPIENTS_HARD_MAX)
        List<@NotNull @Pattern(regexp = UserNames.REGEX) String> to,
    @Size(max = MessageLimits.SUBJECT_MAX_CHARS) @Text String subject,
    @NotNull @Size(max = MessageLimits.BODY_MAX_CHARS) @Text(multiline = true) String body,
    @NotNull Instant acceptedAt) {

  public static final int VERSION = 1;

  /** The same message under another id and time (an idempotent retry keeps the first ones). */
  public MessageEnvelope withIdentity(UUID newId, Instant newAcceptedAt) {
    return new MessageEnvelope(v, newId, conversationId, sender, to, subject, body, newAcceptedAt);
  }
}
