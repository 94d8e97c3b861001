package dev.herald.cluster;

import dev.herald.faults.FaultLoad;
import dev.herald.faults.FaultLoad.Outcome;
import dev.herald.faults.Oracle;
import dev.herald.faults.ReliabilityRow;
import dev.herald.notifications.Alerts;
import dev.herald.testing.Cluster;
import dev.herald.testing.Herald;
import jakarta.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One fault's run on the cluster: steady sends spread over every instance, the fault repeated with
 * steady traffic around it, then every answer judged. Every 20th send also goes to a user who is
 * alerted by SMS, to count alerts sent twice.
 */
final class ClusterLoad {
  static final int RATE = Integer.getInteger("cluster.faults.rate", 200);

  /**
   * For the faults that restart Liberty: on two cores an instance starting beside the full rate
   * took 6 to 7 minutes to serve again (docs/reliability.md), so these runs offer less.
   */
  static final int RESTART_RATE = Integer.getInteger("cluster.faults.restart.rate", RATE);

  static final int CONNECTIONS = Integer.getInteger("cluster.faults.connections", 16);
  static final int REPEATS = Integer.getInteger("cluster.faults.repeats", 1);
  static final Duration STEADY = Duration.ofSeconds(Integer.getInteger("cluster.faults.steady", 5));

  /** A fault: it breaks something and leaves it repaired (or repairs it as part of itself). */
  interface Fault {
    void happen(int repetition) throws Exception;
  }

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> senders = new ArrayList<>();
  private final List<String> tokens = new ArrayList<>();
  private final List<String> pair = List.of("cl-" + run + "-to-a", "cl-" + run + "-to-b");
  private final String alerted = "cl-" + run + "-alerted";
  private final String phone =
      "+8218" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

  private final int rate;

  ClusterLoad(int rate) {
    this.rate = rate;
    // the rate limit counts per sender and instance: 10 sends/s each stays far below it
    for (int i = 0; i < Math.max(10, rate / 10); i++) {
      senders.add("cl-" + run + "-" + i);
      tokens.add(Herald.token(Json.createObjectBuilder().add("user", senders.get(i)).build()));
    }
    Alerts.preferVerified(alerted, "{\"channels\":[\"sms\"],\"phone\":\"" + phone + "\"}");
  }

  List<String> recipients(int send) {
    return send % 20 == 0 ? List.of(pair.get(0), pair.get(1), alerted) : pair;
  }

  ReliabilityRow run(String name, Fault fault) throws Exception {
    List<Long> faults = new ArrayList<>();
    List<Outcome> outcomes;
    try (FaultLoad load =
        new FaultLoad(run, tokens, this::recipients, rate, CONNECTIONS, Cluster.bases())) {
      keepSending(STEADY);
      for (int i = 0; i < REPEATS; i++) {
        faults.add(System.currentTimeMillis());
        fault.happen(i);
        keepSending(STEADY);
      }
      outcomes = load.stop();
    }
    Oracle.awaitDrained(Duration.ofMinutes(5));
    ReliabilityRow row =
        Oracle.judge(name + " (" + rate + "/s)", outcomes, faults, Oracle.stored(senders));
    AlertCount alerts = AlertCount.settled(alerted, phone);
    row.alerts(alerts.sent(), alerts.sentTwice());
    System.out.println(ReliabilityRow.header("the fault") + "\n" + row.markdown());
    return row;
  }

  /** The load runs for this long: here time is the input, not a wait for a result. */
  static void keepSending(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
  }
}
