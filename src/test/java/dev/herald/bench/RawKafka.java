package dev.herald.bench;

import dev.herald.testing.SignedRecords;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A plain Kafka producer with exactly Herald's messages-out settings (read from its configuration,
 * see {@link HeraldConfig}): the broker's side of the limit. It also fills the backlog for the
 * drain.
 */
final class RawKafka {
  /**
   * Records sent and not yet acknowledged, at most: Herald's settings give a record 3 s from send
   * to ack (delivery.timeout.ms), which a producer that only fills its buffer could outrun.
   */
  private static final int IN_FLIGHT = 20_000;

  private final String bootstrap;
  private final Map<String, String> settings = HeraldConfig.load().producer();

  RawKafka(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** The settings the producer uses, as "name=value, …". */
  String settings() {
    return settings.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** Sends {@code count} records to {@code topic}, keyed and signed like Herald's; records/s. */
  double produce(
      String topic, int count, IntFunction<String> key, IntFunction<byte[]> value, String label)
      throws Exception {
    Progress progress = new Progress(label, count, "records");
    try (KafkaProducer<String, byte[]> producer = producer()) {
      CountDownLatch acked = new CountDownLatch(count);
      AtomicLong failed = new AtomicLong();
      Semaphore inFlight = new Semaphore(IN_FLIGHT);
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        inFlight.acquire();
        producer.send(
            // signed as Herald signs (the consumer stores nothing else): the HMAC is part of the
            // cost
            SignedRecords.signed(topic, key.apply(i), value.apply(i)),
            (metadata, error) -> {
              if (error != null) {
                failed.incrementAndGet();
              }
              inFlight.release();
              acked.countDown();
            });
        progress.update(count - acked.getCount());
      }
      while (!acked.await(1, TimeUnit.SECONDS)) {
        progress.update(count - acked.getCount());
        if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
          throw new IllegalStateException(acked.getCount() + " records not acknowledged");
        }
      }
      if (failed.get() > 0) {
        throw new IllegalStateException(failed.get() + " records failed");
      }
      return count / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** Creates the topic (if new) with as many partitions as {@code like} has. */
  void createTopicLike(String topic, String like) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      int partitions =
          admin.describeTopics(List.of(like)).allTopicNames().get().get(like).partitions().size();
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties config = new Properties();
    config.putAll(settings);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(config);
  }
}
