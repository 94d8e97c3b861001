/**
 * Signing: the trust boundary on herald.messages. Every record Herald publishes (sends and
 * re-drives) carries an HMAC-SHA256 over its key and value and the id of the key that made it, in
 * record headers ({@code SignatureHeaders}); the consumer stores only records whose signature
 * verifies with the current or the previous key ({@code RecordVerifier}), so that write access to
 * the topic alone cannot put a message in anyone's inbox. Keys come from configuration ({@code
 * SigningKeys}); a development key only where the run and test commands switch it on. Out of scope:
 * who may write the topic (the broker's ACLs), encrypting records.
 */
package dev.herald.signing;
