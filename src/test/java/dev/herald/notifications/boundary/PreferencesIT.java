package dev.herald.notifications.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notifications.Alerts;
import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** A user's own preferences: defaults, replaced whole, refused with the field to blame. */
@MicroShedTest
class PreferencesIT {
  @Test
  void answersTheDefaultsBeforeAnythingWasSaved() {
    JsonObject preferences = Herald.as(Users.unique("new")).get("api/me/preferences").json();
    assertThat(preferences.getJsonArray("channels").getString(0)).isEqualTo("log");
    assertThat(preferences.getInt("digestMinutes")).isZero();
    assertThat(preferences.getJsonArray("mutedConversationIds")).isEmpty();
  }

  @Test
  void keepsWhatWasSavedForThatUserOnly() {
    String user = Users.unique("saver");
    String json =
        "{\"channels\":[\"email\",\"sms\"],\"email\":\"a.b+c@example.org\",\"phone\":\"+821012345678\","
            + "\"mutedConversationIds\":[\"team-1\"],\"quietHours\":{\"start\":\"22:00\","
            + "\"end\":\"07:30\",\"timeZone\":\"Asia/Seoul\"},\"digestMinutes\":15}";
    Alerts.prefer(user, json);

    JsonObject saved = Herald.as(user).get("api/me/preferences").json();
    assertThat(saved.getJsonArray("channels").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsExactly("email", "sms");
    assertThat(saved.getString("email")).isEqualTo("a.b+c@example.org");
    assertThat(saved.getString("phone")).isEqualTo("+821012345678");
    assertThat(saved.getJsonObject("quietHours").getString("end")).isEqualTo("07:30");
    assertThat(saved.getJsonObject("quietHours").getString("timeZone")).isEqualTo("Asia/Seoul");
    assertThat(saved.getInt("digestMinutes")).isEqualTo(15);
    JsonObject other = Herald.as(Users.unique("other")).get("api/me/preferences").json();
    assertThat(other.containsKey("email")).isFalse();
  }

  @Test
  void refusesInvalidPreferencesNamingEachField() {
    Reply reply =
        Alerts.putPreferences(
            Users.unique("invalid"),
            "{\"channels\":[\"email\",\"sms\",\"pager\"],\"email\":\"not-an-address\","
                + "\"phone\":\"010-1234-5678\",\"quietHours\":{\"start\":\"25:00\","
                + "\"end\":\"07:00\",\"timeZone\":\"Mars/Olympus\"},\"digestMinutes\":-1}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    List<String> fields =
        reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList();
    assertThat(fields)
        .contains("channels[2]", "email", "phone", "quietHours.start", "digestMinutes");
  }

  @Test
  void refusesAChannelWithoutItsAddressAndAnUnknownTimeZone() {
    Reply reply =
        Alerts.putPreferences(
            Users.unique("incomplete"),
            "{\"channels\":[\"email\",\"sms\"],\"quietHours\":{\"start\":\"22:00\","
                + "\"end\":\"07:00\",\"timeZone\":\"Mars/Olympus\"}}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    List<String> fields =
        reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList();
    assertThat(fields).containsExactlyInAnyOrder("email", "phone", "quietHours.timeZone");
  }
}
