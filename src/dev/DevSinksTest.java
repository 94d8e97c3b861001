import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevSinksTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private DevSinks sinks;

  @BeforeEach
  void start() throws Exception {
    sinks = new DevSinks(0, 0);
    sinks.start();
  }

  @AfterEach
  void stop() {
    sinks.stop();
  }

  @Test
  void keepsEveryEmailAndShowsItsPlainText() throws Exception {
    GreenMailUtil.sendTextEmail(
        "ann@example.org",
        "herald@example.org",
        "New message from bob",
        "Lunch at 12?",
        new ServerSetup(sinks.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    assertThat(sinks.caught())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.channel()).isEqualTo("email");
              assertThat(c.to()).isEqualTo("ann@example.org");
              assertThat(c.subject()).isEqualTo("New message from bob");
              assertThat(c.text()).isEqualTo("Lunch at 12?");
            });
  }

  @Test
  void answersEverySmsWebhookWithAnIdAndKeepsTheText() throws Exception {
    HttpResponse<String> answer =
        post("/sms", "{\"to\":\"+821012345678\",\"text\":\"bob: \\\"hi\\\"\\nthere\",\"x\":1}");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"id\":\"dev-sms-1\"}");
    assertThat(sinks.caught())
        .extracting(DevSinks.Caught::channel, DevSinks.Caught::to, DevSinks.Caught::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sms", "+821012345678", "bob: \"hi\"\nthere"));
  }

  @Test
  void listsWhatItCaughtAsJsonAndAsAPageWithTheTextEscaped() throws Exception {
    post("/sms", "{\"to\":\"+15550100\",\"text\":\"<b>bold</b> & \\\"quoted\\\"\"}");

    HttpResponse<String> json = get("/alerts.json");
    HttpResponse<String> page = get("/");

    assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json.body())
        .startsWith("[{\"channel\":\"sms\",\"to\":\"+15550100\",\"subject\":null,")
        .contains("\"text\":\"<b>bold</b> & \\\"quoted\\\"\"");
    assertThat(page.body())
        .contains("+15550100", "&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;")
        .doesNotContain("<b>bold</b>");
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + sinks.httpPort() + path);
  }
}
