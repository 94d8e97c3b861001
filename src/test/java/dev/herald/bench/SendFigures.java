package dev.herald.bench;

/**
 * One phase of sends, measured: the load's answers, what was stored while sending and after, POST
 * →visible for the probed sends, and the CPU each process spent on the phase's messages (from its
 * start until they were all stored and their alerts sent).
 */
record SendFigures(
    String name,
    int offered,
    LoadResult load,
    long storedAtEnd,
    double caughtUpSeconds,
    double alertsSeconds,
    LoadResult.Visibility visible,
    CpuUse cpu) {

  long accepted() {
    return load.accepted();
  }

  /** Messages stored per second while sending (sent→stored). */
  double storedPerSecond() {
    return storedAtEnd / load.seconds;
  }

  /** Accepted but not yet stored when sending stopped. */
  long lag() {
    return Math.max(0, accepted() - storedAtEnd);
  }

  /** The lag in seconds of the traffic accepted. */
  double lagSeconds() {
    double rate = load.acceptedPerSecond();
    return rate == 0 ? 0 : lag() / rate;
  }

  double postP99Millis() {
    return Figures.ms(load.latencyMicros, 99);
  }

  double visibleMillis(double percentile) {
    return Figures.ms(visible.micros(), percentile);
  }

  /** µs of CPU per message for one process (per accepted request when nothing is stored). */
  double micros(String process) {
    return cpu.micros(process, accepted());
  }

  RateSearch.Step<SendFigures> step() {
    long sends = (long) offered * Math.round(load.seconds);
    return new RateSearch.Step<>(
        offered, sends, load.notAccepted(), lagSeconds(), postP99Millis(), this);
  }
}
