package dev.herald.health;

import static dev.herald.testing.Herald.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Reply;
import jakarta.json.JsonObject;
import java.util.List;
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
    List<JsonObject> checks = started.json().getJsonArray("checks").getValuesAs(JsonObject.class);
    assertThat(checks)
        .extracting(check -> check.getString("name") + "=" + check.getString("status"))
        .containsExactlyInAnyOrder("started=UP", "configuration=UP");
    assertThat(checks)
        .filteredOn(check -> check.getString("name").equals("started"))
        .singleElement()
        .satisfies(
            check -> {
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
