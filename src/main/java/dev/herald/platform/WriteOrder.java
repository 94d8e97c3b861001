package dev.herald.platform;

/**
 * The order in which observers of in-transaction events write their tables, as their
 * {@code @Priority}: the inbox's deliveries and counters, the chat list, the alert outbox, the live
 * event log, the audit trail. Every transaction takes its row locks in this one order, so two of
 * them (a storing batch and a user's action) cannot wait for each other in a cycle; and what later
 * writers refer to (deliveries) exists when they write.
 */
public final class WriteOrder {
  public static final int DELIVERIES = 100;
  public static final int CHAT_LIST = 200;
  public static final int ALERTS = 300;
  public static final int LIVE = 400;
  public static final int AUDIT = 500;

  private WriteOrder() {}
}
