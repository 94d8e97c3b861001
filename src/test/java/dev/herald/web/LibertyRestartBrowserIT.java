package dev.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.LibertyServer;
import dev.herald.testing.Users;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's live stream survives Liberty going away: it reconnects by itself with its last event
 * id, and the messages sent meanwhile show once each, in order, without a reload. Runs in the fault
 * suite's execution (it restarts the server the other tests use).
 */
class LibertyRestartBrowserIT {
  final LibertyServer liberty = new LibertyServer(Path.of("target", "faults.log"));
  final String alice = Users.unique("alice");
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

  private List<String> shown() {
    return page.texts("#history-list .msg-body");
  }

  @Test
  void resumesWithNothingMissedAfterLibertyRestarts() throws Exception {
    Seed.send(alice, bob, "before the restart");
    page = Browser.open().signIn(bob);
    page.clickText("#chat-list .chat", alice);
    page.untilText("#history-list .msg-body", "before the restart");
    LiveBrowserIT.awaitLive(page);

    page.js("window.notReloaded = true;");
    liberty.stop();
    page.until(
        Duration.ofSeconds(30),
        d -> !"live".equals(page.find("#connection").getAttribute("data-state")));
    liberty.start(); // waits until ready

    List<String> sent =
        IntStream.rangeClosed(1, 5).mapToObj(i -> "after the restart " + i).toList();
    sent.forEach(body -> Seed.send(alice, bob, body));

    page.until(Duration.ofSeconds(90), d -> shown().size() == 6);
    LiveBrowserIT.awaitLive(page);
    assertThat(shown())
        .containsExactly(
            "before the restart", sent.get(0), sent.get(1), sent.get(2), sent.get(3), sent.get(4));
    assertThat(page.driver.getCurrentUrl()).contains("/c/");
    assertThat(page.js("return window.notReloaded === true;"))
        .as("the page was never reloaded")
        .isEqualTo(true);
  }
}
