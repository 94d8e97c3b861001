package dev.herald.notifications.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notifications.Alerts;
import dev.herald.notifications.MailServer;
import dev.herald.notifications.SmsGateway;
import dev.herald.testing.DevClock;
import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * An email address or phone number gets alerts only after its owner sent back the code Herald sent
 * to it; hostile use (someone else's address, guessing, flooding) gets nothing through.
 */
@MicroShedTest
class ContactVerificationIT {
  static final String NOT_VERIFIED = "email address not verified: enter the code sent to it";

  @BeforeAll
  static void receiversUp() {
    MailServer.start();
    SmsGateway.start();
  }

  static String address(String user) {
    return user + "@herald.test";
  }

  static String emailUser(String name) {
    String user = Users.unique(name);
    Alerts.prefer(user, emailPreferences(address(user)));
    return user;
  }

  static String emailPreferences(String address) {
    return "{\"channels\":[\"email\"],\"email\":\"" + address + "\"}";
  }

  static String code(String user) {
    return Alerts.awaitCode(address(user), () -> MailServer.codesFor(address(user)));
  }

  static String wrong(String code) {
    return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
  }

  static void assertProblem(Reply reply, int status, String type) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:" + type);
  }

  @Test
  void anUnverifiedAddressGetsNoAlertAndItsOwnerSeesWhy() {
    String recipient = emailUser("stranger");
    String message = Alerts.send(Users.unique("sender"), recipient);

    JsonObject alert = Alerts.awaitStatus(recipient, message, "skipped");
    assertThat(alert.getString("lastError")).startsWith(NOT_VERIFIED);
    assertThat(MailServer.receivedFor(address(recipient))).isEmpty();
    JsonObject preferences = Herald.as(recipient).get("api/me/preferences").json();
    assertThat(preferences.getBoolean("emailVerified")).isFalse();
  }

  @Test
  void aConfirmedAddressGetsAlertsAndTheStepsAreAudited() {
    String recipient = emailUser("owner");
    assertThat(Alerts.requestCode(recipient, "email").status()).isEqualTo(202);
    Reply confirmed = Alerts.confirm(recipient, "email", code(recipient));
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.json().getBoolean("emailVerified")).isTrue();
    assertThat(confirmed.json().getString("email")).isEqualTo(address(recipient));

    String message = Alerts.send(Users.unique("sender"), recipient);
    Alerts.awaitStatus(recipient, message, "sent");
    await().until(() -> MailServer.receivedFor(address(recipient)).size() == 1);
    assertThat(
            LogDatabase.count(
                "select count(*) from audit_events where actor = ?"
                    + " and action in ('contact.code-sent', 'contact.confirmed')",
                recipient))
        .isEqualTo(2);
  }

  @Test
  void aPhoneNumberIsConfirmedByTheCodeTextedToIt() {
    String phone = "+8210" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    String recipient = Users.unique("texted");
    Alerts.prefer(recipient, "{\"channels\":[\"sms\"],\"phone\":\"" + phone + "\"}");
    String before = Alerts.send(Users.unique("sender"), recipient);
    Alerts.awaitStatus(recipient, before, "skipped");
    assertThat(SmsGateway.requestsTo(phone)).isEmpty();

    assertThat(Alerts.requestCode(recipient, "phone").status()).isEqualTo(202);
    String code = Alerts.awaitCode(phone, () -> SmsGateway.codesTo(phone));
    assertThat(Alerts.confirm(recipient, "phone", code).json().getBoolean("phoneVerified"))
        .isTrue();

    String after = Alerts.send(Users.unique("sender"), recipient);
    Alerts.awaitStatus(recipient, after, "sent");
    assertThat(SmsGateway.requestsTo(phone)).hasSize(1);
  }

  @Test
  void savingAnotherAddressTakesTheConfirmationAway() {
    String user = Users.unique("mover");
    Alerts.preferVerified(user, emailPreferences(address(user)));

    Reply moved = Alerts.putPreferences(user, emailPreferences("new-" + address(user)));
    assertThat(moved.json().getBoolean("emailVerified")).isFalse();
    String message = Alerts.send(Users.unique("sender"), user);
    JsonObject alert = Alerts.awaitStatus(user, message, "skipped");
    assertThat(alert.getString("lastError")).startsWith(NOT_VERIFIED);
    assertThat(MailServer.receivedFor("new-" + address(user))).isEmpty();
  }

  @Test
  void aCodeForTheOldAddressDoesNotConfirmTheNewOne() {
    String user = emailUser("switcher");
    Alerts.requestCode(user, "email");
    String code = code(user);
    Alerts.prefer(user, emailPreferences("other-" + address(user)));

    assertProblem(Alerts.confirm(user, "email", code), 409, "verification-code-missing");
  }

  @Test
  void wrongCodesCountUntilTheCodeIsUsedUp() {
    String user = emailUser("guesser");
    Alerts.requestCode(user, "email");
    String code = code(user);

    for (int i = 0; i < 5; i++) {
      assertProblem(Alerts.confirm(user, "email", wrong(code)), 422, "verification-code-wrong");
    }
    Reply exhausted = Alerts.confirm(user, "email", code);
    assertProblem(exhausted, 429, "verification-tries-exhausted");
    assertThat(exhausted.header("Retry-After")).isPresent();
    assertThat(Herald.as(user).get("api/me/preferences").json().getBoolean("emailVerified"))
        .isFalse();
    assertThat(
            LogDatabase.count(
                "select count(*) from audit_events where actor = ? and action = ?",
                user,
                "contact.code-refused"))
        .isEqualTo(5);
  }

  @Test
  void anExpiredCodeConfirmsNothing() {
    String user = emailUser("late");
    Alerts.requestCode(user, "email");
    String code = code(user);
    try {
      DevClock.shift(Duration.ofMinutes(16));
      assertProblem(Alerts.confirm(user, "email", code), 422, "verification-code-expired");
    } finally {
      DevClock.reset();
    }
  }

  @Test
  void codesCannotBeResentAtOnceNorMoreThanTenADayPerUser() {
    String user = emailUser("resender");
    assertThat(Alerts.requestCode(user, "email").status()).isEqualTo(202);
    Reply again = Alerts.requestCode(user, "email");
    assertProblem(again, 429, "verification-resend-limited");
    assertThat(again.header("Retry-After"))
        .hasValueSatisfying(s -> assertThat(s).isNotEqualTo("0"));
    try {
      for (int minute = 2; minute <= 10; minute++) {
        DevClock.shift(Duration.ofMinutes(minute));
        // a new address each time: the limit per address (5 a day) is not the one met here
        Alerts.prefer(user, emailPreferences(minute + "-" + address(user)));
        assertThat(Alerts.requestCode(user, "email").status()).isEqualTo(202);
      }
      DevClock.shift(Duration.ofMinutes(11));
      Alerts.prefer(user, emailPreferences("11-" + address(user)));
      Reply eleventh = Alerts.requestCode(user, "email");
      assertProblem(eleventh, 429, "verification-resend-limited");
      assertThat(Long.parseLong(eleventh.header("Retry-After").orElseThrow()))
          .as("until the first code is a day old")
          .isGreaterThan(Duration.ofHours(23).toSeconds());
    } finally {
      DevClock.reset();
    }
  }

  @Test
  void oneAddressGetsAtMostFiveCodesADayWhoeverAsks() {
    String target = "victim-" + Users.unique("v") + "@herald.test";
    for (int i = 0; i < 5; i++) {
      String user = Users.unique("spammer");
      Alerts.prefer(user, emailPreferences(target));
      assertThat(Alerts.requestCode(user, "email").status()).isEqualTo(202);
    }
    String sixth = Users.unique("spammer");
    Alerts.prefer(sixth, emailPreferences(target));

    assertProblem(Alerts.requestCode(sixth, "email"), 429, "verification-resend-limited");
    assertThat(MailServer.codesFor(target)).hasSize(5);
  }

  @Test
  void asksForAnAddressBeforeSendingACodeAndKnowsOnlyEmailAndPhone() {
    String user = Users.unique("empty");
    assertProblem(Alerts.requestCode(user, "email"), 409, "conflict");
    assertThat(Alerts.requestCode(user, "pager").status()).isEqualTo(404);
    assertProblem(Alerts.confirm(user, "email", "12345"), 400, "validation");
  }
}
