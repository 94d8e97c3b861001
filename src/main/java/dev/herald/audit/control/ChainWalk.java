package dev.herald.audit.control;

import dev.herald.audit.control.ChainHeads.Head;
import dev.herald.audit.entity.ChainVerification;
import dev.herald.audit.entity.ChainVerification.BrokenLink;
import java.util.Arrays;
import java.util.Map;

/**
 * Walks audit events in (chain, chain_seq) order and finds the first break: a row whose hash does
 * not cover its contents (hash-mismatch), a gap in the sequence (missing-event), a row that does
 * not point at the hash before it (link-mismatch), or a chain that ends before or after its head
 * (head-mismatch: its last rows were deleted, or rows were added around the trigger).
 *
 * <p>A walk may resume where an earlier one stopped: its first row must then be the last row that
 * walk verified ({@code resumeAt}), whose own hash is checked again and links the rows after it.
 */
final class ChainWalk {
  /** An event's place: its chain and its sequence number in it. */
  record Position(String chain, long seq) {}

  private final Map<String, Head> heads;
  private Position resumeAt;
  private String chain;
  private long seq;
  private byte[] hash;
  private long chains;
  private long events;
  private BrokenLink broken;

  /** {@code heads} of every chain from the one resumed on; {@code resumeAt} null from the start. */
  ChainWalk(Map<String, Head> heads, Position resumeAt) {
    this.heads = heads;
    this.resumeAt = resumeAt;
  }

  boolean broken() {
    return broken != null;
  }

  long events() {
    return events;
  }

  void next(
      String rowChain, long rowSeq, long id, byte[] prevHash, byte[] rowHash, boolean intact) {
    if (resumeAt != null) {
      anchor(rowChain, rowSeq, id, rowHash, intact);
      return;
    }
    if (!rowChain.equals(chain)) {
      endChain();
      if (broken()) {
        return;
      }
      chain = rowChain;
      seq = 0;
      hash = ChainHeads.GENESIS;
      chains++;
    }
    events++;
    if (rowSeq != seq + 1) {
      broken = new BrokenLink(chain, seq + 1, id, "missing-event");
    } else if (!intact) {
      broken = new BrokenLink(chain, rowSeq, id, "hash-mismatch");
    } else if (!Arrays.equals(prevHash, hash)) {
      broken = new BrokenLink(chain, rowSeq, id, "link-mismatch");
    }
    seq = rowSeq;
    hash = rowHash;
  }

  /** Where to resume after the rows walked so far. */
  Position position() {
    return new Position(chain, seq);
  }

  /** The result so far of a walk that stopped before the end, unbroken; {@code next} resumes it. */
  ChainVerification paused(String next) {
    return new ChainVerification(true, chains, events, null, next);
  }

  ChainVerification result() {
    if (resumeAt != null && !broken()) {
      // the row the earlier walk ended on is gone
      broken = new BrokenLink(resumeAt.chain(), resumeAt.seq(), null, "missing-event");
    }
    endChain();
    // chains whose head is left but none of their rows (all deleted)
    if (!broken()) {
      heads.entrySet().stream()
          .filter(h -> h.getValue().seq() > 0)
          .findFirst()
          .ifPresent(h -> broken = new BrokenLink(h.getKey(), 1, null, "head-mismatch"));
    }
    return new ChainVerification(!broken(), chains, events, broken, null);
  }

  private void anchor(String rowChain, long rowSeq, long id, byte[] rowHash, boolean intact) {
    if (!rowChain.equals(resumeAt.chain()) || rowSeq != resumeAt.seq()) {
      broken = new BrokenLink(resumeAt.chain(), resumeAt.seq(), id, "missing-event");
    } else if (!intact) {
      broken = new BrokenLink(rowChain, rowSeq, id, "hash-mismatch");
    }
    resumeAt = null;
    chain = rowChain;
    seq = rowSeq;
    hash = rowHash;
    chains++;
  }

  /** Checks the chain just walked against its head, and sets the head aside as seen. */
  private void endChain() {
    if (chain == null || broken()) {
      return;
    }
    Head head = heads.remove(chain);
    if (head == null || head.seq() != seq || !Arrays.equals(head.hash(), hash)) {
      long expected = head == null ? seq : Math.max(head.seq(), seq);
      broken = new BrokenLink(chain, expected, null, "head-mismatch");
    }
    chain = null;
  }
}
