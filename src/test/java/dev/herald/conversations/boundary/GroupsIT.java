package dev.herald.conversations.boundary;

import static dev.herald.conversations.boundary.GroupCalls.add;
import static dev.herald.conversations.boundary.GroupCalls.create;
import static dev.herald.conversations.boundary.GroupCalls.group;
import static dev.herald.conversations.boundary.GroupCalls.items;
import static dev.herald.conversations.boundary.GroupCalls.members;
import static dev.herald.conversations.boundary.GroupCalls.remove;
import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Concurrently;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class GroupsIT {
  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");
  final String carol = Users.unique("carol");
  final String dave = Users.unique("dave");
  final String eve = Users.unique("eve");

  static List<List<Object>> audit(String group, String action) {
    return LogDatabase.query(
        "select actor, details::text from audit_events where conversation_id = ? and action = ?"
            + " order by id",
        group,
        action);
  }

  static JsonObject json(Object text) {
    try (var reader = Json.createReader(new StringReader((String) text))) {
      return reader.readObject();
    }
  }

  static List<String> names(JsonArray array) {
    return array.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  @Test
  void createsAGroupWithItsCreatorAsMemberAndDuplicatesCollapsed() {
    Reply created = create(alice, "Launch 🚀", List.of(bob, carol, bob, alice));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject group = created.json();
    String id = group.getString("id");
    assertThat(id).matches("g-[0-9a-f-]{36}");
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/conversations/" + id));
    assertThat(group.getString("title")).isEqualTo("Launch 🚀");
    assertThat(members(created)).containsExactlyElementsOf(sorted(alice, bob, carol));
    assertThat(group.getString("createdBy")).isEqualTo(alice);
    assertThat(group.getString("createdAt")).isNotBlank();

    Reply seenByBob = as(bob).get("api/conversations/" + id);
    assertThat(seenByBob.status()).isEqualTo(200);
    assertThat(seenByBob.json()).isEqualTo(group);
  }

  @Test
  void auditsTheCreationWithItsMembers() {
    String id = group(alice, "audited", List.of(bob));

    List<List<Object>> created = audit(id, "conversation.created");
    assertThat(created).hasSize(1);
    assertThat(created.get(0).get(0)).isEqualTo(alice);
    JsonObject details = json(created.get(0).get(1));
    assertThat(details.getString("title")).isEqualTo("audited");
    assertThat(names(details.getJsonArray("members")))
        .containsExactlyElementsOf(sorted(alice, bob));
  }

  @Test
  void showsAGroupOnlyToItsMembers() {
    String id = group(alice, "members only", List.of(bob));

    assertThat(as(eve).get("api/conversations/" + id).status()).isEqualTo(404);
    assertThat(as(eve).get("api/conversations/g-00000000-0000-0000-0000-000000000000").status())
        .isEqualTo(404);
    String direct = "dm-0123456789abcdef0123456789abcdef";
    assertThat(as(alice).get("api/conversations/" + direct).status()).isEqualTo(404);
  }

  @Test
  void putsANewGroupIntoEveryMembersChatListBeforeItsFirstMessage() {
    String id = group(alice, "fresh", List.of(bob));

    for (String member : List.of(alice, bob)) {
      List<JsonObject> chats = items(as(member).get("api/conversations"));
      assertThat(chats).extracting(c -> c.getString("conversationId")).containsExactly(id);
      JsonObject entry = chats.get(0);
      assertThat(entry.getString("kind")).isEqualTo("group");
      assertThat(entry.getString("title")).isEqualTo("fresh");
      assertThat(entry.isNull("lastMessage")).isTrue();
      assertThat(entry.getInt("unread")).isZero();
    }
    assertThat(items(as(eve).get("api/conversations"))).isEmpty();
  }

  @Test
  void addsAMemberWhoThenSeesTheGroup() {
    String id = group(alice, "growing", List.of(bob));

    Reply added = add(bob, id, dave);

    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    assertThat(members(added)).containsExactlyElementsOf(sorted(alice, bob, dave));
    assertThat(members(as(dave).get("api/conversations/" + id))).contains(dave);
    assertThat(items(as(dave).get("api/conversations")))
        .extracting(c -> c.getString("conversationId"))
        .containsExactly(id);
    List<List<Object>> audited = audit(id, "conversation.member-added");
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).get(0)).isEqualTo(bob);
    JsonObject details = json(audited.get(0).get(1));
    assertThat(details.getString("member")).isEqualTo(dave);
    assertThat(names(details.getJsonArray("before"))).containsExactlyElementsOf(sorted(alice, bob));
    assertThat(names(details.getJsonArray("after")))
        .containsExactlyElementsOf(sorted(alice, bob, dave));
  }

  @Test
  void addingACurrentMemberChangesNothing() {
    String id = group(alice, "steady", List.of(bob));

    Reply again = add(alice, id, bob);

    assertThat(again.status()).isEqualTo(200);
    assertThat(members(again)).containsExactlyElementsOf(sorted(alice, bob));
    assertThat(audit(id, "conversation.member-added")).isEmpty();
  }

  @Test
  void removesAMemberWhoThenNoLongerSeesTheGroup() {
    String id = group(alice, "shrinking", List.of(bob, carol));

    assertThat(remove(bob, id, carol).status()).isEqualTo(204);

    assertThat(as(carol).get("api/conversations/" + id).status()).isEqualTo(404);
    assertThat(members(as(alice).get("api/conversations/" + id)))
        .containsExactlyElementsOf(sorted(alice, bob));
    List<List<Object>> audited = audit(id, "conversation.member-removed");
    assertThat(audited).hasSize(1);
    JsonObject details = json(audited.get(0).get(1));
    assertThat(audited.get(0).get(0)).isEqualTo(bob);
    assertThat(details.getString("member")).isEqualTo(carol);
    assertThat(names(details.getJsonArray("before")))
        .containsExactlyElementsOf(sorted(alice, bob, carol));
    assertThat(names(details.getJsonArray("after"))).containsExactlyElementsOf(sorted(alice, bob));
    // a removed member can no longer change anything
    assertThat(add(carol, id, eve).status()).isEqualTo(404);
    assertThat(remove(carol, id, alice).status()).isEqualTo(404);
  }

  @Test
  void letsAMemberLeave() {
    String id = group(alice, "leaving", List.of(bob));

    assertThat(remove(bob, id, bob).status()).isEqualTo(204);

    assertThat(as(bob).get("api/conversations/" + id).status()).isEqualTo(404);
    assertThat(members(as(alice).get("api/conversations/" + id))).containsExactly(alice);
  }

  @Test
  void answersRemovalOfSomeoneWhoIsNoMemberWith404() {
    String id = group(alice, "who?", List.of(bob));

    assertThat(remove(alice, id, eve).status()).isEqualTo(404);
    assertThat(audit(id, "conversation.member-removed")).isEmpty();
  }

  @Test
  void letsNoNonMemberChangeMembership() {
    String id = group(alice, "closed", List.of(bob));

    Reply addition = add(eve, id, eve);
    Reply removal = remove(eve, id, bob);

    assertThat(addition.status()).isEqualTo(404);
    assertThat(addition.json().getString("type")).isEqualTo("urn:herald:problem:not-found");
    assertThat(removal.status()).isEqualTo(404);
    assertThat(members(as(alice).get("api/conversations/" + id)))
        .containsExactlyElementsOf(sorted(alice, bob));
    assertThat(LogDatabase.count("select count(*) from audit_events where conversation_id = ?", id))
        .isEqualTo(1);
  }

  @Test
  void losesNoneOfManyConcurrentChanges() throws Exception {
    String id = group(alice, "busy", List.of(bob));
    AtomicInteger next = new AtomicInteger();
    List<String> newcomers = IntStream.range(0, 20).mapToObj(i -> Users.unique("n" + i)).toList();

    List<Integer> statuses =
        Concurrently.times(
            20,
            8,
            () -> {
              int i = next.getAndIncrement();
              return add(i % 2 == 0 ? alice : bob, id, newcomers.get(i)).status();
            });

    assertThat(statuses).containsOnly(200);
    List<String> expected = new ArrayList<>(newcomers);
    expected.add(alice);
    expected.add(bob);
    assertThat(members(as(alice).get("api/conversations/" + id)))
        .containsExactlyElementsOf(expected.stream().sorted().toList());
    // each change saw the one before it: the audit's before/after lists form one chain
    List<List<Object>> audited = audit(id, "conversation.member-added");
    assertThat(audited).hasSize(20);
    List<String> previousAfter = sorted(alice, bob);
    for (List<Object> row : audited) {
      JsonObject details = json(row.get(1));
      assertThat(names(details.getJsonArray("before"))).isEqualTo(previousAfter);
      previousAfter = names(details.getJsonArray("after"));
    }
    assertThat(previousAfter).hasSize(22);
  }

  @Test
  void refusesToGrowAGroupPastTheMemberLimit() {
    List<String> many = IntStream.range(0, 255).mapToObj(i -> Users.unique("m" + i)).toList();
    // each inviter adds at most 100 an hour: alice names 99, then two members add 99 and 57
    String id = group(alice, "full", many.subList(0, 99));
    for (int i = 99; i < many.size(); i++) {
      Reply added = add(many.get(i / 99 - 1), id, many.get(i));
      assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    Reply addition = add(alice, id, eve);

    assertThat(addition.status()).as(addition.toString()).isEqualTo(409);
    assertThat(members(as(alice).get("api/conversations/" + id))).hasSize(256).doesNotContain(eve);
  }

  @Test
  void refusesGroupsThatBreakTheRules() {
    assertThat(fieldOf(create(alice, "", List.of(bob)))).isEqualTo("title");
    assertThat(fieldOf(create(alice, "   ", List.of(bob)))).isEqualTo("title");
    assertThat(fieldOf(create(alice, "t".repeat(201), List.of(bob)))).isEqualTo("title");
    assertThat(fieldOf(create(alice, "bell\u0007", List.of(bob)))).isEqualTo("title");
    assertThat(fieldOf(create(alice, "ok", List.of("not a name")))).isEqualTo("members[0]");
    List<String> tooMany = IntStream.range(0, 256).mapToObj(i -> "u" + i).toList();
    assertThat(fieldOf(create(alice, "crowd", tooMany))).isEqualTo("members");
    Reply noTitle = as(alice).post("api/conversations", "{\"members\":[]}");
    assertThat(noTitle.status()).isEqualTo(400);
    Reply extra = as(alice).post("api/conversations", "{\"title\":\"x\",\"id\":\"g-mine\"}");
    assertThat(extra.status()).isEqualTo(400);
    assertThat(LogDatabase.count("select count(*) from conversations where created_by = ?", alice))
        .isZero();
  }

  @Test
  void createsAGroupOfOneWhenNoMembersAreNamed() {
    Reply created = as(alice).post("api/conversations", "{\"title\":\"notes to self\"}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(members(created)).containsExactly(alice);
  }

  static String fieldOf(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:validation");
    return reply.json().getJsonArray("errors").getJsonObject(0).getString("field");
  }

  static List<String> sorted(String... names) {
    return java.util.Arrays.stream(names).sorted().toList();
  }
}
