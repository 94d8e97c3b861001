package dev.herald.faults;

import static org.awaitility.Awaitility.await;

import dev.herald.faults.FaultLoad.Outcome;
import dev.herald.testing.LogDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Checks a fault run against the database once Herald has consumed everything: every 202 stored
 * exactly once with all its deliveries, nothing that was refused stored, sends without an answer
 * stored at most once.
 */
public final class Oracle {
  private static final String STORED =
      "select m.body, count(distinct m.id), count(d.id), min(m.seq), min(m.conversation_id)"
          + " from messages m"
          + " left join deliveries d on d.message_id = m.id"
          + " where m.sender = any(?) group by m.body";

  /**
   * How often each body was stored, with how many deliveries in all, and where: its position in the
   * log and its conversation.
   */
  public record Stored(long messages, long deliveries, long seq, String conversation) {
    static final Stored NONE = new Stored(0, 0, 0, null);
  }

  public static Map<String, Stored> stored(List<String> senders) {
    try (Connection connection = LogDatabase.connect();
        PreparedStatement query = connection.prepareStatement(STORED)) {
      query.setArray(1, connection.createArrayOf("varchar", senders.toArray()));
      Map<String, Stored> stored = new HashMap<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          stored.put(
              rows.getString(1),
              new Stored(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getString(5)));
        }
      }
      return stored;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the consumer group has committed every record in the topic. */
  public static void awaitDrained(Duration atMost) {
    Properties config = new Properties();
    config.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        System.getProperty("org.microshed.kafka.bootstrap.servers"));
    try (Admin admin = Admin.create(config)) {
      await("herald-store caught up with herald.messages")
          .atMost(atMost)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(() -> lag(admin) == 0);
    }
  }

  private static long lag(Admin admin) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets("herald-store").partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetSpec> latest =
        admin
            .describeTopics(List.of("herald.messages"))
            .allTopicNames()
            .get()
            .get("herald.messages")
            .partitions()
            .stream()
            .collect(
                Collectors.toMap(
                    p -> new TopicPartition("herald.messages", p.partition()),
                    p -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
    long lag = 0;
    for (var end : ends.entrySet()) {
      OffsetAndMetadata at = committed.get(end.getKey());
      lag += end.getValue().offset() - (at == null ? 0 : at.offset());
    }
    return lag;
  }

  public static ReliabilityRow judge(
      String fault, List<Outcome> outcomes, List<Long> repairs, Map<String, Stored> stored) {
    ReliabilityRow row = new ReliabilityRow(fault, repairs.size());
    for (Outcome outcome : outcomes) {
      Stored found = stored.getOrDefault(outcome.body(), Stored.NONE);
      row.count(
          outcome.status(),
          found.messages(),
          found.deliveries() == found.messages() * outcome.recipients());
    }
    row.recovery(outcomes, repairs);
    row.orderViolations = ConversationOrder.violations(outcomes, stored);
    return row;
  }
}
