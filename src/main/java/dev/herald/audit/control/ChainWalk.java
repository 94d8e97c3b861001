package dev.herald.audit.control;

import dev.herald.audit.entity.ChainVerification;
import dev.herald.audit.entity.ChainVerification.BrokenLink;
import java.util.Arrays;
import java.util.Map;

/**
 * Walks audit events in (chain, chain_seq) order and finds the first break: a row whose hash does
 * not cover its contents (hash-mismatch), a gap in the sequence (missing-event), a row that does
 * not point at the hash before it (link-mismatch), or a chain that ends before or after its head
 * (head-mismatch: its last rows were deleted, or rows were added around the trigger).
 */
final class ChainWalk {
  /** A chain's head: the sequence and hash of its newest event. */
  record Head(long seq, byte[] hash) {}

  static final byte[] GENESIS = new byte[32];

  private final Map<String, Head> heads;
  private String chain;
  private long seq;
  private byte[] hash;
  private long chains;
  private long events;
  private BrokenLink broken;

  ChainWalk(Map<String, Head> heads) {
    this.heads = heads;
  }

  boolean broken() {
    return broken != null;
  }

  void next(
      String rowChain, long rowSeq, long id, byte[] prevHash, byte[] rowHash, boolean intact) {
    if (!rowChain.equals(chain)) {
      endChain();
      if (broken()) {
        return;
      }
      chain = rowChain;
      seq = 0;
      hash = GENESIS;
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

  ChainVerification result() {
    endChain();
    // chains whose head is left but none of their rows (all deleted)
    if (!broken()) {
      heads.entrySet().stream()
          .filter(h -> h.getValue().seq() > 0)
          .findFirst()
          .ifPresent(h -> broken = new BrokenLink(h.getKey(), 1, null, "head-mismatch"));
    }
    return new ChainVerification(!broken(), chains, events, broken);
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
