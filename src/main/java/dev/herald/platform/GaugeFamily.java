package dev.herald.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * One gauge name with one series per label values, read from values set by a periodic refresh
 * (never computed per scrape: a scrape storm must not become a query storm). A series seen once
 * stays, at 0 when a refresh no longer reports it, so that a count going to zero is seen as zero.
 */
public final class GaugeFamily {
  private final MetricRegistry registry;
  private final Metadata metadata;
  private final List<String> labels;
  private final Map<List<String>, AtomicLong> series = new ConcurrentHashMap<>();

  public GaugeFamily(MetricRegistry registry, String name, String description, String... labels) {
    this.registry = registry;
    this.metadata = Metadata.builder().withName(name).withDescription(description).build();
    this.labels = List.of(labels);
  }

  /** Sets one series, registering it the first time; {@code values} in the order of the labels. */
  public void set(long value, String... values) {
    series.computeIfAbsent(List.of(values), this::register).set(value);
  }

  /** Replaces every series by {@code counts}: series not in it go to 0. */
  public void replaceAll(Map<List<String>, Long> counts) {
    series.forEach((values, value) -> value.set(counts.getOrDefault(values, 0L)));
    counts.forEach((values, count) -> set(count, values.toArray(String[]::new)));
  }

  private AtomicLong register(List<String> values) {
    if (values.size() != labels.size()) {
      throw new IllegalArgumentException(metadata.getName() + " takes labels " + labels);
    }
    Tag[] tags = new Tag[labels.size()];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = new Tag(labels.get(i), values.get(i));
    }
    AtomicLong value = new AtomicLong();
    registry.gauge(metadata, value, AtomicLong::get, tags);
    return value;
  }
}
