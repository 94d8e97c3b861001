package dev.herald.bench;

import java.util.List;

/**
 * Who the n-th send goes to: every {@code probeEvery}-th one to a probe recipient, whose view the
 * visibility probe watches; the others spread over the ordinary recipients.
 */
record Audience(List<String> recipients, List<String> probes, int probeEvery) {

  static Audience of(String prefix, int recipients, int probes, int probeEvery) {
    return new Audience(
        names(prefix + "rcpt-", recipients), names(prefix + "probe-", probes), probeEvery);
  }

  boolean probed(int n) {
    return !probes.isEmpty() && n % probeEvery == 0;
  }

  String recipient(int n) {
    return probed(n)
        ? probes.get(n / probeEvery % probes.size())
        : recipients.get(n % recipients.size());
  }

  private static List<String> names(String prefix, int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }
}
