/**
 * What every feature shares: the JAX-RS application, authentication, the mapping of token groups to
 * roles and the required token audience, development mode and its gate, strict JSON, RFC 9457
 * problem responses, the request size limit, schema migration at start-up, topic creation and the
 * Kafka clients' security settings ({@code KafkaSecurity}).
 */
package dev.herald.platform;
