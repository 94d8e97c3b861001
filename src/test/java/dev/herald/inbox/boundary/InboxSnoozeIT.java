package dev.herald.inbox.boundary;

import static dev.herald.inbox.boundary.InboxFixture.audit;
import static dev.herald.inbox.boundary.InboxFixture.bodies;
import static dev.herald.inbox.boundary.InboxFixture.counts;
import static dev.herald.inbox.boundary.InboxFixture.items;
import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.DevClock;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Users;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Snoozes hide a delivery until a time and bring it back by themselves. Time passes through the
 * development-only clock offset (PUT /api/dev/clock), never by sleeping.
 */
@MicroShedTest
class InboxSnoozeIT {
  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");
  String early;
  String later;

  @BeforeEach
  void twoMessagesForBob() {
    early = InboxFixture.send(alice, bob, "early");
    later = InboxFixture.send(alice, bob, "later");
  }

  String snooze(String id, Instant until) {
    int status =
        as(bob).post("api/inbox/" + id + "/snooze", "{\"until\":\"" + until + "\"}").status();
    assertThat(status).isEqualTo(204);
    return id;
  }

  @Test
  void hidesASnoozedDeliveryUntilItsTimeComes() {
    Instant until = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    snooze(later, until);

    assertThat(bodies(bob, "")).containsExactly("early");
    assertThat(bodies(bob, "?snoozed=true")).containsExactly("later");
    assertThat(
            Instant.parse(
                items(as(bob).get("api/inbox?snoozed=true")).get(0).getString("snoozedUntil")))
        .isEqualTo(until);
    assertThat(counts(bob, "").getInt("total")).isEqualTo(1);
    assertThat(counts(bob, "").getInt("unread")).isEqualTo(1);

    try {
      DevClock.shift(Duration.ofHours(2));
      assertThat(bodies(bob, "")).containsExactly("later", "early");
      assertThat(bodies(bob, "?snoozed=true")).isEmpty();
      assertThat(counts(bob, "").getInt("total")).isEqualTo(2);
      assertThat(counts(bob, "").getInt("unread")).isEqualTo(2);
    } finally {
      DevClock.reset();
    }
    assertThat(bodies(bob, "")).containsExactly("early");
  }

  @Test
  void unsnoozeBringsItBackAtOnce() {
    snooze(early, Instant.now().plus(Duration.ofDays(3)));

    assertThat(as(bob).post("api/inbox/" + early + "/unsnooze").status()).isEqualTo(204);
    assertThat(as(bob).post("api/inbox/" + early + "/unsnooze").status()).isEqualTo(204);

    assertThat(bodies(bob, "")).containsExactly("later", "early");
    assertThat(items(as(bob).get("api/inbox")).get(1).containsKey("snoozedUntil"))
        .as("null fields are left out")
        .isFalse();
    assertThat(audit(early))
        .filteredOn(a -> a.get(0).toString().contains("snooze"))
        .containsExactly(List.of("delivery.snoozed", bob), List.of("delivery.unsnoozed", bob));
  }

  @Test
  void auditsEachSnoozeWithItsTimeAndWhatItReplaced() {
    Instant first = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    Instant second = first.plus(Duration.ofHours(5));
    snooze(early, first);
    snooze(early, first);
    snooze(early, second);

    List<List<Object>> details =
        LogDatabase.query(
            "select details->>'until', details->>'before' from audit_events"
                + " where message_id = ? and action = 'delivery.snoozed' order by id",
            UUID.fromString(early));
    assertThat(details)
        .containsExactly(
            java.util.Arrays.asList(first.toString(), null),
            List.of(second.toString(), first.toString()));
  }
}
