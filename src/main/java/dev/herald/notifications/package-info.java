/**
 * Notifications: alerting recipients of stored messages through the channels they chose.
 *
 * <p>Storing a message writes one pending notification per recipient and enabled channel in the
 * same transaction (an outbox; {@code NewAlerts} observes the stored batch). A {@code Dispatcher}
 * on every instance claims due notifications with {@code FOR UPDATE SKIP LOCKED} and a lease,
 * decides each by the recipient's current preferences ({@code AlertRules}: read, muted, quiet
 * hours, digest), sends it through a {@code NotificationChannel} (email over SMTP, a signed SMS
 * webhook, the log) and records the outcome, retrying with backoff; sent and failed are audited.
 *
 * <p>An email address or phone number gets alerts only once its owner confirmed a code sent to it
 * through its own channel ({@code ContactVerification}, {@code contact_codes}); until then its
 * alerts are skipped with a reason the user reads.
 *
 * <p>Operations: {@code GET/PUT /api/me/preferences} (the {@code NotificationPreference} entity),
 * {@code POST /api/me/preferences/{email|phone}/code} and {@code .../confirmation}, {@code GET
 * /api/notifications}.
 *
 * <p>Out of scope: push notifications, templates per locale, exactly-once delivery at the receiver
 * (sending is at least once; the notification id is the receiver's de-dup key).
 */
package dev.herald.notifications;
