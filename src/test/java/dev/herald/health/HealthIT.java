package dev.herald.health;

import static dev.herald.testing.Herald.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class HealthIT {

  @Test
  void isReadyWhenKafkaAndTheDatabaseAnswerAndItIsConfigured() {
    Reply ready = anonymous().get("health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getJsonArray("checks").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("name") + "=" + c.getString("status"))
        .containsExactlyInAnyOrder("kafka=UP", "database=UP", "configuration=UP");
  }

  @Test
  void isLiveWhileItsKafkaConsumerIsConsuming() {
    Reply live = anonymous().get("health/live");

    assertThat(live.status()).isEqualTo(200);
    assertThat(live.body()).contains("\"kafka-consumer\"", "\"consuming\"");
  }

  @Test
  void hasStartedOnceTheSchemaIsCurrentAndTheConsumerExists() {
    Reply started = anonymous().get("health/started");

    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().getJsonArray("checks").getValuesAs(JsonObject.class))
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.getString("name")).isEqualTo("started");
              assertThat(check.getString("status")).isEqualTo("UP");
              assertThat(check.getJsonObject("data").getString("schema")).isEqualTo("current");
              assertThat(check.getJsonObject("data").getString("consumer")).isEqualTo("consuming");
            });
  }

  @Test
  void describesTheApiWithOpenApi() {
    Reply openapi = anonymous().get("openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/api/messages", "/api/inbox", "/api/conversations/{id}/messages");
    assertThat(anonymous().get("openapi/ui/").status()).isEqualTo(200);
  }
}
