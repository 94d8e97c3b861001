/**
 * Storing: Kafka → PostgreSQL. The {@code @Incoming} consumer groups records into batches, treats
 * each as untrusted input (only records Herald signed, see signing; then the envelope's fields and
 * its dm- conversation, {@code ConversationRules}; dead letters for those that can never be
 * messages), stores each message exactly once in {@code messages} and fires {@code MessagesStored}
 * for the batch inside its transaction, so that the inbox, conversations, notifications, the live
 * stream and the audit log write their own rows in the same commit. Owns {@code messages} and
 * {@code send_outcomes} (the race with the API over a send whose broker answer was lost). Out of
 * scope: what other features make of a stored message.
 */
package dev.herald.storing;
