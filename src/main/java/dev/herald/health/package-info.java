/** Readiness: Herald is ready only while both Kafka and PostgreSQL answer. */
package dev.herald.health;
