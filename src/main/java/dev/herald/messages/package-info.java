/**
 * Sending messages. {@code POST /api/messages} validates, publishes one record to herald.messages
 * (keyed by conversation) and answers 202 once the broker acknowledged it; the {@code @Incoming}
 * consumer stores each record with its deliveries exactly once, or dead-letters it. A send to a
 * group is addressed to its members at send time ({@code GroupRecipients}). Also {@code GET
 * /api/messages/{id}}. Out of scope: delivery state (inbox), alerts (notifications).
 */
package dev.herald.messages;
