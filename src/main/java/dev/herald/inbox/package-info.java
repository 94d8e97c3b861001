/**
 * A user's inbox: their deliveries newest first with keyset cursors, and read / unread. Every
 * change of read state is audited. Out of scope: storing messages (messages).
 */
package dev.herald.inbox;
