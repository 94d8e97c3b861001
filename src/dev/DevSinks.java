import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Where the run command's alerts go (the Mailpit of Herald's development): an SMTP server that
 * keeps every email and an SMS gateway that answers every webhook with 200, both on 127.0.0.1, and
 * a page (GET /) and JSON (GET /alerts.json) on the gateway's port listing what they caught, newest
 * first. Started only by the run command (pom.xml, exec:exec@sinks-start); the ITs start their own
 * mail server and gateway on the same ports.
 *
 * <p>{@code run SMTP_PORT HTTP_PORT}: runs until the Maven process that started it ends.
 */
public class DevSinks {
  /** An alert as a developer reads it. */
  public record Caught(String channel, String to, String subject, String text, Instant at) {}

  private final GreenMail smtp;
  private final HttpServer http;
  private final List<Caught> texts = new CopyOnWriteArrayList<>();

  DevSinks(int smtpPort, int httpPort) throws IOException {
    ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    // port 0: any free port (the unit test)
    smtp = new GreenMail(smtpPort == 0 ? setup.dynamicPort() : setup);
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
    http.createContext("/sms", this::receiveSms);
    http.createContext(
        "/alerts.json", e -> answer(e, 200, "application/json", AlertsPage.json(caught())));
    http.createContext(
        "/", e -> answer(e, 200, "text/html; charset=utf-8", AlertsPage.html(caught())));
    http.setExecutor(Executors.newFixedThreadPool(2));
  }

  public static void main(String[] args) throws Exception {
    DevSinks sinks = new DevSinks(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    sinks.start();
    System.out.printf(
        "[dev-sinks] email on 127.0.0.1:%s, SMS webhook on http://127.0.0.1:%s/sms;"
            + " caught alerts at http://localhost:%s/%n",
        args[1], args[2], args[2]);
    // never outlive the Maven process that started us (it may die without its shutdown hooks)
    ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(0)));
    Runtime.getRuntime().addShutdownHook(new Thread(sinks::stop));
  }

  void start() {
    smtp.start();
    http.start();
  }

  int smtpPort() {
    return smtp.getSmtp().getPort();
  }

  int httpPort() {
    return http.getAddress().getPort();
  }

  void stop() {
    http.stop(0);
    smtp.stop();
  }

  /** Everything caught so far, newest first. */
  List<Caught> caught() {
    List<Caught> all = new ArrayList<>(texts);
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      all.add(email(mail));
    }
    all.sort(Comparator.comparing(Caught::at).reversed());
    return all;
  }

  private void receiveSms(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    texts.add(new Caught("sms", field(body, "to"), null, field(body, "text"), Instant.now()));
    answer(exchange, 200, "application/json", "{\"id\":\"dev-sms-" + texts.size() + "\"}");
  }

  private static Caught email(MimeMessage mail) {
    try {
      Instant at = mail.getSentDate() == null ? Instant.now() : mail.getSentDate().toInstant();
      String to =
          String.join(", ", Stream.of(mail.getAllRecipients()).map(String::valueOf).toList());
      return new Caught("email", to, mail.getSubject(), plainText(mail.getContent()), at);
    } catch (MessagingException | IOException e) {
      return new Caught("email", "?", "unreadable: " + e, "", Instant.now());
    }
  }

  /** The text/plain alternative of a multipart mail, or the content itself. */
  private static String plainText(Object content) throws MessagingException, IOException {
    if (content instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          return String.valueOf(part.getContent());
        }
      }
      return parts.getCount() == 0 ? "" : plainText(parts.getBodyPart(0).getContent());
    }
    return String.valueOf(content);
  }

  /** A string field of Herald's flat webhook JSON, unescaped; null when absent. */
  static String field(String json, String name) {
    int key = json.indexOf("\"" + name + "\"");
    int start = key < 0 ? -1 : json.indexOf('"', json.indexOf(':', key) + 1);
    if (start < 0) {
      return null;
    }
    StringBuilder value = new StringBuilder();
    for (int i = start + 1; i < json.length() && json.charAt(i) != '"'; i++) {
      char c = json.charAt(i);
      if (c == '\\' && i + 1 < json.length()) {
        char next = json.charAt(++i);
        if (next == 'u' && i + 4 < json.length()) {
          value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
        } else {
          value.append(next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next);
        }
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

/** What the sinks caught, as JSON and as a page (escaped: alert texts are user input). */
final class AlertsPage {
  private AlertsPage() {}

  static String json(List<DevSinks.Caught> caught) {
    StringBuilder out = new StringBuilder("[");
    for (DevSinks.Caught c : caught) {
      out.append(out.length() > 1 ? "," : "")
          .append("{\"channel\":")
          .append(quote(c.channel()))
          .append(",\"to\":")
          .append(quote(c.to()))
          .append(",\"subject\":")
          .append(quote(c.subject()))
          .append(",\"text\":")
          .append(quote(c.text()))
          .append(",\"at\":")
          .append(quote(c.at().toString()))
          .append('}');
    }
    return out.append(']').toString();
  }

  static String html(List<DevSinks.Caught> caught) {
    StringBuilder rows = new StringBuilder();
    for (DevSinks.Caught c : caught) {
      rows.append("<tr><td>")
          .append(escape(c.at().toString()))
          .append("</td><td>")
          .append(escape(c.channel()))
          .append("</td><td>")
          .append(escape(c.to()))
          .append("</td><td>")
          .append(escape(c.subject()))
          .append("</td><td><pre>")
          .append(escape(c.text()))
          .append("</pre></td></tr>\n");
    }
    return "<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\""
        + " content=\"5\"><title>Herald dev alerts</title><style>body{font:14px sans-serif;"
        + "margin:2em}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;"
        + "vertical-align:top}pre{margin:0;white-space:pre-wrap}</style></head><body>"
        + "<h1>Alerts caught in development</h1><p>Email and SMS alerts the run command's Herald"
        + " sent (this page reloads every 5 s; <a href=\"alerts.json\">JSON</a>). "
        + caught.size()
        + " so far.</p><table><tr><th>At</th><th>Channel</th><th>To</th><th>Subject</th>"
        + "<th>Text</th></tr>\n"
        + rows
        + "</table></body></html>";
  }

  private static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }

  private static String escape(String value) {
    return value == null
        ? ""
        : value
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
  }
}
