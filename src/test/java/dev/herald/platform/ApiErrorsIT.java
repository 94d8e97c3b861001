package dev.herald.platform;

import static dev.herald.testing.Herald.anonymous;
import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class ApiErrorsIT {
  final String alice = Users.unique("alice");

  static void assertProblem(Reply reply, int status, String type) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:" + type);
    assertThat(reply.json().getInt("status")).isEqualTo(status);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          malformed JSON          | {"to":["bob"],"body":"x"          | malformed-json |
          not an object           | ["bob"]                            | malformed-json |
          empty body              | ''                                 | validation     | body
          missing recipients      | {"body":"x"}                       | validation     | to
          empty recipients        | {"to":[],"body":"x"}               | validation     | to
          bad recipient name      | {"to":["bob smith"],"body":"x"}    | validation     | to[0]
          null recipient          | {"to":[null],"body":"x"}           | validation     | to[0]
          missing body            | {"to":["bob"]}                     | validation     | body
          empty body text         | {"to":["bob"],"body":""}           | validation     | body
          whitespace body         | {"to":["bob"],"body":"  \\n "}     | validation     | body
          body of wrong type      | {"to":["bob"],"body":42}           | validation     | body
          recipients not a list   | {"to":"bob","body":"x"}            | validation     | to
          empty subject           | {"to":["bob"],"body":"x","subject":""} | validation | subject
          unknown field           | {"to":["bob"],"body":"x","cc":[]}  | validation     | cc
          bad conversation id     | {"to":["bob"],"body":"x","conversationId":"../etc"} | validation | conversationId
          """)
  void refusesABadSendWithAProblemNamingTheField(
      String why, String body, String type, String field) {
    Reply reply = as(alice).post("api/messages", body);
    assertProblem(reply, 400, type);
    if (field != null) {
      assertThat(reply.json().getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class))
          .extracting(e -> e.getString("field"))
          .contains(field);
    }
  }

  @Test
  void refusesAnOversizedFieldWith400() {
    assertProblem(
        as(alice)
            .post("api/messages", "{\"to\":[\"bob\"],\"body\":\"" + "x".repeat(16_385) + "\"}"),
        400,
        "validation");
    assertProblem(
        as(alice)
            .post(
                "api/messages",
                "{\"to\":[\"bob\"],\"body\":\"x\",\"subject\":\"" + "s".repeat(201) + "\"}"),
        400,
        "validation");
  }

  @Test
  void refusesMoreRecipientsThanAllowed() {
    String recipients =
        IntStream.range(0, 101).mapToObj(i -> "\"user" + i + "\"").collect(Collectors.joining(","));
    Reply reply = as(alice).post("api/messages", "{\"to\":[" + recipients + "],\"body\":\"x\"}");
    assertProblem(reply, 400, "validation");
  }

  @Test
  void refusesABodyOver64KibWith413() {
    String huge = "{\"to\":[\"bob\"],\"body\":\"" + "x".repeat(70_000) + "\"}";
    assertProblem(as(alice).post("api/messages", huge), 413, "payload-too-large");
  }

  @Test
  void refusesAnotherContentTypeWith415() {
    Reply reply =
        as(alice).send("POST", "api/messages", "text/plain", BodyPublishers.ofString("hello"));
    assertProblem(reply, 415, "unsupported-media-type");
  }

  @Test
  void refusesEveryApiCallWithoutAValidToken() {
    assertProblem(anonymous().get("api/inbox"), 401, "unauthenticated");
    assertProblem(
        anonymous().post("api/messages", "{\"to\":[\"bob\"],\"body\":\"x\"}"),
        401,
        "unauthenticated");
    assertProblem(
        dev.herald.testing.Herald.withToken("not.a.jwt").get("api/inbox"), 401, "unauthenticated");
    assertThat(anonymous().get("api/inbox").header("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
  }

  @ParameterizedTest
  @CsvSource({
    "api/inbox?limit=0",
    "api/inbox?limit=101",
    "api/inbox?limit=abc",
    "api/inbox?unread=maybe"
  })
  void refusesBadQueryParametersWith400(String path) {
    assertProblem(as(alice).get(path), 400, "validation");
  }

  @Test
  void refusesACursorItDidNotIssueWith400() {
    assertProblem(as(alice).get("api/inbox?cursor=bm90LWEtY3Vyc29y"), 400, "bad-cursor");
    assertProblem(
        as(alice).get("api/conversations/c1/messages?before=%2E%2E%2F"), 400, "bad-cursor");
  }

  @Test
  void answersUnknownPathsWithProblemJson() {
    assertProblem(as(alice).get("api/nothing-here"), 404, "not-found");
    assertProblem(anonymous().get("nothing-here"), 404, "not-found");
    assertProblem(as(alice).get("api/messages/not-a-uuid"), 404, "not-found");
  }
}
