package dev.herald.testing;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.microshed.testing.ApplicationEnvironment;

/**
 * The Herald server the build started, seen over HTTP as a client would. Its address comes from
 * MicroShed's manually-started environment (microshed_hostname, microshed_http_port).
 */
public final class Herald {
  // HTTP/1.1, as browsers and curl speak it over plain http (the JDK client would otherwise
  // upgrade to HTTP/2 and multiplex every test's calls on one connection)
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
  private static final URI ROOT = root();
  private static volatile boolean ready;

  private Herald() {}

  private static URI root() {
    String url = ApplicationEnvironment.Resolver.load().getApplicationURL();
    return URI.create(url.endsWith("/") ? url : url + "/");
  }

  /** Waits (once per test run) until the server's readiness check says UP. */
  public static void awaitReady() {
    awaitReady(Duration.ofMinutes(2));
  }

  /** The same, for callers that know the machine may be slower (several servers starting). */
  public static void awaitReady(Duration atMost) {
    if (ready) {
      return;
    }
    Client probe = new Client(null);
    await("Herald ready at " + ROOT)
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              // UP, and with Herald's own checks registered (before that, the list is empty)
              Reply readiness = probe.get("health/ready");
              return readiness.status() == 200 && readiness.body().contains("\"kafka\"");
            });
    ready = true;
  }

  /** Waits until the server is ready again, after it was restarted or a service it needs was. */
  public static void awaitReadyAgain() {
    ready = false;
    // a restart takes minutes when the machine is busy with other builds
    awaitReady(Duration.ofMinutes(5));
  }

  /** The server's root URI, once it is ready. */
  public static URI base() {
    awaitReady();
    return ROOT;
  }

  /** A client without a token. */
  public static Client anonymous() {
    awaitReady();
    return new Client(null);
  }

  public static Client as(String user) {
    return new Client(
        TOKENS.computeIfAbsent(
            user, u -> token(Json.createObjectBuilder().add("user", u).build())));
  }

  /** A client for a user whose token carries these groups (roles), e.g. "auditor". */
  public static Client withRoles(String user, String... groups) {
    return new Client(
        TOKENS.computeIfAbsent(
            user + "#" + String.join(",", groups),
            u ->
                token(
                    Json.createObjectBuilder()
                        .add("user", user)
                        .add("groups", Json.createArrayBuilder(java.util.List.of(groups)))
                        .build())));
  }

  public static Client withToken(String token) {
    return new Client(token);
  }

  /** A token from the dev-only token endpoint; {@code request} is its JSON body. */
  public static String token(JsonObject request) {
    Reply reply = anonymous().post("api/dev/tokens", request.toString());
    if (reply.status() != 200) {
      throw new IllegalStateException("no dev token: " + reply);
    }
    return reply.json().getString("token");
  }

  /** Calls as one user (or nobody); every call answers a {@link Reply}, whatever the status. */
  public static final class Client {
    private final URI root;
    private final String token;

    Client(String token) {
      this(ROOT, token);
    }

    private Client(URI root, String token) {
      this.root = root;
      this.token = token;
    }

    /** The same caller, with the same token, at another server (e.g. an {@link ExtraServer}). */
    public Client at(URI base) {
      return new Client(base, token);
    }

    public Reply get(String path) {
      return send("GET", path, null, BodyPublishers.noBody());
    }

    /** A JSON POST, with extra request headers if given (name, value, name, value, ...). */
    public Reply post(String path, String json, String... headers) {
      return send("POST", path, "application/json", BodyPublishers.ofString(json), headers);
    }

    public Reply post(String path) {
      return send("POST", path, null, BodyPublishers.noBody());
    }

    public Reply send(
        String method, String path, String contentType, BodyPublisher body, String... headers) {
      return send(
          method,
          path,
          body,
          request -> {
            if (contentType != null) {
              request.header("Content-Type", contentType);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
              request.header(headers[i], headers[i + 1]);
            }
          });
    }

    /**
     * A request shaped further by {@code shape}: any headers (Content-Type too), the HTTP version,
     * expect-continue. The client's token, if it has one, is already set.
     */
    public Reply send(
        String method, String path, BodyPublisher body, Consumer<HttpRequest.Builder> shape) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(root.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .method(method, body);
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      shape.accept(request);
      try {
        var response = HTTP.send(request.build(), BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
