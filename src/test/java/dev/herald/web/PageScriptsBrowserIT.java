package dev.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page's pure logic, run in the real browser that runs the page (the build has no Node): the
 * page's own ES modules are imported into a loaded page and exercised there.
 */
class PageScriptsBrowserIT {
  static Browser browser;

  @BeforeAll
  static void openThePage() {
    browser = Browser.openIfAvailable();
    if (browser != null) {
      browser.go("/");
    }
  }

  @BeforeEach
  void needsBrowser() {
    Browser.assumeAvailable();
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  /** Runs {@code body} (an async function body with the module as `m`) and answers its result. */
  @SuppressWarnings("unchecked")
  private static <T> T run(String module, String body) {
    return (T)
        browser.jsAsync(
            "const done = arguments[arguments.length - 1];"
                + "import('/js/"
                + module
                + "').then(async (m) => { try { done(await (async () => {"
                + body
                + "})()); } catch (e) { done('threw: ' + e); } });");
  }

  @Test
  void sseParserReadsEventsSplitAnywhereAcrossChunks() {
    List<Object> events =
        run(
            "sse.js",
            """
            const text = 'retry: 3000\\r\\n: ping\\r\\n\\r\\nid: 7\\r\\nevent: message\\r\\n'
              + 'data: {"a":1}\\r\\n\\r\\nid: 8\\nevent: counts\\ndata: line1\\ndata: line2\\n\\n'
              + 'event: reset\\rdata: {}\\r\\r';
            const results = [];
            for (let size = 1; size <= text.length; size++) {
              const seen = []; let retry = null; const comments = [];
              const p = new m.SseParser({ onEvent: (e) => seen.push(e), onRetry: (ms) => { retry = ms; },
                onComment: (c) => comments.push(c) });
              for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
              results.push(JSON.stringify({ seen, retry, comments }));
            }
            return [...new Set(results)];
            """);
    assertThat(events)
        .containsExactly(
            "{\"seen\":[{\"type\":\"message\",\"data\":\"{\\\"a\\\":1}\",\"id\":\"7\"},"
                + "{\"type\":\"counts\",\"data\":\"line1\\nline2\",\"id\":\"8\"},"
                + "{\"type\":\"reset\",\"data\":\"{}\",\"id\":\"8\"}],"
                + "\"retry\":3000,\"comments\":[\"ping\"]}");
  }

  @Test
  void sseParserIgnoresEventsWithoutDataAndUnfinishedOnes() {
    String events =
        run(
            "sse.js",
            """
            const seen = [];
            const p = new m.SseParser({ onEvent: (e) => seen.push(e) });
            p.push('\\uFEFFevent: nothing\\n\\nfield-without-colon\\ndata\\n\\nid: 9\\ndata: half');
            p.end();
            return JSON.stringify(seen);
            """);
    assertThat(events).isEqualTo("[{\"type\":\"message\",\"data\":\"\",\"id\":\"\"}]");
  }

  @Test
  void enterSendsButNotWhileAnInputMethodComposes() {
    Map<String, Object> decisions =
        run(
            "keys.js",
            """
            const key = (init) => new KeyboardEvent('keydown', { key: 'Enter', ...init });
            return {
              plain: m.sendsMessage(key({}), false),
              shift: m.sendsMessage(key({ shiftKey: true }), false),
              composingFlag: m.sendsMessage(key({ isComposing: true }), false),
              keyCode229: m.sendsMessage(key({ keyCode: 229 }), false),
              betweenCompositionEvents: m.sendsMessage(key({}), true),
              otherKey: m.sendsMessage(new KeyboardEvent('keydown', { key: 'a' }), false),
            };
            """);
    assertThat(decisions)
        .containsEntry("plain", true)
        .containsEntry("shift", false)
        .containsEntry("composingFlag", false)
        .containsEntry("keyCode229", false)
        .containsEntry("betweenCompositionEvents", false)
        .containsEntry("otherKey", false);
  }

  @Test
  void reconnectDelaysGrowWithJitterAndStayCapped() {
    Map<String, Object> delays =
        run(
            "stream.js",
            """
            const low = [0, 1, 2, 3, 10, 50].map((n) => m.backoff(n, 3000, () => 0));
            const high = [0, 1, 2, 3, 10, 50].map((n) => m.backoff(n, 3000, () => 1));
            return { low, high };
            """);
    assertThat(delays)
        .containsEntry("low", List.of(1500L, 3000L, 6000L, 12000L, 15000L, 15000L))
        .containsEntry("high", List.of(3000L, 6000L, 12000L, 24000L, 30000L, 30000L));
  }

  @Test
  void routesNameEveryPageAddress() {
    List<Object> routes =
        run(
            "router.js",
            """
            return [
              m.match('/'), m.match('/c/dm-ab%2Fc'), m.match('/inbox', '?filter=unread'),
              m.match('/search', '?q=%ED%9A%8C%EC%9D%98'), m.match('/settings'),
              m.match('/messages/0b7e'), m.match('/nope'),
            ].map((r) => JSON.stringify(r));
            """);
    assertThat(routes)
        .containsExactly(
            "{\"name\":\"home\"}",
            "{\"name\":\"conversation\",\"id\":\"dm-ab/c\"}",
            "{\"name\":\"inbox\",\"filter\":\"unread\"}",
            "{\"name\":\"search\",\"q\":\"회의\"}",
            "{\"name\":\"settings\"}",
            "{\"name\":\"message\",\"id\":\"0b7e\"}",
            "{\"name\":\"notfound\"}");
  }

  @Test
  void userNamesTypedInOneFieldAreSplitAndDeduplicated() {
    List<Object> names = run("format.js", "return m.userList(' bob, carol;dave  bob\\n');");
    assertThat(names).containsExactly("bob", "carol", "dave");
  }

  @Test
  void highlightingBuildsTextNodesNotMarkup() {
    String html =
        run(
            "dom.js",
            """
            const p = document.createElement('p');
            p.append(...m.highlighted('<b>회의</b> 회의는 내일', '회의'));
            return p.innerHTML;
            """);
    assertThat(html).isEqualTo("&lt;b&gt;<mark>회의</mark>&lt;/b&gt; <mark>회의</mark>는 내일");
  }

  @Test
  void theStreamResumesFromTheLastEventIdAfterDropsRefusalsAndExpiry() {
    Map<String, Object> run =
        run(
            "stream.js",
            """
            const encoder = new TextEncoder();
            const body = (text, close = true) => new ReadableStream({ start(c) {
              c.enqueue(encoder.encode(text)); if (close) c.close(); } });
            const calls = [];
            const realFetch = window.fetch;
            window.fetch = async (url, init) => {
              calls.push({ url, lastEventId: init.headers['Last-Event-ID'] ?? null,
                auth: init.headers.Authorization });
              switch (calls.length) {
                case 1: // one event, then the connection drops
                  return new Response(body('retry: 10\\n\\nid: 5\\nevent: counts\\ndata: {"unread":1}\\n\\n'),
                    { status: 200 });
                case 2: // the server has no room for the stream right now
                  return new Response('{}', { status: 503, headers: { 'Retry-After': '0' } });
                case 3: // an event, then the token runs out
                  return new Response(body('id: 6\\nevent: message\\ndata: {"messageId":"m"}\\n\\n'
                    + 'event: expired\\ndata: {}\\n\\n'), { status: 200 });
                default: // stays open
                  return new Response(body('id: 7\\nevent: reset\\ndata: {}\\n\\n', false), { status: 200 });
              }
            };
            const events = [];
            let renewals = 0;
            let token = 't1';
            const stream = new m.LiveStream({
              token: async () => token,
              renew: async () => { renewals += 1; token = 't2'; },
              onEvent: (type, data, id) => events.push(`${type}@${id}`),
            });
            try {
              stream.start();
              for (let i = 0; i < 200 && events.length < 3; i++) {
                await new Promise((r) => setTimeout(r, 25));
              }
            } finally {
              stream.stop();
              window.fetch = realFetch;
            }
            return { lastEventIds: calls.map((c) => c.lastEventId), auth: calls.map((c) => c.auth),
              events, renewals };
            """);
    assertThat(run)
        .containsEntry("events", List.of("counts@5", "message@6", "reset@7"))
        .containsEntry("renewals", 1L);
    assertThat(run.get("lastEventIds")).isEqualTo(java.util.Arrays.asList(null, "5", "5", "6"));
    assertThat(run.get("auth"))
        .isEqualTo(List.of("Bearer t1", "Bearer t1", "Bearer t1", "Bearer t2"));
  }

  @Test
  void pkceChallengeIsTheRfc7636Example() {
    String challenge =
        run("oidc.js", "return m.challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');");
    assertThat(challenge).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void tokenClaimsAreReadFromBase64UrlWithUnicode() {
    Map<String, Object> claims =
        run(
            "oidc.js",
            """
            const json = JSON.stringify({ sub: '민아', exp: 1 });
            const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(json)))
              .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
            return m.claimsOf(`e30.${b64}.sig`);
            """);
    assertThat(claims).containsEntry("sub", "민아").containsEntry("exp", 1L);
  }

  /** A scripted identity provider: discovery and token endpoint, answering what the test says. */
  private static final String PROVIDER =
      """
      const issuer = 'https://id.example.org/realms/herald';
      const config = { signIn: 'oidc', issuer, clientId: 'herald-web', scope: 'openid profile' };
      const requests = [];
      const realFetch = window.fetch;
      const idToken = (claims) => 'e30.' + btoa(JSON.stringify(claims)).replace(/=+$/, '') + '.sig';
      let idClaims = {};
      window.fetch = async (url, init = {}) => {
        requests.push({ url: String(url), body: init.body ? String(init.body) : null });
        if (String(url).endsWith('/.well-known/openid-configuration')) {
          return new Response(JSON.stringify({ issuer,
            authorization_endpoint: issuer + '/auth', token_endpoint: issuer + '/token' }));
        }
        return new Response(JSON.stringify({ access_token: 'e30.' + btoa('{"sub":"mina"}') + '.sig',
          id_token: idToken(idClaims), refresh_token: 'r1' }));
      };
      const restore = () => { window.fetch = realFetch; history.replaceState(null, '', '/'); };
      """;

  @Test
  void oidcSignInSendsPkceStateAndNonceAndChecksThemOnTheWayBack() {
    Map<String, Object> run =
        run(
            "oidc.js",
            PROVIDER
                + """
                try {
                  const url = new URL(await m.authorizationUrl(config, '/inbox'));
                  const pending = JSON.parse(sessionStorage.getItem('herald.oidc.pending'));
                  const p = url.searchParams;
                  const sent = Object.fromEntries(p.entries());
                  const challengeMatches = p.get('code_challenge') === await m.challengeOf(pending.verifier);
                  // the provider sends the browser back with a code and our state
                  idClaims = { iss: issuer, aud: 'herald-web', nonce: pending.nonce,
                    exp: Math.floor(Date.now() / 1000) + 60 };
                  history.replaceState(null, '', '/?code=abc&state=' + encodeURIComponent(pending.state));
                  const done = await m.completeSignIn(config);
                  const tokenForm = Object.fromEntries(new URLSearchParams(requests.at(-1).body));
                  return { sent, challengeMatches, returnTo: done.returnTo, address: location.pathname
                    + location.search, tokenForm, verifierSent: tokenForm.code_verifier === pending.verifier,
                    refresh: done.tokens.refresh_token };
                } finally { restore(); }
                """);
    @SuppressWarnings("unchecked")
    Map<String, Object> sent = (Map<String, Object>) run.get("sent");
    assertThat(sent)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", "herald-web")
        .containsEntry("scope", "openid profile")
        .containsEntry("code_challenge_method", "S256")
        .containsKeys("state", "nonce", "code_challenge")
        .doesNotContainKey("code_verifier");
    assertThat((String) sent.get("redirect_uri")).endsWith("/").doesNotContain("?");
    assertThat(run)
        .containsEntry("challengeMatches", true)
        .containsEntry("returnTo", "/inbox")
        .containsEntry("address", "/inbox")
        .containsEntry("verifierSent", true)
        .containsEntry("refresh", "r1");
    @SuppressWarnings("unchecked")
    Map<String, Object> form = (Map<String, Object>) run.get("tokenForm");
    assertThat(form)
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", "abc")
        .containsEntry("client_id", "herald-web");
  }

  @Test
  void oidcSignInRefusesAForeignStateOrNonceAndClearsTheCodeFromTheAddress() {
    Map<String, Object> run =
        run(
            "oidc.js",
            PROVIDER
                + """
                const attempt = async (state, nonceOk) => {
                  await m.authorizationUrl(config, '/');
                  const pending = JSON.parse(sessionStorage.getItem('herald.oidc.pending'));
                  idClaims = { iss: issuer, aud: 'herald-web', nonce: nonceOk ? pending.nonce : 'other' };
                  history.replaceState(null, '', '/?code=abc&state=' + (state ?? pending.state));
                  try { await m.completeSignIn(config); return 'signed in'; }
                  catch (e) { return e.message + ' | ' + location.search; }
                };
                try {
                  return { foreignState: await attempt('forged', true), foreignNonce: await attempt(null, false) };
                } finally { restore(); }
                """);
    assertThat((String) run.get("foreignState"))
        .startsWith("The sign-in answer does not belong")
        .endsWith("| ");
    assertThat((String) run.get("foreignNonce"))
        .startsWith("The ID token is not for this sign-in")
        .endsWith("| ");
  }
}
