package dev.herald.audit.control;

import dev.herald.platform.JsonMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Appends to audit_events inside the caller's transaction, so that a change and its audit row are
 * committed together or not at all, each event linked into its hash chain here (hash format 2,
 * decision 0007): per call, one statement locks the chains' heads and one inserts every event and
 * moves the heads. The table refuses updates and deletes.
 */
@ApplicationScoped
public class AuditLog {
  /**
   * One audit event; {@code details} may be empty; {@code chain} null for the bucket of its
   * conversation or actor ({@link AuditChains}).
   */
  public record Event(
      String action,
      String actor,
      UUID messageId,
      String conversationId,
      Map<String, ?> details,
      String chain) {
    public Event(
        String action,
        String actor,
        UUID messageId,
        String conversationId,
        Map<String, ?> details) {
      this(action, actor, messageId, conversationId, details, null);
    }
  }

  @Inject Clock clock;

  /** For CDI. */
  public AuditLog() {}

  /** Outside a container (tests, tools): events occur at this clock's time. */
  public AuditLog(Clock clock) {
    this.clock = clock;
  }

  public void append(
      Connection connection,
      String action,
      String actor,
      UUID messageId,
      String conversationId,
      Map<String, ?> details)
      throws SQLException {
    appendAll(connection, List.of(new Event(action, actor, messageId, conversationId, details)));
  }

  /**
   * Appends all events, occurring now, in chain order (then in the order given): their chains'
   * heads stay locked until the transaction ends, and a transaction that appends more than once
   * should append to its chains in chain order (decision 0007).
   */
  public void appendAll(Connection connection, List<Event> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    List<ChainedEvent> ordered = inChainOrder(events);
    TreeSet<String> chains = new TreeSet<>();
    ordered.forEach(e -> chains.add(e.chain()));
    Map<String, ChainHeads.Head> heads = ChainHeads.lock(connection, chains);
    // read with the heads held, so a chain's times never go backwards (on one clock); and in
    // microseconds, as PostgreSQL keeps them, for the hash must cover the time as it is stored
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Chaining.Result chained =
        Chaining.link(ordered, heads, ChronoUnit.MICROS.between(Instant.EPOCH, now));
    AuditInsert.write(connection, chained, now);
  }

  /** The events with their chains and canonical details, in chain order; not yet placed. */
  private static List<ChainedEvent> inChainOrder(List<Event> events) {
    return events.stream()
        .map(
            e ->
                new ChainedEvent(
                    AuditChains.of(e),
                    0,
                    0,
                    e.action(),
                    e.actor(),
                    e.messageId(),
                    e.conversationId(),
                    details(e.details())))
        // a stable sort: events of one chain keep the order they were given in
        .sorted(Comparator.comparing(ChainedEvent::chain))
        .toList();
  }

  /** The canonical JSON text that is both stored and hashed; empty details are null. */
  private static String details(Map<String, ?> details) {
    if (details == null || details.isEmpty()) {
      return null;
    }
    try {
      return CanonicalJson.of(JsonMapping.strict().valueToTree(details));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("audit details must be plain values", e);
    }
  }
}
