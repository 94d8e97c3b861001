/**
 * Sending: API → Kafka. {@code POST /api/messages} validates, applies the per-sender rate limit and
 * the Idempotency-Key, publishes one envelope to herald.messages (keyed by conversation) and
 * answers 202 once the broker acknowledged it, 503 only when it never will have it. A send to a
 * group is addressed to its members at send time ({@code GroupRecipients}). Owns {@code
 * idempotency_keys}. The envelope ({@code MessageEnvelope}, {@code EnvelopeCodec}) is the record
 * format storing reads. Out of scope: storing the record (storing), reading messages (messages).
 */
package dev.herald.sending;
