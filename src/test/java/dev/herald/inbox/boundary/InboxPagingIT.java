package dev.herald.inbox.boundary;

import static dev.herald.inbox.boundary.InboxFixture.items;
import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** The keyset cursor stays stable while new messages arrive: no duplicates, no gaps. */
@MicroShedTest
class InboxPagingIT {
  static final int EXISTING = 30;
  static final int ARRIVING = 20;

  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");

  List<String> sendAll(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Reply sent = as(alice).post("api/messages", Requests.send(List.of(bob), prefix + i));
      assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
      ids.add(sent.json().getString("id"));
    }
    return ids;
  }

  long stored() {
    return LogDatabase.count("select count(*) from deliveries where recipient = ?", bob);
  }

  @Test
  void pagesWithoutDuplicatesOrGapsWhileMessagesArrive() throws Exception {
    List<String> existing = sendAll("existing ", EXISTING);
    await().atMost(Duration.ofSeconds(30)).until(() -> stored() == EXISTING);

    CountDownLatch firstPage = new CountDownLatch(1);
    CompletableFuture<List<String>> arriving =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                firstPage.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return sendAll("arriving ", ARRIVING);
            });

    List<String> listed = new ArrayList<>();
    String cursor = null;
    do {
      Reply page = as(bob).get("api/inbox?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      items(page).stream().map(i -> i.getString("messageId")).forEach(listed::add);
      firstPage.countDown();
      JsonObject body = page.json();
      cursor = body.containsKey("nextCursor") ? body.getString("nextCursor") : null;
    } while (cursor != null);

    assertThat(listed).doesNotHaveDuplicates();
    assertThat(listed).containsAll(existing);
    assertThat(listed).hasSize(EXISTING);
    assertThat(arriving.get(30, TimeUnit.SECONDS)).hasSize(ARRIVING);
    await().atMost(Duration.ofSeconds(30)).until(() -> stored() == EXISTING + ARRIVING);
    assertThat(items(as(bob).get("api/inbox?limit=100"))).hasSize(EXISTING + ARRIVING);
  }
}
