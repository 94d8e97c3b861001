package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {
  @Test
  void turnsKafkaVariablesIntoClientProperties() {
    Map<String, String> environment =
        Map.of(
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "KAFKA_SASL_JAAS_CONFIG", "ScramLoginModule required username=\"h\" password=\"p\";",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/herald/kafka-ca.p12",
            "KAFKA_BOOTSTRAP_SERVERS", "broker:9093");

    assertThat(KafkaSecurity.clientProperties(environment::get))
        .containsOnly(
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
            Map.entry(
                "sasl.jaas.config", "ScramLoginModule required username=\"h\" password=\"p\";"),
            Map.entry("ssl.truststore.location", "/etc/herald/kafka-ca.p12"));
  }

  @Test
  void leavesUnsetAndBlankSettingsOut() {
    assertThat(KafkaSecurity.clientProperties(Map.of("KAFKA_SASL_MECHANISM", " ")::get)).isEmpty();
  }

  @Test
  void namesEachVariableAfterItsClientProperty() {
    assertThat(KafkaSecurity.variable("ssl.endpoint.identification.algorithm"))
        .isEqualTo("KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM");
  }
}
