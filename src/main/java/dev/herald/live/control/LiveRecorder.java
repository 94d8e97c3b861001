package dev.herald.live.control;

import dev.herald.conversations.entity.MembersChanged;
import dev.herald.inbox.entity.DeliveriesChanged;
import dev.herald.inbox.entity.InboxChanged;
import dev.herald.live.entity.LiveEntry;
import dev.herald.platform.WriteOrder;
import dev.herald.storing.entity.MessagesStored;
import dev.herald.storing.entity.MessagesStored.NewMessage;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what other features report inside their transactions into entries of users' event logs: a
 * stored message is a {@code message} event for each recipient and for its sender (so every tab of
 * the sender shows it too); a delivery's change of state a {@code delivery} event; a bulk action
 * one {@code delivery} event with its criteria; a membership change a {@code conversation} event
 * for each user added or removed.
 */
@ApplicationScoped
public class LiveRecorder {
  @Inject LiveLog log;

  void stored(@Observes @Priority(WriteOrder.LIVE) MessagesStored stored) throws SQLException {
    List<LiveEntry> entries = new ArrayList<>();
    for (NewMessage message : stored.messages()) {
      for (String recipient : message.recipients()) {
        entries.add(new LiveEntry(recipient, LiveEntry.MESSAGE, message.id(), null));
      }
      if (!message.recipients().contains(message.sender())) {
        entries.add(new LiveEntry(message.sender(), LiveEntry.MESSAGE, message.id(), null));
      }
    }
    log.append(entries);
  }

  void changed(@Observes @Priority(WriteOrder.LIVE) DeliveriesChanged changed) throws SQLException {
    log.append(
        changed.messageIds().stream()
            .map(id -> new LiveEntry(changed.recipient(), LiveEntry.DELIVERY, id, null))
            .toList());
  }

  void changed(@Observes @Priority(WriteOrder.LIVE) InboxChanged changed) throws SQLException {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("bulk", changed.action());
    if (changed.conversationId() != null) {
      details.put("conversationId", changed.conversationId());
    }
    if (changed.before() != null) {
      details.put("before", changed.before().toString());
    }
    details.put("updated", changed.updated());
    log.append(List.of(new LiveEntry(changed.recipient(), LiveEntry.DELIVERY, null, details)));
  }

  void changed(@Observes @Priority(WriteOrder.LIVE) MembersChanged changed) throws SQLException {
    List<LiveEntry> entries = new ArrayList<>();
    changed.added().forEach(user -> entries.add(membership(changed, user, "added")));
    changed.removed().forEach(user -> entries.add(membership(changed, user, "removed")));
    log.append(entries);
  }

  private static LiveEntry membership(MembersChanged changed, String user, String change) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("conversationId", changed.conversationId());
    details.put("title", changed.title());
    details.put("change", change);
    return new LiveEntry(user, LiveEntry.CONVERSATION, null, details);
  }
}
