/**
 * Dead letters: Kafka records that can never become messages, kept raw with the reason and their
 * coordinates, once each. The consumer never stops for them.
 *
 * <p>Admins list, inspect, re-drive (signed anew with the current key, which the audit event names)
 * and discard them: the {@code RejectedRecord} entity and its named queries; the intake is one SQL
 * insert-if-absent per Kafka coordinate (decision 0013).
 */
package dev.herald.deadletters;
