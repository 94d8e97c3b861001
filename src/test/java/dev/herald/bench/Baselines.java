package dev.herald.bench;

import static dev.herald.bench.Figures.micros;
import static dev.herald.bench.Figures.rate;

import java.sql.Connection;

/**
 * What the broker and PostgreSQL do at most on this machine with Herald's own settings: a plain
 * producer with the messages-out settings, and the store's message insert into a copy of the table.
 * Each prints what it used, its rate and the CPU per record of the processes involved.
 */
final class Baselines {
  /** A baseline's rate and the CPU it cost. */
  record Baseline(long count, double perSecond, CpuUse cpu) {
    double micros(String process) {
      return cpu.micros(process, count);
    }
  }

  private final Rig rig;
  private final RawKafka kafka;

  Baselines(Rig rig, RawKafka kafka) {
    this.rig = rig;
    this.kafka = kafka;
  }

  Baseline kafka() throws Exception {
    String topic = "herald.bench-raw";
    kafka.createTopicLike(topic, "herald.messages");
    byte[] payload =
        Payloads.envelope(
            "bench-" + rig.run + "-s-0", "raw-" + rig.run, "bench-rcpt-0", Payloads.BODY + " #0");
    int records = rig.settings.rawRecords();
    CpuMeter.Reading start = rig.cpu.read();
    double rate =
        kafka.produce(topic, records, n -> "raw-" + (n % 1000), n -> payload, "plain producer");
    Baseline baseline = new Baseline(records, rate, rig.cpu.since(start));
    Report.print(
        "plain Kafka producer, Herald's messages-out settings (%s), %,d records of %,d bytes keyed"
            + " by 1,000 conversations, as many partitions as herald.messages: %s records/s",
        kafka.settings(), records, payload.length, rate(rate));
    Report.print(
        "  CPU µs/record: broker %s, generator (the producer) %s",
        micros(baseline.micros(CpuUse.BROKER)), micros(baseline.micros(CpuUse.GENERATOR)));
    return baseline;
  }

  Baseline postgres() throws Exception {
    int rows = rig.settings.rawRecords();
    int batch = HeraldConfig.load().storeBatchSize();
    RawPostgres postgres = new RawPostgres(rig.db, rig.dbUser, rig.dbPassword);
    Baseline baseline;
    try (Connection connection = postgres.connect()) {
      CpuMeter.Reading start = rig.cpu.read();
      double rate = postgres.insert(connection, rows, batch, Payloads.BODY);
      baseline = new Baseline(rows, rate, rig.cpu.since(start));
    }
    double rate = baseline.perSecond();
    Report.print(
        "plain insert into a copy of messages (%s), %,d rows, %,d per transaction"
            + " (herald.store.batch-size): %s rows/s",
        postgres.shape(), rows, batch, rate(rate));
    Report.print(
        "  CPU µs/row: PostgreSQL %s, generator (JDBC) %s",
        micros(baseline.micros(CpuUse.POSTGRES)), micros(baseline.micros(CpuUse.GENERATOR)));
    return baseline;
  }
}
