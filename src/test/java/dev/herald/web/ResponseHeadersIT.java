package dev.herald.web;

import static dev.herald.testing.Herald.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What browsers and proxies may do with Herald's answers: API answers, errors and the live stream
 * included, are never stored and never sniffed; the page's files are revalidated on every load.
 */
class ResponseHeadersIT {

  @Test
  void apiAnswersAreNeverStoredNorSniffed() {
    String user = Users.unique("headers");
    Map<String, Reply> answers =
        Map.of(
            "a 200", Herald.as(user).get("api/inbox"),
            "a 401", anonymous().get("api/inbox"),
            "a 404", anonymous().get("api/nothing-here"),
            "a 400", Herald.as(user).post("api/messages", "{not json"),
            "the public web config", anonymous().get("api/web/config"),
            "the stream without a ticket", anonymous().get("api/stream"));
    answers.forEach(
        (what, reply) -> {
          assertThat(reply.header("Cache-Control")).as(what + ": " + reply).contains("no-store");
          assertThat(reply.header("X-Content-Type-Options")).as(what).contains("nosniff");
        });
  }

  @Test
  void pageFilesAreRevalidatedAndNeverSniffed() {
    for (String path : new String[] {"", "inbox", "js/main.js", "css/app.css", "favicon.svg"}) {
      Reply reply = anonymous().get(path);
      assertThat(reply.status()).as(path).isEqualTo(200);
      assertThat(reply.header("Cache-Control")).as(path).contains("no-cache");
      assertThat(reply.header("X-Content-Type-Options")).as(path).contains("nosniff");
    }
  }
}
