package dev.herald.cluster;

import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Which broker leads the most partitions of herald.messages, as the cluster reports it. */
final class Leaders {
  private Leaders() {}

  /** Its dev-services name: kafka-N for node id N (src/dev/DevServices.java). */
  static String busiestBroker() throws Exception {
    Properties config = new Properties();
    config.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        System.getProperty("org.microshed.kafka.bootstrap.servers"));
    try (Admin admin = Admin.create(config)) {
      Map<Integer, Long> led =
          admin
              .describeTopics(java.util.List.of("herald.messages"))
              .allTopicNames()
              .get()
              .get("herald.messages")
              .partitions()
              .stream()
              .filter(p -> p.leader() != null)
              .collect(Collectors.groupingBy(p -> p.leader().id(), Collectors.counting()));
      int busiest =
          led.entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElseThrow();
      System.out.println("partitions led per node: " + led + "; killing node " + busiest);
      return "kafka-" + busiest;
    }
  }
}
