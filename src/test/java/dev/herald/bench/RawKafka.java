package dev.herald.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A plain Kafka producer with Herald's producer settings: the broker's side of the limit. */
final class RawKafka {
  private final String bootstrap;

  RawKafka(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** Sends {@code count} records to {@code topic}, keyed like Herald's; returns records/s. */
  double produce(String topic, int count, IntFunction<String> key, IntFunction<byte[]> value)
      throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      CountDownLatch acked = new CountDownLatch(count);
      AtomicLong failed = new AtomicLong();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        producer.send(
            new ProducerRecord<>(topic, key.apply(i), value.apply(i)),
            (metadata, error) -> {
              if (error != null) {
                failed.incrementAndGet();
              }
              acked.countDown();
            });
      }
      if (!acked.await(10, TimeUnit.MINUTES) || failed.get() > 0) {
        throw new IllegalStateException(failed.get() + " records failed or timed out");
      }
      return count / ((System.nanoTime() - start) / 1e9);
    }
  }

  void createTopic(String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(config);
  }
}
