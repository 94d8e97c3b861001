package dev.herald.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Hostile requests, made by hand: each gets the one 4xx a client can rely on, as problem+json, and
 * a refused send leaves nothing in the message log. Every send comes from a user of its own, so the
 * log can be asked about exactly that request. Requests go over HTTP/1.1, what curl and most
 * clients speak on plain http, so transport limits are Liberty's HTTP/1.1 ones. ApiErrorsIT has the
 * everyday mistakes; this is what a fuzzer or an attacker sends.
 */
@MicroShedTest
class HostileInputIT {
  private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 401, 404, 405, 413, 415, 422, 429);
  private static final String PREFIX = "urn:herald:problem:";
  private static final String VALIDATION = "validation";
  private static final String MALFORMED = "malformed-json";
  private static final String BAD_CURSOR = "bad-cursor";
  private static final String NOT_FOUND = "not-found";
  private static final String UNKNOWN_ID = UUID.randomUUID().toString();
  private static final String VALID = Requests.send(List.of("bob"), "hello");
  private static final String LONG_ID = "a".repeat(1000);
  private static final String TRAVERSAL = "..%2F..%2Fetc%2Fpasswd";
  private static final List<Named<Hostile>> CASES = cases();
  private static final List<Named<Hostile>> REFUSED_BY_LIBERTY =
      List.of(
          named("64 KiB header value", send(VALID).header("X-Padding", "p".repeat(65_536))),
          named(
              "64 KiB bearer token",
              send(VALID).signedOut().header("Authorization", "Bearer " + "t".repeat(65_536))),
          named(
              "64 KiB Idempotency-Key", send(VALID).header("Idempotency-Key", "k".repeat(65_536))),
          named("600 headers", send(VALID).headers(600)),
          named("64 KiB path", get("api/messages/" + "m".repeat(65_536))),
          named("64 KiB cursor", get("api/inbox?cursor=" + "c".repeat(65_536))),
          named("64 KiB search", get("api/messages/search?q=" + "q".repeat(65_536))),
          named("message " + TRAVERSAL, get("api/messages/" + TRAVERSAL)),
          named("message %2e%2e", get("api/messages/%2e%2e")),
          named("message %00", get("api/messages/%00")),
          named("mark read " + TRAVERSAL, call("POST", "api/inbox/" + TRAVERSAL + "/read")),
          named("mark read %00", call("POST", "api/inbox/%00/read")),
          named("mark unread %00", call("POST", "api/inbox/%00/unread")),
          named("history of " + TRAVERSAL, get("api/conversations/" + TRAVERSAL + "/messages")),
          named("history of conversation %00", get("api/conversations/%00/messages")),
          named("group %00", get("api/conversations/g-%00")),
          named(
              "members of group " + TRAVERSAL,
              call("DELETE", "api/conversations/" + TRAVERSAL + "/members/bob")),
          named("remove member %00", call("DELETE", "api/conversations/g-x/members/%00")));

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void refusesWithAProblemAndStoresNothing(Hostile request) {
    Reply reply = request.send();
    SoftAssertions.assertSoftly(
        soft -> {
          soft.assertThat(reply.status()).as("never a server error: %s", reply).isLessThan(500);
          soft.assertThat(reply.status()).as(reply.toString()).isEqualTo(request.status());
          soft.assertThat(reply.contentType())
              .as(reply.toString())
              .startsWith("application/problem+json");
          JsonObject problem = problemOf(reply);
          if (problem != null) {
            soft.assertThat(problem.getString("type", "")).as(reply.toString()).startsWith(PREFIX);
            if (!request.types().isEmpty()) {
              soft.assertThat(problem.getString("type", ""))
                  .as(reply.toString())
                  .isIn(request.types().stream().map(t -> PREFIX + t).toList());
            }
            soft.assertThat(problem.getInt("status", -1))
                .as(reply.toString())
                .isEqualTo(reply.status());
            soft.assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
          }
        });
    if (request.isSend()) {
      assertThat(storedFrom(List.of(request.user())))
          .as("messages stored from the sender")
          .isZero();
    }
  }

  /**
   * What Liberty refuses before any servlet or resource runs, so that neither the exception mappers
   * nor ProblemServlet can answer: its HTTP channel refuses a request line or headers over its
   * limits (32 KiB a field, 500 fields) with an empty 400; its web container refuses an encoded
   * NUL, slash or dot in the path (CWWWC0005I) with a 400 HTML page. Not problem+json, so what a
   * client can rely on is the 400 (never a 5xx, never a dropped connection), that nothing was
   * stored, and that the answer gives away no exception or stack frame.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedByLiberty")
  void refusesWhatLibertyCannotReadWith400(Hostile request) {
    Reply reply = request.send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.body())
        .as(reply.toString())
        .doesNotContain("Exception")
        .doesNotContainPattern("\\bat [a-z]+\\.[a-z]+\\.");
    if (request.isSend()) {
      assertThat(storedFrom(List.of(request.user()))).isZero();
    }
  }

  /** "limit=" is no limit at all: the default page, not an error. */
  @Test
  void readsAnEmptyLimitAsTheDefault() {
    Reply reply = Herald.as(Users.unique("hostile")).get("api/inbox?limit=");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getJsonArray("items")).isEmpty();
  }

  /**
   * A refused send may not reach the log later either: once a message sent after all of them is
   * stored, the consumer has had its chance at any of theirs.
   */
  @AfterAll
  static void storedNoneOfTheRefusedSendsLater() {
    String canary = Users.unique("canary");
    Reply accepted = Herald.as(canary).post("api/messages", VALID);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    await("the canary stored")
        .atMost(Duration.ofSeconds(30))
        .until(() -> storedFrom(List.of(canary)) == 1);
    Map<String, String> caseOfSender =
        Stream.concat(CASES.stream(), refusedByLiberty())
            .filter(c -> c.getPayload().isSend())
            .collect(Collectors.toMap(c -> c.getPayload().user(), Named::getName));
    List<String> senders = List.copyOf(caseOfSender.keySet());
    List<String> stored =
        LogDatabase.query(
                "select distinct sender from messages where sender in ("
                    + placeholders(senders)
                    + ")",
                senders.toArray())
            .stream()
            .map(row -> caseOfSender.get((String) row.get(0)))
            .toList();
    assertThat(stored).as("refused sends that were stored all the same").isEmpty();
  }

  static Stream<Named<Hostile>> hostileRequests() {
    return CASES.stream();
  }

  static Stream<Named<Hostile>> refusedByLiberty() {
    return REFUSED_BY_LIBERTY.stream();
  }

  private static List<Named<Hostile>> cases() {
    List<Named<Hostile>> cases = new ArrayList<>();

    // nesting and numbers: refused before they cost anything
    cases.add(
        named(
            "10,000 [ as the body", send("[".repeat(10_000)).answers(400, MALFORMED, VALIDATION)));
    cases.add(
        named(
            "10,000 [ in to",
            send("{\"to\":" + "[".repeat(10_000)).answers(400, MALFORMED, VALIDATION)));
    cases.add(
        named(
            "10,000 nested objects in subject",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"subject\":" + "{\"a\":".repeat(10_000))
                .answers(400, MALFORMED, VALIDATION)));
    cases.add(
        named(
            "balanced 5,000-deep arrays in body",
            send("{\"to\":[\"bob\"],\"body\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")
                .answers(400, MALFORMED, VALIDATION)));
    cases.add(
        named(
            "body 1e999999",
            send("{\"to\":[\"bob\"],\"body\":1e999999}").answers(400, VALIDATION)));
    cases.add(
        named(
            "subject a 400-digit integer",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"subject\":" + "9".repeat(400) + "}")
                .answers(400, MALFORMED, VALIDATION)));
    cases.add(
        named(
            "to holding a 400-digit integer",
            send("{\"to\":[" + "1".repeat(400) + "],\"body\":\"x\"}")
                .answers(400, MALFORMED, VALIDATION)));
    cases.add(
        named(
            "conversationId -1e-999999",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"conversationId\":-1e-999999}")
                .answers(400, VALIDATION)));

    // duplicate keys
    cases.add(
        named(
            "body given twice",
            send("{\"to\":[\"bob\"],\"body\":\"a\",\"body\":\"b\"}").answers(400, MALFORMED)));
    cases.add(
        named(
            "to given twice",
            send("{\"to\":[\"bob\"],\"to\":[\"eve\"],\"body\":\"x\"}").answers(400, MALFORMED)));

    // wrong types
    cases.add(
        named(
            "body an object",
            send("{\"to\":[\"bob\"],\"body\":{\"text\":\"x\"}}").answers(400, VALIDATION)));
    cases.add(
        named(
            "body an array", send("{\"to\":[\"bob\"],\"body\":[\"x\"]}").answers(400, VALIDATION)));
    cases.add(
        named("body a boolean", send("{\"to\":[\"bob\"],\"body\":true}").answers(400, VALIDATION)));
    cases.add(named("to a number", send("{\"to\":42,\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "to an object",
            send("{\"to\":{\"0\":\"bob\"},\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(named("to a boolean", send("{\"to\":true,\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named("to holding a number", send("{\"to\":[7],\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "to holding a list",
            send("{\"to\":[[\"bob\"]],\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "subject a number",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"subject\":1}").answers(400, VALIDATION)));
    cases.add(
        named(
            "conversationId an array",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"conversationId\":[\"c\"]}")
                .answers(400, VALIDATION)));

    // nulls
    cases.add(named("to null", send("{\"to\":null,\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named("body null", send("{\"to\":[\"bob\"],\"body\":null}").answers(400, VALIDATION)));
    cases.add(named("the JSON null as request", send("null").answers(400, VALIDATION)));

    // NUL and other control characters
    cases.add(
        named(
            "escaped NUL in body",
            send("{\"to\":[\"bob\"],\"body\":\"a\\u0000b\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "escaped NUL in subject",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"subject\":\"a\\u0000b\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "escaped NUL in recipient",
            send("{\"to\":[\"bo\\u0000b\"],\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "raw NUL byte in body",
            send("{\"to\":[\"bob\"],\"body\":\"a\u0000b\"}").answers(400, MALFORMED)));
    cases.add(
        named(
            "BEL in recipient",
            send("{\"to\":[\"bo\\u0007b\"],\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "newline in recipient",
            send("{\"to\":[\"bob\\n\"],\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "ANSI escape in recipient",
            send("{\"to\":[\"\\u001b[31mbob\"],\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "right-to-left override in recipient",
            send("{\"to\":[\"bob\\u202egpj\"],\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "newline in subject",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"subject\":\"a\\nb\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "lone surrogate in body",
            send("{\"to\":[\"bob\"],\"body\":\"a\\ud800b\"}").answers(400, VALIDATION)));

    // recipients that are not user names
    cases.add(
        named(
            "recipient with a slash",
            send("{\"to\":[\"../admin\"],\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "empty recipient name",
            send("{\"to\":[\"\"],\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "one good, one empty recipient",
            send("{\"to\":[\"bob\",\"\"],\"body\":\"x\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "129-character recipient",
            send("{\"to\":[\"" + "b".repeat(129) + "\"],\"body\":\"x\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "markup as recipient",
            send("{\"to\":[\"<script>alert(1)</script>\"],\"body\":\"x\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "SQL as recipient",
            send("{\"to\":[\"bob'; drop table messages;--\"],\"body\":\"x\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "byte order mark in recipient",
            send("{\"to\":[\"\uFEFFbob\"],\"body\":\"x\"}").answers(400, VALIDATION)));

    // limits
    cases.add(
        named(
            "10,000 distinct one-letter recipients (under 64 KiB)",
            send("{\"to\":["
                    + recipients(i -> Character.toString(0x4E00 + i))
                    + "],\"body\":\"x\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "10,000 distinct recipients (over 64 KiB)",
            send("{\"to\":[" + recipients(i -> "user" + i) + "],\"body\":\"x\"}")
                .answers(413, "payload-too-large")));
    cases.add(
        named(
            "body of 16,385 CJK characters",
            send(Requests.send(List.of("bob"), "中".repeat(16_385))).answers(400, VALIDATION)));
    cases.add(
        named(
            "subject of 101 emoji (202 UTF-16 units)",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"subject\":\"" + "😀".repeat(101) + "\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "101-character conversationId",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"conversationId\":\"" + "c".repeat(101) + "\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "10 MB body, length declared",
            send(tenMegabytes()).withExpectContinue().answers(413, "payload-too-large")));
    cases.add(
        named(
            "10 MB body, streamed in chunks",
            send(tenMegabytes()).inChunks().answers(413, "payload-too-large")));

    // not JSON, or not quite
    cases.add(named("whitespace only", send(" \r\n\t ").answers(400, MALFORMED, VALIDATION)));
    cases.add(named("trailing garbage", send(VALID + " garbage").answers(400, MALFORMED)));
    cases.add(named("two objects", send(VALID + VALID).answers(400, MALFORMED)));
    cases.add(named("closing bracket too many", send(VALID + "]").answers(400, MALFORMED)));
    cases.add(named("block comment", send("/* hi */" + VALID).answers(400, MALFORMED)));
    cases.add(
        named(
            "line comment",
            send("{\"to\":[\"bob\"], // hi\n\"body\":\"x\"}").answers(400, MALFORMED)));
    cases.add(named("single quotes", send("{'to':['bob'],'body':'x'}").answers(400, MALFORMED)));
    cases.add(named("unquoted names", send("{to:[\"bob\"],body:\"x\"}").answers(400, MALFORMED)));
    cases.add(
        named(
            "trailing comma", send("{\"to\":[\"bob\"],\"body\":\"x\",}").answers(400, MALFORMED)));
    cases.add(
        named("NaN as body", send("{\"to\":[\"bob\"],\"body\":NaN}").answers(400, MALFORMED)));
    cases.add(
        named(
            "-Infinity as subject",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"subject\":-Infinity}")
                .answers(400, MALFORMED)));
    cases.add(
        named(
            "unknown field sender",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"sender\":\"eve\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "unknown field __proto__",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"__proto__\":{\"admin\":true}}")
                .answers(400, VALIDATION)));

    // bytes that are not UTF-8, and byte order marks
    cases.add(
        named(
            "invalid UTF-8 (C3 28) in body",
            send(bytes("{\"to\":[\"bob\"],\"body\":\"a", 0xC3, 0x28, "b\"}"))
                .answers(400, MALFORMED)));
    cases.add(
        named(
            "lone continuation byte in recipient",
            send(bytes("{\"to\":[\"bo", 0x80, "b\"],\"body\":\"x\"}")).answers(400, MALFORMED)));
    cases.add(
        named(
            "overlong UTF-8 slash (C0 AF) in body",
            send(bytes("{\"to\":[\"bob\"],\"body\":\"..", 0xC0, 0xAF, "etc\"}"))
                .answers(400, MALFORMED)));
    cases.add(
        named(
            "UTF-8-encoded surrogate (ED A0 80) in body",
            send(bytes("{\"to\":[\"bob\"],\"body\":\"a", 0xED, 0xA0, 0x80, "b\"}"))
                .answers(400, MALFORMED)));
    cases.add(
        named(
            "code point above U+10FFFF (F4 90 80 80) in body",
            send(bytes("{\"to\":[\"bob\"],\"body\":\"a", 0xF4, 0x90, 0x80, 0x80, "b\"}"))
                .answers(400, MALFORMED, VALIDATION)));
    cases.add(
        named(
            "UTF-8 byte order mark twice",
            send(bytes(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, VALID)).answers(400, MALFORMED)));
    cases.add(
        named(
            "UTF-16 byte order mark before UTF-8",
            send(bytes(0xFF, 0xFE, VALID)).answers(400, MALFORMED)));
    cases.add(
        named(
            "UTF-32 byte order mark before UTF-8",
            send(bytes(0x00, 0x00, 0xFE, 0xFF, VALID)).answers(400)));

    // content types
    cases.add(
        named(
            "application/xml",
            send("<to>bob</to>")
                .header("Content-Type", "application/xml")
                .answers(415, "unsupported-media-type")));
    cases.add(
        named(
            "no Content-Type",
            send(VALID).header("Content-Type", null).answers(415, "unsupported-media-type")));
    cases.add(
        named(
            "application/problem+json",
            send(VALID)
                .header("Content-Type", "application/problem+json")
                .answers(415, "unsupported-media-type")));
    // not a media type at all: a malformed header, so 400 rather than 415
    cases.add(
        named(
            "Content-Type without a slash",
            send(VALID).header("Content-Type", "json").answers(400)));

    // Idempotency-Key: a malformed key is a validation problem, never a key
    cases.add(
        named(
            "empty Idempotency-Key",
            send(VALID).header("Idempotency-Key", "").answers(400, VALIDATION)));
    cases.add(
        named(
            "201-character Idempotency-Key",
            send(VALID).header("Idempotency-Key", "k".repeat(201)).answers(400, VALIDATION)));
    cases.add(
        named(
            "tab in Idempotency-Key",
            send(VALID).header("Idempotency-Key", "key\twith-tab").answers(400, VALIDATION)));
    // Control and non-ASCII characters in the key cannot be sent from here (java.net.http
    // refuses DEL and writes U+0085 as '?'): IdempotencyKeyHeaderTest covers them.

    // credentials
    cases.add(
        named(
            "unsigned token (alg none)",
            send(VALID).withUnsignedToken().answers(401, "unauthenticated")));
    cases.add(
        named(
            "Basic credentials",
            send(VALID)
                .signedOut()
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("bob:bob".getBytes(UTF_8)))
                .answers(401, "unauthenticated")));
    cases.add(
        named(
            "Bearer without a token",
            send(VALID)
                .signedOut()
                .header("Authorization", "Bearer ")
                .answers(401, "unauthenticated")));

    // cursors and limits of the inbox
    cases.add(
        named(
            "inbox cursor: random base64",
            get("api/inbox?cursor=" + randomBase64()).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "inbox cursor: garbage",
            get("api/inbox?cursor=%21%21%21%2A%2A%2A").answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "inbox cursor: 1000 characters",
            get("api/inbox?cursor=" + LONG_ID).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "inbox cursor: negative position",
            get("api/inbox?cursor=" + cursor("inbox:-5")).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "inbox cursor: position past long",
            get("api/inbox?cursor=" + cursor("inbox:99999999999999999999"))
                .answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "inbox cursor: a history cursor",
            get("api/inbox?cursor=" + cursor("history:5")).answers(400, BAD_CURSOR)));
    cases.add(named("inbox cursor: NUL", get("api/inbox?cursor=%00").answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "inbox cursor: standard base64 alphabet",
            get("api/inbox?cursor=%2B%2F%2B%2F").answers(400, BAD_CURSOR)));
    cases.add(named("inbox limit -1", get("api/inbox?limit=-1").answers(400, VALIDATION)));
    cases.add(named("inbox limit 1e9", get("api/inbox?limit=1e9").answers(400, VALIDATION)));
    cases.add(
        named("inbox limit 2^31", get("api/inbox?limit=2147483648").answers(400, VALIDATION)));
    cases.add(named("inbox unread TRUE", get("api/inbox?unread=TRUE").answers(400, VALIDATION)));

    // cursors, limits and ids of a conversation's history
    cases.add(
        named(
            "history before: random base64",
            get("api/conversations/c1/messages?before=" + randomBase64())
                .answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "history before: 1000 characters",
            get("api/conversations/c1/messages?before=" + LONG_ID).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "history before: an inbox cursor",
            get("api/conversations/c1/messages?before=" + cursor("inbox:5"))
                .answers(400, BAD_CURSOR)));
    for (String limit : List.of("0", "-1", "101", "1e9", "abc")) {
      cases.add(
          named(
              "history limit " + limit,
              get("api/conversations/c1/messages?limit=" + limit).answers(400, VALIDATION)));
    }
    cases.add(
        named(
            "history of a 1000-character conversation",
            get("api/conversations/" + LONG_ID + "/messages").answers(404, NOT_FOUND)));

    // groups: titles, members, ids
    String unknownGroup = "g-" + UNKNOWN_ID;
    cases.add(
        named(
            "group title of 10,000 characters",
            post("api/conversations", "{\"title\":\"" + "t".repeat(10_000) + "\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "group title with NUL",
            post("api/conversations", "{\"title\":\"a\\u0000b\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "group title with ANSI escape",
            post("api/conversations", "{\"title\":\"\\u001b[31mred\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "group title with a line break",
            post("api/conversations", "{\"title\":\"a\\nb\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "group title a number",
            post("api/conversations", "{\"title\":7}").answers(400, VALIDATION)));
    cases.add(
        named(
            "group title null",
            post("api/conversations", "{\"title\":null}").answers(400, VALIDATION)));
    cases.add(
        named(
            "group of 2,000 members",
            post(
                    "api/conversations",
                    "{\"title\":\"crowd\",\"members\":["
                        + IntStream.range(0, 2_000)
                            .mapToObj(i -> "\"m" + i + "\"")
                            .collect(Collectors.joining(","))
                        + "]}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "group of 10,000 members (over the body limit)",
            post(
                    "api/conversations",
                    "{\"title\":\"crowd\",\"members\":[" + recipients(i -> "m" + i) + "]}")
                .answers(413, "payload-too-large")));
    cases.add(
        named(
            "group of 300 members",
            post(
                    "api/conversations",
                    "{\"title\":\"crowd\",\"members\":["
                        + IntStream.range(0, 300)
                            .mapToObj(i -> "\"m" + i + "\"")
                            .collect(Collectors.joining(","))
                        + "]}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "group member with a control character",
            post("api/conversations", "{\"title\":\"x\",\"members\":[\"bo\\u0007b\"]}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "group members an object",
            post("api/conversations", "{\"title\":\"x\",\"members\":{\"a\":1}}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "group with an id of its own",
            post("api/conversations", "{\"title\":\"x\",\"id\":\"g-mine\"}")
                .answers(400, MALFORMED, VALIDATION)));
    cases.add(
        named(
            "group of 1000 characters",
            get("api/conversations/" + LONG_ID).answers(404, NOT_FOUND)));
    cases.add(
        named("group unknown", get("api/conversations/" + unknownGroup).answers(404, NOT_FOUND)));
    cases.add(
        named(
            "add member to an unknown group",
            post("api/conversations/" + unknownGroup + "/members", "{\"user\":\"bob\"}")
                .answers(404, NOT_FOUND)));
    cases.add(
        named(
            "add member with a 129-character name",
            post(
                    "api/conversations/" + unknownGroup + "/members",
                    "{\"user\":\"" + "b".repeat(129) + "\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "add member with a slash",
            post("api/conversations/" + unknownGroup + "/members", "{\"user\":\"../admin\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "remove a member of a 1000-character group",
            call("DELETE", "api/conversations/" + LONG_ID + "/members/bob")
                .answers(404, NOT_FOUND)));
    cases.add(
        named(
            "send to a made-up g- conversation",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"conversationId\":\"g-mine\"}")
                .answers(422, "conversation-rule")));
    cases.add(
        named(
            "send to an unknown group",
            send("{\"body\":\"x\",\"conversationId\":\"" + unknownGroup + "\"}")
                .answers(404, NOT_FOUND)));
    cases.add(
        named(
            "send naming recipients and a group",
            send("{\"to\":[\"bob\"],\"body\":\"x\",\"conversationId\":\"" + unknownGroup + "\"}")
                .answers(422, "conversation-rule")));
    cases.add(named("send without recipients", send("{\"body\":\"x\"}").answers(400, VALIDATION)));

    // cursors and limits of the chat list, and history paged forward
    cases.add(
        named(
            "chat list cursor: random base64",
            get("api/conversations?cursor=" + randomBase64()).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "chat list cursor: 1000 characters",
            get("api/conversations?cursor=" + LONG_ID).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "chat list cursor: an inbox cursor",
            get("api/conversations?cursor=" + cursor("inbox:5")).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "chat list cursor: a bad conversation id",
            get("api/conversations?cursor=" + cursor("chats:5:../x")).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "chat list cursor: negative time",
            get("api/conversations?cursor=" + cursor("chats:-5:c1")).answers(400, BAD_CURSOR)));
    for (String limit : List.of("0", "101", "abc")) {
      cases.add(
          named(
              "chat list limit " + limit,
              get("api/conversations?limit=" + limit).answers(400, VALIDATION)));
    }
    cases.add(
        named(
            "history after: random base64",
            get("api/conversations/c1/messages?after=" + randomBase64()).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "history after: a chat list cursor",
            get("api/conversations/c1/messages?after=" + cursor("chats:5:c1"))
                .answers(400, BAD_CURSOR)));

    // ids of single messages and deliveries (encoded NUL, slash, dot: see refusedByLiberty)
    for (String id :
        List.of(
            LONG_ID,
            "%7B" + UNKNOWN_ID + "%7D",
            "00000000-0000-0000-0000-000000000000",
            "%27%20or%20%271%27%3D%271")) {
      cases.add(
          named("message " + abbreviated(id), get("api/messages/" + id).answers(404, NOT_FOUND)));
    }
    for (String id : List.of(LONG_ID, "not-a-uuid", "0" + UNKNOWN_ID, UNKNOWN_ID)) {
      cases.add(
          named(
              "mark read " + abbreviated(id),
              call("POST", "api/inbox/" + id + "/read").answers(404, NOT_FOUND)));
    }
    cases.add(
        named(
            "mark unread a 1000-character id",
            call("POST", "api/inbox/" + LONG_ID + "/unread").answers(404, NOT_FOUND)));

    // history, search and the audit log: queries, instants, cursors
    cases.add(named("search without q", get("api/messages/search").answers(400, VALIDATION)));
    cases.add(
        named("search q blank", get("api/messages/search?q=%20%20").answers(400, VALIDATION)));
    cases.add(
        named(
            "search q of 201 characters",
            get("api/messages/search?q=" + "q".repeat(201)).answers(400, VALIDATION)));
    cases.add(
        named(
            "search q of 3,000 Hangul characters (27 KB encoded)",
            get("api/messages/search?q=" + "회".repeat(3_000)).answers(400, VALIDATION)));
    cases.add(named("search q NUL", get("api/messages/search?q=a%00b").answers(400, VALIDATION)));
    cases.add(
        named("search q newline", get("api/messages/search?q=a%0Ab").answers(400, VALIDATION)));
    cases.add(
        named(
            "search cursor: random base64",
            get("api/messages/search?q=x&cursor=" + randomBase64()).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "search cursor: a history cursor",
            get("api/messages/search?q=x&cursor=" + cursor("messages:5:5"))
                .answers(400, BAD_CURSOR)));
    for (String instant :
        List.of("yesterday", "2026-02-30T00:00:00Z", "2026-01-01", "1e9", LONG_ID, "%00")) {
      cases.add(
          named(
              "history after " + abbreviated(instant),
              get("api/messages?after=" + instant).answers(400, VALIDATION)));
      cases.add(
          named(
              "audit before " + abbreviated(instant),
              auditor("api/audit?before=" + instant).answers(400, VALIDATION)));
    }
    cases.add(
        named(
            "history cursor: garbage",
            get("api/messages?cursor=%21%21%21").answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "history cursor: negative position",
            get("api/messages?cursor=" + cursor("messages:-1:5")).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "history cursor: three positions",
            get("api/messages?cursor=" + cursor("messages:1:2:3")).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "history with a bad user name",
            get("api/messages?with=a%20b").answers(400, VALIDATION)));
    cases.add(
        named(
            "history of a bad conversation id",
            get("api/messages?conversationId=" + LONG_ID).answers(400, VALIDATION)));
    cases.add(named("history limit 0", get("api/messages?limit=0").answers(400, VALIDATION)));
    cases.add(
        named(
            "audit messageId SQL",
            auditor("api/audit?messageId=%27%20or%20%271%27%3D%271").answers(400, VALIDATION)));
    cases.add(
        named(
            "audit cursor: an inbox cursor",
            auditor("api/audit?cursor=" + cursor("inbox:5")).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "audit cursor: 1000 characters",
            auditor("api/audit?cursor=" + LONG_ID).answers(400, BAD_CURSOR)));
    cases.add(
        named(
            "audit actor of 129 characters",
            auditor("api/audit?actor=" + "a".repeat(129)).answers(400, VALIDATION)));
    // notification preferences and alerts
    cases.add(
        named(
            "preferences: phone not E.164",
            preferences("{\"channels\":[\"sms\"],\"phone\":\"010-1234-5678\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "preferences: phone of 16 digits",
            preferences("{\"channels\":[\"sms\"],\"phone\":\"+1234567890123456\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "preferences: email with a newline (header injection)",
            preferences("{\"channels\":[\"email\"],\"email\":\"a@b.org\\nBcc: victim@c.org\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "preferences: email without a domain",
            preferences("{\"channels\":[\"email\"],\"email\":\"alice@\"}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "preferences: email of 300 characters",
            preferences(
                    "{\"channels\":[\"email\"],\"email\":\"" + "a".repeat(290) + "@example.org\"}")
                .answers(400, VALIDATION)));
    for (String zone :
        List.of("Mars/Olympus", "../../etc/passwd", "GMT+25", "", "Europe/" + "x".repeat(100))) {
      cases.add(
          named(
              "preferences: time zone " + abbreviated(zone),
              preferences(
                      "{\"channels\":[\"log\"],\"quietHours\":{\"start\":\"22:00\","
                          + "\"end\":\"07:00\",\"timeZone\":\""
                          + zone
                          + "\"}}")
                  .answers(400, VALIDATION)));
    }
    cases.add(
        named(
            "preferences: quiet hours 24:00",
            preferences(
                    "{\"channels\":[\"log\"],\"quietHours\":{\"start\":\"24:00\","
                        + "\"end\":\"07:00\",\"timeZone\":\"UTC\"}}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "preferences: 5,000 muted conversations",
            preferences(
                    "{\"channels\":[\"log\"],\"mutedConversationIds\":["
                        + IntStream.range(0, 5_000)
                            .mapToObj(i -> "\"c" + i + "\"")
                            .collect(Collectors.joining(","))
                        + "]}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "preferences: 1,000 channels",
            preferences(
                    "{\"channels\":["
                        + IntStream.range(0, 1_000)
                            .mapToObj(i -> "\"log\"")
                            .collect(Collectors.joining(","))
                        + "]}")
                .answers(400, VALIDATION)));
    cases.add(
        named(
            "preferences: digestMinutes 2^31",
            preferences("{\"channels\":[\"log\"],\"digestMinutes\":2147483648}")
                .answers(400, MALFORMED, VALIDATION)));
    cases.add(
        named(
            "preferences: channels a string",
            preferences("{\"channels\":\"email\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "preferences: unknown field user",
            preferences("{\"channels\":[\"log\"],\"user\":\"bob\"}").answers(400, VALIDATION)));
    cases.add(
        named(
            "notifications: messageId not a UUID",
            get("api/notifications?messageId=x'--").answers(400, VALIDATION)));
    cases.add(
        named(
            "notifications cursor: an inbox cursor",
            get("api/notifications?cursor=" + cursor("inbox:5")).answers(400, BAD_CURSOR)));
    cases.add(
        named("notifications limit 0", get("api/notifications?limit=0").answers(400, VALIDATION)));

    // methods nobody serves
    cases.add(
        named(
            "DELETE /api/messages",
            call("DELETE", "api/messages").answers(405, "method-not-allowed")));
    cases.add(
        named("PUT /api/messages", send(VALID).method("PUT").answers(405, "method-not-allowed")));
    cases.add(
        named("PATCH /api/inbox", call("PATCH", "api/inbox").answers(405, "method-not-allowed")));
    cases.add(
        named(
            "GET /api/inbox/{id}/read",
            get("api/inbox/" + UNKNOWN_ID + "/read").answers(405, "method-not-allowed")));
    cases.add(
        named(
            "DELETE /api/messages/{id}",
            call("DELETE", "api/messages/" + UNKNOWN_ID).answers(405, "method-not-allowed")));
    cases.add(
        named("made-up method FOO", send(VALID).method("FOO").answers(405, "method-not-allowed")));
    return Collections.unmodifiableList(cases);
  }

  private static long storedFrom(List<String> senders) {
    return LogDatabase.count(
        "select count(*) from messages where sender in (" + placeholders(senders) + ")",
        senders.toArray());
  }

  private static String placeholders(List<?> values) {
    return values.stream().map(v -> "?").collect(Collectors.joining(","));
  }

  private static JsonObject problemOf(Reply reply) {
    try {
      return reply.json();
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static Named<Hostile> named(String name, Hostile request) {
    return Named.of(name, request);
  }

  private static Hostile send(String json) {
    return send(json.getBytes(UTF_8));
  }

  private static Hostile send(byte[] body) {
    return new Hostile("POST", "api/messages", body).header("Content-Type", "application/json");
  }

  private static Hostile preferences(String json) {
    return new Hostile("PUT", "api/me/preferences", json.getBytes(UTF_8))
        .header("Content-Type", "application/json");
  }

  private static Hostile post(String path, String json) {
    return new Hostile("POST", path, json.getBytes(UTF_8))
        .header("Content-Type", "application/json");
  }

  private static Hostile get(String path) {
    return call("GET", path);
  }

  /** A GET by a user with the auditor role (user names starting "auditor-" get it). */
  private static Hostile auditor(String path) {
    return new Hostile(
        Users.unique("auditor"), "GET", path, Map.of(), null, false, false, true, 0, Set.of());
  }

  private static Hostile call(String method, String path) {
    return new Hostile(method, path, null);
  }

  private static String recipients(IntFunction<String> name) {
    return IntStream.range(0, 10_000)
        .mapToObj(i -> "\"" + name.apply(i) + "\"")
        .collect(Collectors.joining(","));
  }

  private static byte[] tenMegabytes() {
    byte[] body = new byte[10 * 1024 * 1024];
    Arrays.fill(body, (byte) 'x');
    byte[] start = "{\"to\":[\"bob\"],\"body\":\"".getBytes(UTF_8);
    System.arraycopy(start, 0, body, 0, start.length);
    return body;
  }

  /** Text and single bytes (given as ints) in a row. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof Integer b) {
        out.write(b);
      } else {
        out.writeBytes(part.toString().getBytes(UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static String cursor(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF_8));
  }

  private static String randomBase64() {
    byte[] random = new byte[24];
    new Random().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** A token with the dev issuer and a fresh expiry, but no signature ("alg": "none"). */
  private static String unsignedToken(String user) {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(UTF_8));
    long expiry = System.currentTimeMillis() / 1000 + 3600;
    String claims =
        String.format(
            "{\"iss\":\"herald-dev\",\"sub\":\"%s\",\"upn\":\"%s\",\"exp\":%d}",
            user, user, expiry);
    return header + "." + encoder.encodeToString(claims.getBytes(UTF_8)) + ".";
  }

  private static String abbreviated(String id) {
    return id.length() > 40 ? id.substring(0, 10) + "… (" + id.length() + " characters)" : id;
  }

  /** One hostile request, from a user of its own, and the status and problem types it must get. */
  record Hostile(
      String user,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      boolean chunked,
      boolean expectContinue,
      boolean signedIn,
      int status,
      Set<String> types) {

    Hostile(String method, String path, byte[] body) {
      this(Users.unique("hostile"), method, path, Map.of(), body, false, false, true, 0, Set.of());
    }

    boolean isSend() {
      return path.equals("api/messages") && body != null;
    }

    Hostile answers(int expected, String... problemTypes) {
      assertThat(CLIENT_ERRORS).contains(expected);
      return new Hostile(
          user,
          method,
          path,
          headers,
          body,
          chunked,
          expectContinue,
          signedIn,
          expected,
          Set.of(problemTypes));
    }

    /** Sets a header, or removes it when {@code value} is null. */
    Hostile header(String name, String value) {
      Map<String, String> changed = new LinkedHashMap<>(headers);
      if (value == null) {
        changed.remove(name);
      } else {
        changed.put(name, value);
      }
      return new Hostile(
          user, method, path, changed, body, chunked, expectContinue, signedIn, status, types);
    }

    Hostile headers(int count) {
      Hostile request = this;
      for (int i = 0; i < count; i++) {
        request = request.header("X-Header-" + i, "v");
      }
      return request;
    }

    Hostile method(String other) {
      return new Hostile(
          user, other, path, headers, body, chunked, expectContinue, signedIn, status, types);
    }

    Hostile inChunks() {
      return new Hostile(
          user, method, path, headers, body, true, expectContinue, signedIn, status, types);
    }

    Hostile withExpectContinue() {
      return new Hostile(user, method, path, headers, body, chunked, true, signedIn, status, types);
    }

    /** Without the user's token: the case brings its own Authorization header, or none. */
    Hostile signedOut() {
      return new Hostile(
          user, method, path, headers, body, chunked, expectContinue, false, status, types);
    }

    Hostile withUnsignedToken() {
      return signedOut().header("Authorization", "Bearer " + unsignedToken(user));
    }

    Reply send() {
      Herald.Client client =
          !signedIn
              ? Herald.anonymous()
              : user.startsWith("auditor-")
                  ? Herald.withRoles(user, "herald-auditor")
                  : Herald.as(user);
      BodyPublisher publisher =
          body == null
              ? BodyPublishers.noBody()
              : chunked
                  ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                  : BodyPublishers.ofByteArray(body);
      return client.send(
          method,
          path,
          publisher,
          request -> {
            request.version(HttpClient.Version.HTTP_1_1).expectContinue(expectContinue);
            headers.forEach(request::header);
          });
    }
  }
}
