package dev.herald.conversations.boundary;

import static dev.herald.conversations.boundary.GroupCalls.awaitVisible;
import static dev.herald.conversations.boundary.GroupCalls.group;
import static dev.herald.conversations.boundary.GroupCalls.items;
import static dev.herald.conversations.boundary.GroupCalls.sendToGroup;
import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class ChatListIT {
  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");
  final String carol = Users.unique("carol");

  String send(String from, List<String> to, String conversationId, String subject, String body) {
    var json = Requests.message(to, body);
    if (conversationId != null) {
      json.add("conversationId", conversationId);
    }
    if (subject != null) {
      json.add("subject", subject);
    }
    Reply sent = as(from).post("api/messages", json.build().toString());
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    return sent.json().getString("id");
  }

  @Test
  void showsTheLatestMessageStillVisibleOnceTheLastOneIsDeleted() {
    List<String> sent = twoVisibleToBob("first", "second");
    String first = sent.get(0);
    String second = sent.get(1);

    assertThat(as(bob).post("api/inbox/" + second + "/delete").status()).isEqualTo(204);

    JsonObject direct = items(as(bob).get("api/conversations")).get(0);
    assertThat(direct.getJsonObject("lastMessage").getString("id")).isEqualTo(first);
    assertThat(direct.getInt("unread")).isEqualTo(1);
    // the sender deleted nothing: their list still ends with the second message
    JsonObject alices = items(as(alice).get("api/conversations")).get(0);
    assertThat(alices.getJsonObject("lastMessage").getString("id")).isEqualTo(second);

    assertThat(as(bob).post("api/inbox/" + first + "/delete").status()).isEqualTo(204);
    JsonObject emptied = items(as(bob).get("api/conversations")).get(0);
    assertThat(emptied.isNull("lastMessage") || !emptied.containsKey("lastMessage")).isTrue();
  }

  @Test
  void listsEachKindOfConversationMostRecentFirstWithItsLastMessageAndUnreadCount() {
    String group = group(carol, "Book club", List.of(bob));
    String thread = Users.unique("thread");
    String first = send(alice, List.of(bob), null, "hi", "first");
    String second = send(alice, List.of(bob), null, "again", "second\n\n  line");
    String threaded = send(carol, List.of(bob), thread, null, "in a thread");
    awaitVisible(bob, first);
    awaitVisible(bob, second);
    awaitVisible(bob, threaded);

    List<JsonObject> chats = items(as(bob).get("api/conversations"));

    assertThat(chats)
        .extracting(c -> c.getString("kind"))
        .containsExactly("thread", "direct", "group");
    JsonObject direct = chats.get(1);
    assertThat(direct.getString("conversationId")).startsWith("dm-");
    assertThat(direct.containsKey("title")).isFalse();
    assertThat(direct.getInt("unread")).isEqualTo(2);
    JsonObject last = direct.getJsonObject("lastMessage");
    assertThat(last.getString("id")).isEqualTo(second);
    assertThat(last.getString("sender")).isEqualTo(alice);
    assertThat(last.getString("subject")).isEqualTo("again");
    assertThat(last.getString("snippet")).isEqualTo("second line");
    assertThat(last.getString("createdAt")).isNotBlank();
    assertThat(direct.getString("lastActivityAt")).isEqualTo(last.getString("createdAt"));
    assertThat(chats.get(0).getString("conversationId")).isEqualTo(thread);
    assertThat(chats.get(2).getString("conversationId")).isEqualTo(group);
    assertThat(chats.get(2).getString("title")).isEqualTo("Book club");
    assertThat(direct.getJsonArray("participants").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactlyElementsOf(new java.util.TreeSet<>(List.of(alice, bob)));
    assertThat(
            chats
                .get(0)
                .getJsonArray("participants")
                .getValuesAs(jakarta.json.JsonString::getString))
        .containsExactlyInAnyOrder(carol, bob);
    assertThat(chats.get(2).containsKey("participants")).isFalse();

    // the sender's list has the conversation too, with nothing unread
    List<JsonObject> alices = items(as(alice).get("api/conversations"));
    assertThat(alices)
        .extracting(c -> c.getString("conversationId"))
        .containsExactly(direct.getString("conversationId"));
    assertThat(alices.get(0).getInt("unread")).isZero();
  }

  @Test
  void countsDownUnreadAsMessagesAreRead() {
    String first = twoVisibleToBob("one", "two").get(0);

    assertThat(as(bob).post("api/inbox/" + first + "/read").status()).isEqualTo(204);

    assertThat(items(as(bob).get("api/conversations")).get(0).getInt("unread")).isEqualTo(1);
  }

  @Test
  void pagesThroughManyConversationsWithoutGapsOrRepeats() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(group(alice, "group " + i, List.of(bob)));
    }
    String direct = send(bob, List.of(alice), null, null, "newest");
    awaitVisible(alice, direct);

    List<String> seen = new ArrayList<>();
    String path = "api/conversations?limit=5";
    Reply page = as(alice).get(path);
    int pages = 1;
    while (true) {
      items(page).forEach(c -> seen.add(c.getString("conversationId")));
      if (!page.json().containsKey("nextCursor")) {
        break;
      }
      page = as(alice).get(path + "&cursor=" + page.json().getString("nextCursor"));
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(13).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen.subList(1, 13))).isEqualTo(new HashSet<>(ids));
    assertThat(seen.get(0)).startsWith("dm-");
    List<Instant> activity = new ArrayList<>();
    // most recent first across pages, too
    String cursor = null;
    do {
      Reply p = as(alice).get(path + (cursor == null ? "" : "&cursor=" + cursor));
      items(p).forEach(c -> activity.add(Instant.parse(c.getString("lastActivityAt"))));
      cursor = p.json().getString("nextCursor", null);
    } while (cursor != null);
    assertThat(activity).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void refusesACursorItDidNotIssue() {
    Reply reply = as(alice).get("api/conversations?cursor=bm90LWEtY3Vyc29y");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:bad-cursor");
  }

  @Test
  void showsNothingOfOtherUsersConversations() {
    String id =
        sendToGroup(carol, group(carol, "theirs", List.of(bob)), "not for alice")
            .json()
            .getString("id");
    awaitVisible(bob, id);

    assertThat(items(as(alice).get("api/conversations"))).isEmpty();
  }

  /** Alice sends Bob two direct messages; returns their ids once Bob sees both. */
  List<String> twoVisibleToBob(String firstBody, String secondBody) {
    String first = send(alice, List.of(bob), null, null, firstBody);
    String second = send(alice, List.of(bob), null, null, secondBody);
    awaitVisible(bob, first);
    awaitVisible(bob, second);
    return List.of(first, second);
  }
}
