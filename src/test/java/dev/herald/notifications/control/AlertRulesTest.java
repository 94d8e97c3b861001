package dev.herald.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notifications.control.AlertRules.Defer;
import dev.herald.notifications.control.AlertRules.Send;
import dev.herald.notifications.control.AlertRules.Skip;
import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Claimed;
import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.QuietHours;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
  static final Instant NOON_UTC = Instant.parse("2026-03-10T12:00:00Z");
  final EmailChannel email = new EmailChannel();

  static Claimed alert(boolean read, Preferences preferences) {
    return alert(read, preferences, true);
  }

  static Claimed alert(boolean read, Preferences preferences, boolean verified) {
    Alert.Item item =
        new Alert.Item(UUID.randomUUID(), "team", "alice", null, "hi", NOON_UTC.minusSeconds(5));
    return new Claimed(
        UUID.randomUUID(),
        "bob",
        "email",
        0,
        NOON_UTC,
        NOON_UTC,
        item,
        read,
        preferences,
        verified,
        null);
  }

  static Preferences emailTo(String address, List<String> muted, QuietHours quiet) {
    return new Preferences(List.of("email"), address, null, muted, quiet, 0);
  }

  @Test
  void sendsWhenNothingHoldsItBack() {
    Preferences preferences = emailTo("bob@example.org", List.of(), null);
    assertThat(AlertRules.decide(alert(false, preferences), email, NOON_UTC))
        .isInstanceOf(Send.class);
  }

  @Test
  void skipsWhatWasReadBeforeItWasDue() {
    Preferences preferences = emailTo("bob@example.org", List.of(), null);
    assertThat(AlertRules.decide(alert(true, preferences), email, NOON_UTC))
        .isEqualTo(new Skip("read before the alert was due"));
  }

  @Test
  void skipsMutedConversationsDisabledChannelsAndMissingAddresses() {
    assertThat(
            AlertRules.decide(
                alert(false, emailTo("b@x.org", List.of("team"), null)), email, NOON_UTC))
        .isEqualTo(new Skip("conversation muted"));
    assertThat(AlertRules.decide(alert(false, Preferences.defaults()), email, NOON_UTC))
        .isEqualTo(new Skip("channel disabled"));
    assertThat(AlertRules.decide(alert(false, emailTo(null, List.of(), null)), email, NOON_UTC))
        .isEqualTo(new Skip("no address for this channel"));
  }

  @Test
  void skipsAnAddressItsOwnerHasNotConfirmedWithAReasonTheUserCanRead() {
    Preferences preferences = emailTo("bob@example.org", List.of(), null);
    assertThat(AlertRules.decide(alert(false, preferences, false), email, NOON_UTC))
        .isEqualTo(new Skip("email address not verified: enter the code sent to it (preferences)"));
  }

  @Test
  void defersToTheEndOfQuietHours() {
    QuietHours lunch = new QuietHours("11:30", "13:00", "UTC");
    assertThat(
            AlertRules.decide(alert(false, emailTo("b@x.org", List.of(), lunch)), email, NOON_UTC))
        .isEqualTo(new Defer(Instant.parse("2026-03-10T13:00:00Z"), "quiet hours"));
  }
}
