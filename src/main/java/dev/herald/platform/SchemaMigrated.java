package dev.herald.platform;

/**
 * The schema is at the newest migration and matches the entities: work that reads or writes the
 * database in the background (the store's batch writer, alert dispatch, housekeeping, gauges that
 * query) starts on this event, not when the application starts, because the migration may wait for
 * a database that is down.
 */
public record SchemaMigrated(String version) {}
