package dev.herald.inbox.entity;

import java.util.List;
import java.util.UUID;

/**
 * Some of one recipient's deliveries changed state (read, unread, seen, archived, snoozed, deleted,
 * ...), fired inside the transaction that changed them.
 */
public record DeliveriesChanged(String recipient, List<UUID> messageIds) {}
