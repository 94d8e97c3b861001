/**
 * The live stream: {@code GET /api/stream} (Server-Sent Events) tells a user's open clients what
 * happened to their inbox the moment it is committed: new messages, delivery state changes, badge
 * counts and group membership. Every event is first written to the user's event log ({@code
 * live_events}, numbered per user by {@code live_heads} in commit order) inside the transaction of
 * its change, and signalled to every instance with PostgreSQL NOTIFY (user names only); each
 * instance reads what its open streams have not seen from the log. So a reconnect with {@code
 * Last-Event-ID} replays exactly what was missed, whichever instance stored it. Owns {@code
 * live_heads}, {@code live_events} and {@code live_tickets}. Out of scope: what the events are
 * about (inbox, conversations, storing).
 */
package dev.herald.live;
