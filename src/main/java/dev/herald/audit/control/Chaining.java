package dev.herald.audit.control;

import dev.herald.audit.control.ChainHeads.Head;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers and hashes a batch of audit events after their chains' heads (hash format 2): each event
 * follows the one before it on its chain, and the batch's last event of a chain is its new head.
 */
final class Chaining {
  /** An event with its place and hashes, ready to insert. */
  record Link(ChainedEvent event, byte[] prevHash, byte[] hash) {}

  /** The events to insert, in the order given, and each chain's new head. */
  record Result(List<Link> links, Map<String, Link> heads) {}

  private Chaining() {}

  /**
   * {@code events} are in chain order (their chain is filled in, their seq and time not yet),
   * {@code heads} holds every chain they name, {@code details} are canonical JSON text or null;
   * they all occur at {@code occurredAtMicros}.
   */
  static Result link(List<ChainedEvent> events, Map<String, Head> heads, long occurredAtMicros) {
    MessageDigest sha256 = EventHash.sha256();
    Map<String, Link> last = new LinkedHashMap<>();
    List<Link> links = new ArrayList<>(events.size());
    for (ChainedEvent unplaced : events) {
      Link before = last.get(unplaced.chain());
      Head head = heads.get(unplaced.chain());
      long seq = before != null ? before.event().seq() + 1 : head.seq() + 1;
      byte[] prevHash = before != null ? before.hash() : head.hash();
      ChainedEvent event = placed(unplaced, seq, occurredAtMicros);
      Link link = new Link(event, prevHash, EventHash.of(sha256, prevHash, event));
      links.add(link);
      last.put(event.chain(), link);
    }
    return new Result(links, last);
  }

  private static ChainedEvent placed(ChainedEvent e, long seq, long occurredAtMicros) {
    return new ChainedEvent(
        e.chain(),
        seq,
        occurredAtMicros,
        e.action(),
        e.actor(),
        e.messageId(),
        e.conversationId(),
        e.details());
  }
}
