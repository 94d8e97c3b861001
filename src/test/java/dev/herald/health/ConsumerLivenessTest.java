package dev.herald.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsumerLivenessTest {
  final ConsumerLiveness liveness = new ConsumerLiveness();
  final ObjectName consumer;

  ConsumerLivenessTest() throws Exception {
    liveness.clientId = "liveness-test-" + System.nanoTime();
    consumer = new ObjectName("kafka.consumer:type=app-info,id=" + liveness.clientId);
  }

  /** What the Kafka client registers while it exists. */
  public interface AppInfoMBean {
    String getVersion();
  }

  void consumerCreated() throws Exception {
    AppInfoMBean info = () -> "test";
    ManagementFactory.getPlatformMBeanServer()
        .registerMBean(new StandardMBean(info, AppInfoMBean.class), consumer);
  }

  void consumerClosed() throws Exception {
    ManagementFactory.getPlatformMBeanServer().unregisterMBean(consumer);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (ManagementFactory.getPlatformMBeanServer().isRegistered(consumer)) {
      consumerClosed();
    }
  }

  @Test
  void isLiveWhileStartingBeforeTheConsumerExists() {
    assertThat(liveness.state()).isEqualTo("starting");
  }

  @Test
  void isLiveWhileTheConsumerExists() throws Exception {
    consumerCreated();

    assertThat(liveness.state()).isEqualTo("consuming");
  }

  @Test
  void isDeadOnceTheConsumerWasClosed() throws Exception {
    consumerCreated();
    liveness.state();
    consumerClosed();

    assertThat(liveness.state()).isEqualTo(ConsumerLiveness.CLOSED);
  }
}
