package dev.herald.storing.control;

import dev.herald.deadletters.control.RecordRejection;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.messages.control.ConversationIds;
import dev.herald.sending.entity.MessageEnvelope;

/**
 * The API's conversation rules, checked again on a signed record, for an API that was wrong or a
 * leaked key: a {@code dm-} id is derived from its participants, so a record may use only its own
 * sender's and recipients', and a {@code g-} id must have the shape group creation gives. Group
 * membership is not checked again: the recipients of a group send are the members at send time,
 * which the store cannot know later (a member removed a moment after the send must still get it);
 * the signature vouches for them (decision 0017).
 */
final class ConversationRules {
  private ConversationRules() {}

  static MessageEnvelope check(MessageEnvelope envelope) {
    String id = envelope.conversationId();
    if (ConversationIds.isDirect(id)
        && !id.equals(ConversationIds.direct(envelope.sender(), envelope.to()))) {
      throw new RecordRejection(
          RejectReason.WRONG_CONVERSATION,
          "The dm- conversation is not the one of the record's sender and recipients.");
    }
    if (ConversationIds.isGroup(id) && !ConversationIds.isGroupShaped(id)) {
      throw new RecordRejection(
          RejectReason.WRONG_CONVERSATION, "The g- conversation id is not a group's.");
    }
    return envelope;
  }
}
