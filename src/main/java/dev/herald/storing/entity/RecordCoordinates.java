package dev.herald.storing.entity;

/** Where in Kafka a record was read from. */
public record RecordCoordinates(String topic, int partition, long offset) {}
