package dev.herald.messages.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** Full-text search in English and Korean over the messages a user may see. */
@MicroShedTest
class MessageSearchIT {
  static final String KOREAN = "내일 회의는 3시에 시작합니다";
  static final String ENGLISH = "Agenda for the quarterly planning meeting";

  final String sender = Users.unique("sender");
  final String recipient = Users.unique("recipient");
  String korean;

  @BeforeEach
  void twoMessagesStored() {
    korean = send(KOREAN).json().getString("id");
    Reply sent =
        Herald.as(sender)
            .post(
                "api/messages",
                Requests.message(List.of(recipient), ENGLISH)
                    .add("subject", "Planning")
                    .build()
                    .toString());
    assertThat(sent.status()).isEqualTo(202);
    send("lunch is at noon");
    await("stored")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Herald.as(recipient).get("api/messages").json().getJsonArray("items").size() == 3);
  }

  @Test
  void findsAKoreanWordInsideASentence() {
    assertThat(bodies(search(recipient, "회의"))).containsExactly(KOREAN);
    assertThat(bodies(search(recipient, "회의는"))).containsExactly(KOREAN);
    assertThat(bodies(search(recipient, "시작"))).containsExactly(KOREAN);
    assertThat(bodies(search(recipient, "회"))).containsExactly(KOREAN);
  }

  @Test
  void findsEnglishWordsByTheirStem() {
    assertThat(bodies(search(recipient, "planning"))).containsExactly(ENGLISH);
    assertThat(bodies(search(recipient, "meetings"))).containsExactly(ENGLISH);
    assertThat(bodies(search(recipient, "Quarterly Meetings"))).containsExactly(ENGLISH);
    assertThat(bodies(search(recipient, "planning dinner"))).isEmpty();
  }

  @Test
  void findsWhatTheSenderSentButNothingForStrangers() {
    assertThat(bodies(search(sender, "회의"))).containsExactly(KOREAN);
    assertThat(bodies(search(Users.unique("stranger"), "회의"))).isEmpty();
  }

  @Test
  void hidesMessagesTheRecipientDeleted() {
    LogDatabase.query(
        "update deliveries set deleted_at = now() where message_id = ?::uuid and recipient = ?"
            + " returning id",
        korean,
        recipient);
    assertThat(bodies(search(recipient, "회의"))).isEmpty();
    assertThat(bodies(search(sender, "회의"))).containsExactly(KOREAN);
  }

  @Test
  void ranksAndPagesMatches() {
    send("planning, planning and more planning");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bodies(search(recipient, "planning")).size() == 2);
    Reply first = search(recipient, "planning", "&limit=1");
    assertThat(bodies(first)).hasSize(1);
    Reply second =
        search(recipient, "planning", "&limit=1&cursor=" + first.json().getString("nextCursor"));
    assertThat(bodies(second)).hasSize(1).doesNotContainAnyElementsOf(bodies(first));
    assertThat(second.json().containsKey("nextCursor")).isFalse();
  }

  @Test
  void letsAuditorsSearchAnotherUsersMessages() {
    Reply reply =
        Herald.withRoles(Users.unique("auditor"), "herald-auditor")
            .get("api/messages/search?user=" + recipient + "&q=" + encode("회의"));
    assertThat(bodies(reply)).containsExactly(KOREAN);
    Reply refused = Herald.as(sender).get("api/messages/search?user=" + recipient + "&q=x");
    assertThat(refused.status()).isEqualTo(403);
  }

  Reply send(String body) {
    Reply sent = Herald.as(sender).post("api/messages", Requests.send(List.of(recipient), body));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    return sent;
  }

  static Reply search(String user, String q, String... more) {
    return Herald.as(user).get("api/messages/search?q=" + encode(q) + String.join("", more));
  }

  static String encode(String q) {
    return URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  static List<String> bodies(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(m -> m.getString("body"))
        .toList();
  }
}
