package dev.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Users;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the page reacts to each kind of stream event, with the stream scripted by the test (the
 * server's own stream is exercised by LiveBrowserIT): events change what is shown, never reload.
 */
class LiveEventsBrowserIT {
  final String me = Users.unique("mina");
  final String bob = Users.unique("bob");
  Browser page;

  @RegisterExtension final ScreenshotOnFailure failures = new ScreenshotOnFailure(() -> page);

  @BeforeEach
  void needsBrowser() {
    Browser.assumeAvailable();
  }

  @AfterEach
  void close() {
    if (page != null) {
      page.close();
    }
  }

  private String message(String conversationId, String body) {
    return "{\"messageId\":\"%s\",\"conversationId\":\"%s\",\"sender\":\"%s\",\"body\":\"%s\",\"createdAt\":\"%s\"}"
        .formatted(UUID.randomUUID(), conversationId, bob, body, Instant.now());
  }

  private String openChatWithBob() {
    Seed.send(bob, me, "hello");
    page = Browser.withScriptedStream().signIn(me);
    page.clickText("#chat-list .chat", bob);
    page.untilText("#history-list .msg-body", "hello");
    LiveBrowserIT.awaitLive(page);
    page.js("window.notReloaded = true;");
    return page.attributeOf("#chat-list .chat[aria-current=page]", "data-id");
  }

  @Test
  void aMessageEventAppendsToTheOpenConversationAndIsAnnounced() {
    String conversation = openChatWithBob();

    page.push("message", "41", message(conversation, "pushed live"));

    page.untilText("#history-list .msg-body", "pushed live");
    page.untilText("#announcer", "New message from " + bob + ": pushed live");
    assertThat(page.js("return window.notReloaded;")).isEqualTo(true);
  }

  @Test
  void aRepeatedEventShowsOnce() {
    String conversation = openChatWithBob();
    String event = message(conversation, "only once");

    page.push("message", "41", event);
    page.push("message", "41", event);
    page.push("message", "42", message(conversation, "and the next"));

    page.untilText("#history-list .msg-body", "and the next");
    assertThat(
            page.all("#history-list .msg-body").stream()
                .filter(e -> e.getText().equals("only once"))
                .count())
        .isEqualTo(1);
  }

  @Test
  void countsEventsSetTheTitleAndTheInboxBadge() {
    Seed.send(bob, me, "hello");
    page = Browser.withScriptedStream().signIn(me);
    LiveBrowserIT.awaitLive(page);
    page.until(d -> "(1) Herald".equals(d.getTitle()));

    page.push("counts", "7", "{\"unread\":4,\"unseen\":4,\"total\":9}");

    page.until(d -> "(4) Herald".equals(d.getTitle()));
    assertThat(page.textOf("#inbox-badge")).isEqualTo("4 unread");
    page.push("counts", "8", "{\"unread\":0,\"unseen\":0,\"total\":9}");
    page.until(d -> "Herald".equals(d.getTitle()));
    assertThat(page.find("#inbox-badge").isDisplayed()).isFalse();
  }

  @Test
  void aHiddenTabPopsUpADesktopNotificationAndAVisibleOneDoesNot() {
    String conversation = openChatWithBob();
    page.cdp(
        "Browser.grantPermissions",
        Map.of(
            "origin",
            page.url("/").toString().replaceAll("/$", ""),
            "permissions",
            java.util.List.of("notifications")));
    page.push("message", "50", message(conversation, "seen on screen"));
    page.untilText("#history-list .msg-body", "seen on screen");
    assertThat(page.recorded("notifications")).isEmpty();

    page.js(
        "Object.defineProperty(document, 'visibilityState', {get: () => 'hidden',"
            + " configurable: true});"
            + "document.dispatchEvent(new Event('visibilitychange'));");
    page.push("message", "51", message(conversation, "while away"));

    page.until(d -> !page.recorded("notifications").isEmpty());
    assertThat(page.recorded("notifications").get(0))
        .containsEntry("title", bob)
        .containsEntry("body", "while away");
  }

  @Test
  void aResetEventReloadsTheViewsFromTheServer() {
    String conversation = openChatWithBob();
    Seed.send(bob, me, "sent while the stream missed it");

    page.push("reset", "90", "{}");

    page.untilText("#history-list .msg-body", "sent while the stream missed it");
    page.untilText("#chat-list .chat .chat-snippet", "sent while the stream missed it");
    assertThat(page.js("return window.notReloaded;")).isEqualTo(true);
    assertThat(conversation).startsWith("dm-");
  }
}
