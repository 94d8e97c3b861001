package dev.herald.inbox.entity;

/**
 * The badge: deliveries that are neither deleted, archived nor currently snoozed; of those, how
 * many are unread and how many were never seen.
 */
public record InboxCounts(long unread, long unseen, long total) {}
