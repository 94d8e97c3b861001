package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class HeraldConfigTest {
  @Test
  void takesTheMessagesOutProducerSettingsWithoutTheConnectorsOwn() {
    Properties properties = new Properties();
    properties.setProperty("mp.messaging.outgoing.messages-out.connector", "liberty-kafka");
    properties.setProperty("mp.messaging.outgoing.messages-out.topic", "herald.messages");
    properties.setProperty("mp.messaging.outgoing.messages-out.value.serializer", "x.Pending");
    properties.setProperty("mp.messaging.outgoing.messages-out.acks", "all");
    properties.setProperty("mp.messaging.outgoing.messages-out.linger.ms", "5");
    properties.setProperty("mp.messaging.outgoing.redrive-out.linger.ms", "0");

    assertThat(new HeraldConfig(properties).producer())
        .containsExactly(java.util.Map.entry("acks", "all"), java.util.Map.entry("linger.ms", "5"));
  }

  @Test
  void readsTheApplicationsOwnFile() {
    HeraldConfig herald = HeraldConfig.load();

    assertThat(herald.producer()).containsEntry("acks", "all").containsKey("linger.ms");
    assertThat(herald.storeBatchSize()).isPositive();
  }
}
