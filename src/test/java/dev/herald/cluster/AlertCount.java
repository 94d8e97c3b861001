package dev.herald.cluster;

import static org.awaitility.Awaitility.await;

import dev.herald.notifications.SmsGateway;
import dev.herald.testing.LogDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Alerts as the SMS gateway received them: how many distinct alerts were accepted, and how many of
 * those more than once (at least once allows it; the receiver de-duplicates by notificationId).
 */
record AlertCount(long sent, long sentTwice) {
  private static final Pattern ID = Pattern.compile("\"notificationId\":\"([^\"]+)\"");

  /** Once the user's outbox holds nothing still to send. */
  static AlertCount settled(String user, String phone) {
    await("alerts to " + user + " sent")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () ->
                LogDatabase.count(
                        "select count(*) from notifications where recipient = ?"
                            + " and status in ('pending', 'deferred')",
                        user)
                    == 0);
    Map<String, Long> perAlert =
        SmsGateway.requestsTo(phone).stream()
            .filter(request -> request.answered() == 200)
            .map(request -> ID.matcher(request.body()))
            .filter(Matcher::find)
            .collect(Collectors.groupingBy(m -> m.group(1), Collectors.counting()));
    return new AlertCount(perAlert.size(), perAlert.values().stream().filter(n -> n > 1).count());
  }
}
