package dev.herald.auth;

import static dev.herald.testing.Herald.anonymous;
import static dev.herald.testing.Herald.as;
import static dev.herald.testing.Herald.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.DeadLetterRecords;
import dev.herald.testing.Herald;
import dev.herald.testing.Herald.Client;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Tokens;
import dev.herald.testing.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Who may call what: every endpoint against every state of the bearer token, each cell with the
 * status and problem type it must answer. Refused tokens are forged for the endpoint's rightful
 * caller with exactly one defect, so a refusal can only be for that defect.
 */
@MicroShedTest
@TestInstance(Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {
  static final String ADMIN_ROLE = "herald-admin";
  static final String AUDITOR_ROLE = "herald-auditor";

  /** Dead letter ids that do not exist: the identity column counts up from 1. */
  static final long MISSING = 8_000_000_000_000_000_000L;

  static final Expected UNAUTHENTICATED = Expected.problem(401, "unauthenticated");
  static final Expected FORBIDDEN = Expected.problem(403, "forbidden");
  static final Expected NOT_FOUND = Expected.problem(404, "not-found");

  final String sender = Users.unique("sender");
  final String recipient = Users.unique("recipient");
  final String outsider = Users.unique("outsider");
  final String admin = Users.unique("admin");
  final String auditor = Users.unique("auditor");

  /** Sent by the sender to the recipient; nobody else took part. */
  String message;

  String conversation;

  /** Also sent to the recipient, for the delete cells: a delete is final. */
  String deletable;

  /** A group of the sender and the recipient. */
  String group;

  /** Two dead letters that only refused callers act on. */
  List<Long> deadLetters;

  Client asAdmin;

  @BeforeAll
  void aMessageDeliveredToTheRecipientAndTwoDeadLetters() {
    Reply sent =
        as(sender).post("api/messages", Requests.send(List.of(recipient), "for the recipient"));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    message = sent.json().getString("id");
    conversation = sent.json().getString("conversationId");
    await("the recipient has the message")
        .atMost(Duration.ofSeconds(20))
        .until(() -> as(recipient).get("api/messages/" + message).status() == 200);
    Reply second =
        as(sender).post("api/messages", Requests.send(List.of(recipient), "to be deleted"));
    assertThat(second.status()).as(second.toString()).isEqualTo(202);
    deletable = second.json().getString("id");
    await("the recipient has the second message")
        .atMost(Duration.ofSeconds(20))
        .until(() -> as(recipient).get("api/messages/" + deletable).status() == 200);
    Reply created =
        as(sender)
            .post(
                "api/conversations", "{\"title\":\"matrix\",\"members\":[\"" + recipient + "\"]}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    group = created.json().getString("id");
    deadLetters = DeadLetterRecords.create(2);
    asAdmin =
        withToken(
            Herald.token(
                Json.createObjectBuilder()
                    .add("user", admin)
                    .add("groups", Json.createArrayBuilder(List.of(ADMIN_ROLE)))
                    .build()));
  }

  /** Whose token an endpoint is meant for; refused tokens are forged for exactly this caller. */
  enum Rightful {
    SENDER,
    RECIPIENT,
    ADMIN,
    AUDITOR
  }

  record Endpoint(String name, Rightful rightful, Function<Client, Reply> call) {}

  // The lambdas read the fixture when a cell runs, after @BeforeAll.
  final Endpoint send =
      new Endpoint(
          "POST /api/messages",
          Rightful.SENDER,
          c -> c.post("api/messages", Requests.send(List.of(recipient), "matrix")));
  final Endpoint readMessage =
      new Endpoint(
          "GET /api/messages/{id}", Rightful.RECIPIENT, c -> c.get("api/messages/" + message));
  final Endpoint inbox =
      new Endpoint("GET /api/inbox", Rightful.RECIPIENT, c -> c.get("api/inbox"));
  final Endpoint markRead =
      new Endpoint(
          "POST /api/inbox/{messageId}/read",
          Rightful.RECIPIENT,
          c -> c.post("api/inbox/" + message + "/read"));
  final Endpoint markUnread =
      new Endpoint(
          "POST /api/inbox/{messageId}/unread",
          Rightful.RECIPIENT,
          c -> c.post("api/inbox/" + message + "/unread"));
  final Endpoint markSeen = deliveryAction("seen", () -> message);
  final Endpoint archive = deliveryAction("archive", () -> message);
  final Endpoint unarchive = deliveryAction("unarchive", () -> message);
  final Endpoint unsnooze = deliveryAction("unsnooze", () -> message);
  final Endpoint delete = deliveryAction("delete", () -> deletable);
  final Endpoint snooze =
      new Endpoint(
          "POST /api/inbox/{messageId}/snooze",
          Rightful.RECIPIENT,
          c ->
              c.post(
                  "api/inbox/" + message + "/snooze",
                  "{\"until\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\"}"));
  final Endpoint counts =
      new Endpoint("GET /api/inbox/counts", Rightful.RECIPIENT, c -> c.get("api/inbox/counts"));
  final Endpoint readAll = bulkAction("read-all");
  final Endpoint seenAll = bulkAction("seen-all");
  final Endpoint archiveRead = bulkAction("archive-read");
  final Endpoint history =
      new Endpoint(
          "GET /api/conversations/{id}/messages",
          Rightful.RECIPIENT,
          c -> c.get("api/conversations/" + conversation + "/messages"));
  final Endpoint chatList =
      new Endpoint("GET /api/conversations", Rightful.RECIPIENT, c -> c.get("api/conversations"));
  final Endpoint createGroup =
      new Endpoint(
          "POST /api/conversations",
          Rightful.SENDER,
          c -> c.post("api/conversations", "{\"title\":\"matrix\",\"members\":[]}"));
  final Endpoint readGroup =
      new Endpoint(
          "GET /api/conversations/{id}",
          Rightful.RECIPIENT,
          c -> c.get("api/conversations/" + group));
  final Endpoint addMember =
      new Endpoint(
          "POST /api/conversations/{id}/members",
          Rightful.RECIPIENT,
          c ->
              c.post(
                  "api/conversations/" + group + "/members",
                  "{\"user\":\"" + Users.unique("added") + "\"}"));
  final Endpoint removeMember =
      new Endpoint(
          "DELETE /api/conversations/{id}/members/{user}",
          Rightful.RECIPIENT,
          c ->
              c.send(
                  "DELETE",
                  "api/conversations/" + group + "/members/" + freshMember(),
                  null,
                  java.net.http.HttpRequest.BodyPublishers.noBody()));
  final Endpoint sendToGroup =
      new Endpoint(
          "POST /api/messages (to a group)",
          Rightful.SENDER,
          c ->
              c.post("api/messages", "{\"conversationId\":\"" + group + "\",\"body\":\"matrix\"}"));

  /** A member the sender just added, for a removal to act on. */
  String freshMember() {
    String member = Users.unique("member");
    Reply added =
        as(sender).post("api/conversations/" + group + "/members", "{\"user\":\"" + member + "\"}");
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    return member;
  }

  final Endpoint preferences =
      new Endpoint("GET /api/me/preferences", Rightful.RECIPIENT, c -> c.get("api/me/preferences"));
  final Endpoint savePreferences =
      new Endpoint(
          "PUT /api/me/preferences",
          Rightful.RECIPIENT,
          c ->
              c.send(
                  "PUT",
                  "api/me/preferences",
                  "application/json",
                  java.net.http.HttpRequest.BodyPublishers.ofString("{\"channels\":[\"log\"]}")));
  final Endpoint notifications =
      new Endpoint(
          "GET /api/notifications?messageId={id}",
          Rightful.RECIPIENT,
          c -> c.get("api/notifications?messageId=" + message));
  final Endpoint listDeadLetters =
      new Endpoint(
          "GET /api/admin/dead-letters", Rightful.ADMIN, c -> c.get("api/admin/dead-letters"));
  final Endpoint ownHistory =
      new Endpoint("GET /api/messages", Rightful.RECIPIENT, c -> c.get("api/messages"));
  final Endpoint ownSearch =
      new Endpoint(
          "GET /api/messages/search",
          Rightful.RECIPIENT,
          c -> c.get("api/messages/search?q=recipient"));
  final Endpoint usersHistory =
      new Endpoint(
          "GET /api/messages?user=",
          Rightful.AUDITOR,
          c -> c.get("api/messages?user=" + recipient));
  final Endpoint usersSearch =
      new Endpoint(
          "GET /api/messages/search?user=",
          Rightful.AUDITOR,
          c -> c.get("api/messages/search?q=recipient&user=" + recipient));
  final Endpoint auditLog =
      new Endpoint(
          "GET /api/audit", Rightful.AUDITOR, c -> c.get("api/audit?messageId=" + message));
  final Endpoint auditVerify =
      new Endpoint("GET /api/audit/verify", Rightful.AUDITOR, c -> c.get("api/audit/verify"));
  final Endpoint redrive = redriveOne(() -> deadLetters.get(0));
  final Endpoint redriveMany = redriveAll(() -> deadLetters);
  final Endpoint discard = discardOne(() -> deadLetters.get(0));

  static Endpoint deliveryAction(String action, Supplier<String> messageId) {
    return new Endpoint(
        "POST /api/inbox/{messageId}/" + action,
        Rightful.RECIPIENT,
        c -> c.post("api/inbox/" + messageId.get() + "/" + action));
  }

  static Endpoint bulkAction(String action) {
    return new Endpoint(
        "POST /api/inbox/" + action, Rightful.RECIPIENT, c -> c.post("api/inbox/" + action));
  }

  static Endpoint redriveOne(Supplier<Long> id) {
    return new Endpoint(
        "POST /api/admin/dead-letters/{id}/redrive",
        Rightful.ADMIN,
        c -> c.post("api/admin/dead-letters/" + id.get() + "/redrive"));
  }

  static Endpoint redriveAll(Supplier<List<Long>> ids) {
    return new Endpoint(
        "POST /api/admin/dead-letters/redrive",
        Rightful.ADMIN,
        c ->
            c.post(
                "api/admin/dead-letters/redrive",
                Json.createObjectBuilder()
                    .add("ids", Json.createArrayBuilder(ids.get()))
                    .build()
                    .toString()));
  }

  static Endpoint discardOne(Supplier<Long> id) {
    return new Endpoint(
        "POST /api/admin/dead-letters/{id}/discard",
        Rightful.ADMIN,
        c ->
            c.post(
                "api/admin/dead-letters/" + id.get() + "/discard",
                "{\"reason\":\"authorization matrix\"}"));
  }

  List<Endpoint> endpoints() {
    return List.of(
        send,
        readMessage,
        inbox,
        markRead,
        markUnread,
        markSeen,
        archive,
        unarchive,
        snooze,
        unsnooze,
        delete,
        counts,
        readAll,
        seenAll,
        archiveRead,
        history,
        chatList,
        createGroup,
        readGroup,
        addMember,
        removeMember,
        sendToGroup,
        preferences,
        savePreferences,
        notifications,
        listDeadLetters,
        redrive,
        redriveMany,
        discard,
        ownHistory,
        ownSearch,
        usersHistory,
        usersSearch,
        auditLog,
        auditVerify);
  }

  List<Endpoint> adminEndpoints() {
    return endpoints().stream().filter(e -> e.rightful() == Rightful.ADMIN).toList();
  }

  record Principal(String user, List<String> groups) {}

  Principal principal(Rightful rightful) {
    return switch (rightful) {
      case SENDER -> new Principal(sender, List.of());
      case RECIPIENT -> new Principal(recipient, List.of());
      case ADMIN -> new Principal(admin, List.of(ADMIN_ROLE));
      case AUDITOR -> new Principal(auditor, List.of(AUDITOR_ROLE));
    };
  }

  /**
   * Tokens the server must refuse, each with one defect. Wrong audience is not among them:
   * mp.jwt.verify.audiences is not configured (microprofile-config.properties names it only as an
   * optional MP_JWT_VERIFY_AUDIENCES), so the server checks no audience and any aud is accepted.
   */
  enum Refused {
    NONE("no token", p -> null),
    EXPIRED(
        "expired an hour ago",
        p ->
            Tokens.signed(
                claims(
                    p,
                    c -> {
                      c.setIssuedAt(secondsFromNow(-7200));
                      c.setExpirationTime(secondsFromNow(-3600));
                    }))),
    NOT_YET_VALID(
        "not before an hour from now, issued now",
        p -> Tokens.signed(claims(p, c -> c.setNotBefore(secondsFromNow(3600))))),
    WRONG_ISSUER(
        "from another issuer", p -> Tokens.signed(claims(p, c -> c.setIssuer("not-herald")))),
    UNSIGNED("alg none, unsigned", p -> Tokens.unsigned(claims(p, c -> {}))),
    ALTERED_SIGNATURE(
        "signature bytes altered",
        p -> Tokens.withAlteredSignature(Tokens.signed(claims(p, c -> {})))),
    OTHER_KEY(
        "signed by another RSA key", p -> Tokens.signedBy(Tokens.otherKey(), claims(p, c -> {})));

    final String label;
    final Function<Principal, String> token;

    Refused(String label, Function<Principal, String> token) {
      this.label = label;
      this.token = token;
    }

    static JwtClaims claims(Principal principal, Consumer<JwtClaims> defect) {
      JwtClaims claims = Tokens.claims(principal.user(), principal.groups());
      defect.accept(claims);
      return claims;
    }

    static NumericDate secondsFromNow(long seconds) {
      return NumericDate.fromSeconds(Instant.now().getEpochSecond() + seconds);
    }
  }

  /** One cell: an endpoint, called by someone, and what it must answer. */
  record Cell(Endpoint endpoint, String caller, Supplier<Client> client, Expected expected) {
    @Override
    public String toString() {
      return endpoint.name() + " | " + caller + " -> " + expected;
    }
  }

  Stream<Cell> matrix() {
    List<Cell> cells = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      Principal rightful = principal(endpoint.rightful());
      for (Refused state : Refused.values()) {
        cells.add(
            new Cell(
                endpoint,
                state.label,
                () -> {
                  String token = state.token.apply(rightful);
                  return token == null ? anonymous() : withToken(token);
                },
                UNAUTHENTICATED));
      }
    }

    // Owner-specific resources: a stranger learns nothing, not even that the message exists.
    cells.add(new Cell(send, "a valid user", () -> as(sender), Expected.success(202)));
    cells.add(new Cell(readMessage, "its recipient", () -> as(recipient), Expected.success(200)));
    cells.add(new Cell(readMessage, "its sender", () -> as(sender), Expected.success(200)));
    cells.add(new Cell(readMessage, "another user", () -> as(outsider), NOT_FOUND));
    cells.add(new Cell(inbox, "a valid user", () -> as(recipient), Expected.success(200)));
    cells.add(new Cell(markRead, "its recipient", () -> as(recipient), Expected.success(204)));
    cells.add(new Cell(markRead, "another user", () -> as(outsider), NOT_FOUND));
    cells.add(new Cell(markUnread, "its recipient", () -> as(recipient), Expected.success(204)));
    cells.add(new Cell(markUnread, "another user", () -> as(outsider), NOT_FOUND));
    for (Endpoint action : List.of(markSeen, archive, unarchive, snooze, unsnooze, delete)) {
      cells.add(new Cell(action, "another user", () -> as(outsider), NOT_FOUND));
      cells.add(new Cell(action, "its recipient", () -> as(recipient), Expected.success(204)));
    }
    cells.add(new Cell(delete, "its recipient, once deleted", () -> as(recipient), NOT_FOUND));
    cells.add(new Cell(counts, "a valid user", () -> as(recipient), Expected.success(200)));
    for (Endpoint action : List.of(readAll, seenAll, archiveRead)) {
      cells.add(new Cell(action, "a valid user", () -> as(recipient), Expected.success(200)));
    }
    cells.add(new Cell(history, "its recipient", () -> as(recipient), Expected.success(200)));
    cells.add(new Cell(history, "its sender", () -> as(sender), Expected.success(200)));
    cells.add(new Cell(history, "another user", () -> as(outsider), NOT_FOUND));

    cells.add(new Cell(chatList, "a valid user", () -> as(recipient), Expected.success(200)));
    cells.add(new Cell(createGroup, "a valid user", () -> as(sender), Expected.success(201)));
    cells.add(new Cell(readGroup, "a member", () -> as(recipient), Expected.success(200)));
    cells.add(new Cell(readGroup, "another user", () -> as(outsider), NOT_FOUND));
    cells.add(new Cell(addMember, "a member", () -> as(recipient), Expected.success(200)));
    cells.add(new Cell(addMember, "another user", () -> as(outsider), NOT_FOUND));
    cells.add(new Cell(removeMember, "a member", () -> as(recipient), Expected.success(204)));
    cells.add(new Cell(removeMember, "another user", () -> as(outsider), NOT_FOUND));
    cells.add(new Cell(sendToGroup, "a member", () -> as(sender), Expected.success(202)));
    cells.add(new Cell(sendToGroup, "another user", () -> as(outsider), NOT_FOUND));
    // History and search: the caller's own for anyone; another user's for auditors only.
    cells.add(new Cell(ownHistory, "a valid user", () -> as(outsider), Expected.success(200)));
    cells.add(new Cell(ownSearch, "a valid user", () -> as(outsider), Expected.success(200)));
    Supplier<Client> asAuditor = () -> Herald.withRoles(auditor, AUDITOR_ROLE);
    for (Endpoint endpoint : List.of(usersHistory, usersSearch, auditLog, auditVerify)) {
      cells.add(new Cell(endpoint, "an auditor", asAuditor, Expected.success(200)));
      cells.add(
          new Cell(endpoint, "its own user, no auditor role", () -> as(recipient), FORBIDDEN));
      cells.add(new Cell(endpoint, "an admin, no auditor role", () -> asAdmin, FORBIDDEN));
    }
    // Preferences and alerts are always the caller's own: another user sees their own, never these.
    cells.add(new Cell(preferences, "a valid user", () -> as(recipient), Expected.success(200)));
    cells.add(
        new Cell(savePreferences, "a valid user", () -> as(recipient), Expected.success(200)));
    cells.add(new Cell(notifications, "its recipient", () -> as(recipient), Expected.success(200)));
    cells.add(
        new Cell(
            new Endpoint(
                "GET /api/notifications?messageId={id} (none listed)",
                Rightful.RECIPIENT,
                c -> {
                  Reply reply = notifications.call().apply(c);
                  return reply.status() == 200 && reply.body().contains("\"items\":[]")
                      ? reply
                      : new Reply(599, reply.headers(), "listed: " + reply.body());
                }),
            "another user",
            () -> as(outsider),
            Expected.success(200)));

    // The dead-letter API is for the admin role only; the role is checked before the id.
    for (Endpoint endpoint : adminEndpoints()) {
      cells.add(new Cell(endpoint, "a user without the admin role", () -> as(sender), FORBIDDEN));
    }
    // an admin acting on dead letters that do not exist
    List<Endpoint> missing =
        List.of(
            redriveOne(() -> MISSING),
            redriveAll(() -> List.of(MISSING, MISSING + 1)),
            discardOne(() -> MISSING));
    for (Endpoint endpoint : missing) {
      cells.add(
          new Cell(
              endpoint,
              "a user without the admin role, no such dead letter",
              () -> as(sender),
              FORBIDDEN));
      // a batch answers per id (outcome not-found), the single-record calls 404
      cells.add(
          new Cell(
              endpoint,
              "an admin, no such dead letter",
              () -> asAdmin,
              endpoint.name().equals("POST /api/admin/dead-letters/redrive")
                  ? Expected.success(200)
                  : NOT_FOUND));
    }
    cells.add(new Cell(listDeadLetters, "an admin", () -> asAdmin, Expected.anySuccess()));
    // each admin action gets dead letters of its own, so that no cell depends on another
    List<Endpoint> fresh =
        List.of(
            redriveOne(DeadLetterRecords::create),
            redriveAll(() -> DeadLetterRecords.create(2)),
            discardOne(DeadLetterRecords::create));
    for (Endpoint endpoint : fresh) {
      cells.add(
          new Cell(
              endpoint, "an admin, existing dead letter", () -> asAdmin, Expected.anySuccess()));
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void answersEachCallerAsTheMatrixSays(Cell cell) {
    Reply reply = cell.endpoint().call().apply(cell.client().get());
    cell.expected().check(cell, reply);
  }

  // Controls: forged tokens without a defect are accepted, so the refusals above are for the
  // defect.

  @Test
  void acceptsAForgedUserTokenWithoutADefect() {
    Reply reply = withToken(Tokens.signed(Tokens.claims(recipient, List.of()))).get("api/inbox");
    Expected.success(200).check("a forged user token", reply);
  }

  @Test
  void acceptsAForgedAdminTokenWithoutADefect() {
    Reply reply =
        withToken(Tokens.signed(Tokens.claims(admin, List.of(ADMIN_ROLE))))
            .get("api/admin/dead-letters");
    Expected.anySuccess().check("a forged admin token", reply);
  }

  /** A problem of this status and slug, or a success (status 0: any 2xx). */
  record Expected(int status, String problem) {
    static Expected problem(int status, String slug) {
      return new Expected(status, slug);
    }

    static Expected success(int status) {
      return new Expected(status, null);
    }

    static Expected anySuccess() {
      return new Expected(0, null);
    }

    void check(Object cell, Reply reply) {
      SoftAssertions soft = new SoftAssertions();
      if (problem == null) {
        if (status == 0) {
          soft.assertThat(reply.status()).as("%s: status of %s", cell, reply).isBetween(200, 299);
        } else {
          soft.assertThat(reply.status()).as("%s: status of %s", cell, reply).isEqualTo(status);
        }
        soft.assertThat(reply.contentType())
            .as("%s: content type of %s", cell, reply)
            .doesNotStartWith("application/problem+json");
      } else {
        soft.assertThat(reply.status()).as("%s: status of %s", cell, reply).isEqualTo(status);
        soft.assertThat(reply.contentType())
            .as("%s: content type of %s", cell, reply)
            .startsWith("application/problem+json");
        JsonObject body = jsonObject(reply.body());
        soft.assertThat(body).as("%s: problem+json body of %s", cell, reply).isNotNull();
        if (body != null) {
          soft.assertThat(body.getString("type", null))
              .as("%s: problem type of %s", cell, reply)
              .isEqualTo("urn:herald:problem:" + problem);
          soft.assertThat(body.getInt("status", -1))
              .as("%s: problem status of %s", cell, reply)
              .isEqualTo(status);
        }
        if (status == 401) {
          soft.assertThat(reply.header("WWW-Authenticate").orElse(""))
              .as("%s: WWW-Authenticate of %s", cell, reply)
              .startsWith("Bearer");
        }
      }
      soft.assertThat(reply.body()).as("%s: body of %s", cell, reply).doesNotContain("\tat ");
      soft.assertAll();
    }

    static JsonObject jsonObject(String body) {
      try (var reader = Json.createReader(new StringReader(body))) {
        JsonValue value = reader.readValue();
        return value instanceof JsonObject object ? object : null;
      } catch (RuntimeException notJson) {
        return null;
      }
    }

    @Override
    public String toString() {
      if (problem != null) {
        return status + " " + problem;
      }
      return status == 0 ? "2xx" : String.valueOf(status);
    }
  }
}
