/**
 * The cluster suite ({@code ./mvnw -Pcluster verify}): three Liberty instances on three KRaft
 * brokers and one PostgreSQL, broken under load (ClusterFaultsIT) and watched by live streams
 * (ClusterStreamsIT). Out of scope: the single-node fault suite (dev.herald.faults), whose load,
 * oracle and table this reuses.
 */
package dev.herald.cluster;
