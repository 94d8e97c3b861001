package dev.herald.storing.control;

import dev.herald.platform.GaugeFamily;
import dev.herald.platform.KafkaAdmin;
import dev.herald.platform.MetricsRefresh;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code herald_consumer_lag{group,topic,partition}}: records of herald.messages the store's
 * consumer group has not committed yet, per partition: the log end offset minus the group's
 * committed offset. Two admin calls per refresh, whoever scrapes; the same for every instance of
 * the group (take the max across instances, not the sum).
 */
@ApplicationScoped
public class ConsumerLag {
  @Inject KafkaAdmin kafka;
  @Inject MetricRegistry registry;
  @Inject MetricsRefresh refresh;

  @Inject
  @ConfigProperty(name = "mp.messaging.incoming.messages-in.group.id")
  String group;

  @Inject
  @ConfigProperty(name = "mp.messaging.incoming.messages-in.topic")
  String topic;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    GaugeFamily lag =
        new GaugeFamily(
            registry,
            "herald.consumer.lag",
            "Records not yet consumed and committed by the store, per partition",
            "group",
            "topic",
            "partition");
    refresh.every("consumer lag", () -> lag.replaceAll(measure()));
  }

  private Map<List<String>, Long> measure() throws Exception {
    Admin admin = kafka.client();
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResultInfo> latest =
        admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS);
    Map<List<String>, Long> lag = new HashMap<>();
    latest.forEach(
        (partition, end) -> {
          OffsetAndMetadata at = committed.get(partition);
          long lagging = end.offset() - (at == null ? 0 : at.offset());
          lag.put(List.of(group, topic, String.valueOf(partition.partition())), lagging);
        });
    return lag;
  }
}
