package dev.herald.inbox.entity;

import java.util.List;
import java.util.UUID;

/**
 * Some of one recipient's deliveries changed state by one action (read, unread, seen, archived,
 * snoozed, deleted, ...), fired inside the transaction that changed them.
 */
public record DeliveriesChanged(String recipient, DeliveryAction action, List<UUID> messageIds) {}
