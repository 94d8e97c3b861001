/**
 * A user's inbox: their deliveries newest first with keyset cursors on the delivery id, filters
 * (read, seen, archived, snoozed, conversation, sender, creation time), per-recipient states (read,
 * seen, archived, snoozed until a time, deleted for them), bulk actions (read-all, seen-all,
 * archive-read) and the badge counts. Listing an item marks it seen. Every change is audited: one
 * row per delivery for single actions and listings, one row per bulk action. Snooze decisions use
 * the application's {@link java.time.Clock}, never SQL now(). Out of scope: storing messages
 * (messages), conversation lists (conversations), notifications.
 */
package dev.herald.inbox;
