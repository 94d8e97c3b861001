package dev.herald.conversations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Group creation (20 an hour) and member additions (100 an hour) per user, counted in PostgreSQL so
 * every instance sees the same count; the members named when a group is created are additions too.
 * The windows are whole hours: if one ends during the test, counting starts again, so the test
 * allows for that instead of timing anything.
 */
@MicroShedTest
class GroupRateLimitIT {

  /** Tries until the first 429 (at most two windows' worth); answers the tries accepted before. */
  static int acceptedBeforeTheFirst429(int limit, int created, IntFunction<Reply> attempt) {
    for (int i = 0; i <= 2 * limit; i++) {
      Reply reply = attempt.apply(i);
      if (reply.status() == 429) {
        assertRateLimited(reply);
        return i;
      }
      assertThat(reply.status()).as(reply.toString()).isEqualTo(created);
    }
    throw new AssertionError("never limited in " + (2 * limit + 1) + " tries");
  }

  static void assertRateLimited(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:rate-limited");
    assertThat(Long.parseLong(reply.header("Retry-After").orElseThrow())).isBetween(1L, 3600L);
  }

  static void assertAdditionsLimited(Reply reply) {
    assertRateLimited(reply);
    assertThat(reply.json().getString("detail")).contains("member additions");
  }

  static List<String> strangers(int count) {
    String prefix = Users.unique("stranger");
    return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  static long groupsCreatedBy(String creator) {
    return LogDatabase.count("select count(*) from conversations where created_by = ?", creator);
  }

  @Test
  void refusesAGroupCreatedWithMoreMembersThanAnHoursAdditionsAndWritesNothing() {
    String creator = Users.unique("recruiter");
    List<String> crowd = strangers(101);

    assertAdditionsLimited(GroupCalls.create(creator, "too many at once", crowd));

    assertThat(groupsCreatedBy(creator)).isZero();
    assertThat(
            LogDatabase.count(
                "select count(*) from conversation_members where user_name = ?", crowd.get(0)))
        .isZero();
    // the refused creation counted nothing, not even as a new group
    assertThat(LogDatabase.count("select count(*) from rate_counters where subject = ?", creator))
        .isZero();
  }

  /**
   * 99 members named at creation leave one addition for the hour: a second group naming two is
   * refused, one naming one is created, and adding a member afterwards is refused. If an hour's
   * window ends during the first try, the allowance starts again and a refusal may not come; a
   * fresh creator then tries once more, wholly inside the new window (a try takes seconds).
   */
  @Test
  void countsTheMembersNamedAtCreationAgainstTheHoursMemberAdditions() {
    assertThat(hundredAdditionsThenRefused(false) || hundredAdditionsThenRefused(true)).isTrue();
  }

  /** False if a step that must be refused was accepted on a first try: a new hour began. */
  static boolean hundredAdditionsThenRefused(boolean lastTry) {
    String creator = Users.unique("recruiter");
    GroupCalls.group(creator, "ninety-nine", strangers(99));
    Reply twoMore = GroupCalls.create(creator, "two more", strangers(2));
    if (twoMore.status() == 201 && !lastTry) {
      return false;
    }
    assertAdditionsLimited(twoMore);
    assertThat(groupsCreatedBy(creator)).isEqualTo(1);
    String hundredth = GroupCalls.group(creator, "the hundredth", strangers(1));
    Reply added = GroupCalls.add(creator, hundredth, Users.unique("late"));
    if (added.status() == 200 && !lastTry) {
      return false;
    }
    assertAdditionsLimited(added);
    return true;
  }

  @Test
  void refusesTheTwentyFirstGroupOfAnHourWith429AndRetryAfter() {
    String creator = Users.unique("founder");
    int accepted =
        acceptedBeforeTheFirst429(
            20, 201, i -> GroupCalls.create(creator, "group " + i, List.of()));

    // 20, or more if an hour's window ended in between
    assertThat(accepted).isBetween(20, 40);
    assertThat(GroupCalls.create(Users.unique("other"), "other", List.of()).status())
        .isEqualTo(201);
  }

  @Test
  void refusesTheHundredAndFirstMemberAdditionOfAnHourWith429() {
    String owner = Users.unique("host");
    String group = GroupCalls.group(owner, "crowded", List.of());
    String guests = Users.unique("guest");

    int accepted =
        acceptedBeforeTheFirst429(100, 200, i -> GroupCalls.add(owner, group, guests + "-" + i));

    assertThat(accepted).isBetween(100, 200);
  }
}
