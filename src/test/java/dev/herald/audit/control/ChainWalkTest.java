package dev.herald.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.audit.entity.ChainVerification;
import dev.herald.audit.entity.ChainVerification.BrokenLink;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainWalkTest {
  static final byte[] H1 = {1};
  static final byte[] H2 = {2};
  static final byte[] H3 = {3};

  @Test
  void acceptsAnIntactChainEndingAtItsHead() {
    ChainVerification result = walk(heads("a", 3, H3), 1, 2, 3);
    assertThat(result.ok()).isTrue();
    assertThat(result.chains()).isEqualTo(1);
    assertThat(result.events()).isEqualTo(3);
    assertThat(result.firstBroken()).isNull();
  }

  @Test
  void namesARowWhoseHashDoesNotCoverIt() {
    ChainWalk walk = new ChainWalk(heads("a", 2, H2), null);
    walk.next("a", 1, 10, ChainHeads.GENESIS, H1, true);
    walk.next("a", 2, 11, H1, H2, false);
    ChainVerification result = walk.result();
    assertThat(result.ok()).isFalse();
    assertThat(result.firstBroken()).isEqualTo(new BrokenLink("a", 2, 11L, "hash-mismatch"));
  }

  @Test
  void namesAGapAtTheMissingSequenceNumber() {
    ChainVerification result = walk(heads("a", 3, H3), 1, 3);
    assertThat(result.firstBroken()).isEqualTo(new BrokenLink("a", 2, 12L, "missing-event"));
  }

  @Test
  void namesAChainThatEndsBeforeItsHead() {
    ChainVerification result = walk(heads("a", 3, H3), 1, 2);
    assertThat(result.firstBroken()).isEqualTo(new BrokenLink("a", 3, null, "head-mismatch"));
  }

  @Test
  void namesAHeadWhoseRowsAreAllGone() {
    Map<String, ChainHeads.Head> heads = heads("a", 1, H1);
    heads.put("b", new ChainHeads.Head(2, H2));
    ChainVerification result = walk(heads, 1);
    assertThat(result.firstBroken()).isEqualTo(new BrokenLink("b", 1, null, "head-mismatch"));
  }

  @Test
  void namesARowThatDoesNotPointAtThePreviousHash() {
    ChainWalk walk = new ChainWalk(heads("a", 2, H2), null);
    walk.next("a", 1, 10, ChainHeads.GENESIS, H1, true);
    walk.next("a", 2, 11, H3, H2, true);
    assertThat(walk.result().firstBroken().reason()).isEqualTo("link-mismatch");
  }

  @Test
  void resumesFromTheLastVerifiedRowAndLinksTheNextToIt() {
    ChainWalk walk = new ChainWalk(heads("a", 3, H3), new ChainWalk.Position("a", 2));
    walk.next("a", 2, 11, H1, H2, true);
    walk.next("a", 3, 12, H2, H3, true);
    ChainVerification result = walk.result();
    assertThat(result.ok()).isTrue();
    assertThat(result.complete()).isTrue();
    assertThat(result.events()).isEqualTo(1);
  }

  @Test
  void namesTheResumedRowWhenItWasDeletedSince() {
    ChainWalk walk = new ChainWalk(heads("a", 3, H3), new ChainWalk.Position("a", 2));
    walk.next("a", 3, 12, H2, H3, true);
    assertThat(walk.result().firstBroken()).isEqualTo(new BrokenLink("a", 2, 12L, "missing-event"));
  }

  @Test
  void namesTheResumedRowWhenItWasEditedSince() {
    ChainWalk walk = new ChainWalk(heads("a", 3, H3), new ChainWalk.Position("a", 2));
    walk.next("a", 2, 11, H1, H2, false);
    assertThat(walk.result().firstBroken()).isEqualTo(new BrokenLink("a", 2, 11L, "hash-mismatch"));
  }

  @Test
  void namesALinkBrokenRightAfterTheResumedRow() {
    ChainWalk walk = new ChainWalk(heads("a", 3, H3), new ChainWalk.Position("a", 2));
    walk.next("a", 2, 11, H1, H2, true);
    walk.next("a", 3, 12, H1, H3, true);
    assertThat(walk.result().firstBroken().reason()).isEqualTo("link-mismatch");
  }

  @Test
  void leavesChainsItHasNotReachedToTheNextCall() {
    Map<String, ChainHeads.Head> heads = heads("a", 3, H3);
    heads.put("b", new ChainHeads.Head(2, H2));
    ChainWalk walk = new ChainWalk(heads, null);
    walk.next("a", 1, 10, ChainHeads.GENESIS, H1, true);
    ChainVerification paused = walk.paused("next");
    assertThat(paused.ok()).isTrue();
    assertThat(paused.complete()).isFalse();
    assertThat(paused.next()).isEqualTo("next");
    assertThat(walk.position()).isEqualTo(new ChainWalk.Position("a", 1));
  }

  @Test
  void linksAVersion2EventToTheVersion1EventBeforeIt() {
    // a version 1 hash is opaque to the walk: the next event links to it whatever its format
    byte[] v1 = {9, 9, 9};
    ChainedEvent next = new ChainedEvent("a", 2, 0, "test.event", "alice", null, null, null);
    byte[] v2 = EventHash.of(EventHash.sha256(), v1, next);
    ChainWalk walk = new ChainWalk(heads("a", 2, v2), null);
    walk.next("a", 1, 10, ChainHeads.GENESIS, v1, true);
    walk.next("a", 2, 11, v1, v2, true);
    assertThat(walk.result().ok()).isTrue();
  }

  /** Intact rows of chain "a" with these seqs: hash {seq}, linked, id 9 + seq. */
  static ChainVerification walk(Map<String, ChainHeads.Head> heads, int... seqs) {
    ChainWalk walk = new ChainWalk(heads, null);
    for (int seq : seqs) {
      byte[] prev = seq == 1 ? ChainHeads.GENESIS : new byte[] {(byte) (seq - 1)};
      walk.next("a", seq, 9 + seq, prev, new byte[] {(byte) seq}, true);
    }
    return walk.result();
  }

  static Map<String, ChainHeads.Head> heads(String chain, long seq, byte[] hash) {
    Map<String, ChainHeads.Head> heads = new HashMap<>();
    heads.put(chain, new ChainHeads.Head(seq, hash));
    return heads;
  }
}
