package dev.herald.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The SMS gateway Herald's webhook is configured with in the build (herald.it.sms.port): a real
 * HTTP server in this JVM that records every request and answers per phone number what a test
 * scripted (200 with a JSON id once the script is used up).
 */
public final class SmsGateway {
  private static final int PORT = Integer.getInteger("herald.it.sms.port", 3026);
  private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
  private static final Map<String, Deque<Integer>> SCRIPTS = new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();
  private static HttpServer server;

  /** One webhook call as it arrived, and the status it was answered with. */
  public record Request(String body, String timestamp, String signature, int answered) {}

  private SmsGateway() {}

  public static synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/sms", SmsGateway::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  /** The next answers for texts to this phone, in order. */
  public static void script(String phone, Integer... statuses) {
    SCRIPTS.put(phone, new ArrayDeque<>(List.of(statuses)));
  }

  /** Keeps requests to this phone waiting until the latch is released. */
  public static void hold(String phone, CountDownLatch release) {
    HELD.put(phone, release);
  }

  /** The alerts (not verification codes) texted to this phone so far. */
  public static List<Request> requestsTo(String phone) {
    return allTo(phone).stream().filter(r -> !isCode(r)).toList();
  }

  /** The verification codes texted to this phone so far, oldest first. */
  public static List<String> codesTo(String phone) {
    return allTo(phone).stream().filter(SmsGateway::isCode).map(r -> Codes.in(r.body())).toList();
  }

  private static List<Request> allTo(String phone) {
    return REQUESTS.stream().filter(r -> r.body().contains("\"to\":\"" + phone + "\"")).toList();
  }

  private static boolean isCode(Request request) {
    return request.body().contains("\"purpose\":\"verification\"");
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String phone = phoneOf(body);
    CountDownLatch held = HELD.get(phone);
    if (held != null) {
      try {
        held.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Deque<Integer> script = SCRIPTS.get(phone);
    Integer scripted = script == null ? null : script.poll();
    int status = scripted == null ? 200 : scripted;
    var headers = exchange.getRequestHeaders();
    REQUESTS.add(
        new Request(
            body,
            headers.getFirst("X-Herald-Timestamp"),
            headers.getFirst("X-Herald-Signature"),
            status));
    byte[] answer =
        (status == 200 ? "{\"id\":\"gw-" + REQUESTS.size() + "\"}" : "{}")
            .getBytes(StandardCharsets.UTF_8);
    if (status == 429) {
      exchange.getResponseHeaders().add("Retry-After", "1");
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private static String phoneOf(String body) {
    int start = body.indexOf("\"to\":\"") + 6;
    return start < 6 ? "" : body.substring(start, body.indexOf('"', start));
  }
}
