/**
 * Health: started once the schema is migrated and the Kafka consumer exists; ready only while Kafka
 * and PostgreSQL answer and the outgoing channel is open; live only while the Kafka consumer is
 * (the connector cannot restart a consumer it closed).
 */
package dev.herald.health;
