package dev.herald.inbox.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a recipient does to one delivery: the column it changes, how, and the audit action. Each
 * changes its column only if that changes the state, so a repeat changes and audits nothing.
 */
public enum DeliveryAction {
  READ("read", "read_at", Change.NOW, "delivery.read"),
  UNREAD("unread", "read_at", Change.CLEAR, "delivery.unread"),
  SEEN("seen", "seen_at", Change.NOW, "delivery.seen"),
  ARCHIVE("archive", "archived_at", Change.NOW, "delivery.archived"),
  UNARCHIVE("unarchive", "archived_at", Change.CLEAR, "delivery.unarchived"),
  SNOOZE("snooze", "snoozed_until", Change.SET, "delivery.snoozed"),
  UNSNOOZE("unsnooze", "snoozed_until", Change.CLEAR, "delivery.unsnoozed"),
  DELETE("delete", "deleted_at", Change.NOW, "delivery.deleted");

  /** NOW stamps the time if unset; CLEAR unsets; SET writes a given time if it differs. */
  public enum Change {
    NOW,
    CLEAR,
    SET
  }

  private final String path;
  private final String column;
  private final Change change;
  private final String auditAction;

  DeliveryAction(String path, String column, Change change, String auditAction) {
    this.path = path;
    this.column = column;
    this.change = change;
    this.auditAction = auditAction;
  }

  /** The action named by the last segment of {@code POST /api/inbox/{messageId}/<path>}. */
  public static Optional<DeliveryAction> ofPath(String path) {
    return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
  }

  public String column() {
    return column;
  }

  public Change change() {
    return change;
  }

  public String auditAction() {
    return auditAction;
  }

  /** The condition under which the action changes the row. */
  public String condition() {
    return switch (change) {
      case NOW -> "d." + column + " is null";
      case CLEAR -> "d." + column + " is not null";
      case SET -> "d." + column + " is distinct from ?";
    };
  }
}
