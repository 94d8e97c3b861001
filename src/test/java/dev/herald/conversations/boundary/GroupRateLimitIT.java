package dev.herald.conversations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Group creation (20 an hour) and member additions (100 an hour) per user, counted in PostgreSQL so
 * every instance sees the same count. The windows are whole hours: if one ends during the test,
 * counting starts again, so the test allows for that instead of timing anything.
 */
@MicroShedTest
class GroupRateLimitIT {

  /** Tries until the first 429 (at most two windows' worth); answers the tries accepted before. */
  static int acceptedBeforeTheFirst429(int limit, int created, IntFunction<Reply> attempt) {
    for (int i = 0; i <= 2 * limit; i++) {
      Reply reply = attempt.apply(i);
      if (reply.status() == 429) {
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:rate-limited");
        long retryAfter = Long.parseLong(reply.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        return i;
      }
      assertThat(reply.status()).as(reply.toString()).isEqualTo(created);
    }
    throw new AssertionError("never limited in " + (2 * limit + 1) + " tries");
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
