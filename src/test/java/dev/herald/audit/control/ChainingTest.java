package dev.herald.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.audit.control.ChainHeads.Head;
import dev.herald.audit.control.Chaining.Link;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainingTest {
  static final long TIME = 1_767_225_600_123_456L;
  static final byte[] HEAD_A = new byte[32];
  static final byte[] HEAD_B = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
    27, 28, 29, 30, 31, 32
  };

  @Test
  void numbersEachChainOnFromItsHeadAndLinksEachEventToTheOneBefore() {
    Chaining.Result result =
        Chaining.link(
            List.of(event("a:1", "one"), event("a:1", "two"), event("b:1", "three")),
            Map.of("a:1", new Head(0, HEAD_A), "b:1", new Head(41, HEAD_B)),
            TIME);
    List<Link> links = result.links();
    assertThat(links).extracting(l -> l.event().seq()).containsExactly(1L, 2L, 42L);
    assertThat(links).extracting(l -> l.event().occurredAtMicros()).containsOnly(TIME);
    assertThat(links.get(0).prevHash()).isEqualTo(HEAD_A);
    assertThat(links.get(1).prevHash()).isEqualTo(links.get(0).hash());
    assertThat(links.get(2).prevHash()).isEqualTo(HEAD_B);
    assertThat(links)
        .allSatisfy(
            l ->
                assertThat(l.hash())
                    .isEqualTo(EventHash.of(EventHash.sha256(), l.prevHash(), l.event())));
  }

  @Test
  void makesEachChainsLastEventItsNewHead() {
    Chaining.Result result = twoOnOneChain("one", "two", new Head(5, HEAD_B));
    assertThat(result.heads()).containsOnlyKeys("a:1");
    assertThat(result.heads().get("a:1")).isSameAs(result.links().get(1));
    assertThat(result.heads().get("a:1").event().seq()).isEqualTo(7);
  }

  @Test
  void givesEqualEventsDifferentHashesAtDifferentPlaces() {
    Chaining.Result result = twoOnOneChain("same", "same", new Head(0, HEAD_A));
    assertThat(result.links().get(0).hash()).isNotEqualTo(result.links().get(1).hash());
  }

  /** Two events on chain "a:1" after this head. */
  static Chaining.Result twoOnOneChain(String first, String second, Head head) {
    return Chaining.link(
        List.of(event("a:1", first), event("a:1", second)), Map.of("a:1", head), TIME);
  }

  static ChainedEvent event(String chain, String action) {
    return new ChainedEvent(chain, 0, 0, action, "alice", null, null, null);
  }
}
