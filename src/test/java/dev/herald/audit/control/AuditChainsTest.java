package dev.herald.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditChainsTest {
  @ParameterizedTest
  @CsvSource({"alice, bucket:7", "dm-alice-bob, bucket:10", "g-3f1c9a4e, bucket:3", "채영, bucket:2"})
  void bucketsByTheCrc32OfTheUtf8Key(String key, String chain) {
    // vectors from zlib.crc32(key.encode()) % 16
    assertThat(AuditChains.bucket(key)).isEqualTo(chain);
  }

  @Test
  void putsAnEventOnItsConversationsBucketElseItsActors() {
    assertThat(AuditChains.of(event("alice", "dm-alice-bob", null))).isEqualTo("bucket:10");
    assertThat(AuditChains.of(event("alice", null, null))).isEqualTo("bucket:7");
  }

  @Test
  void keepsAChainTheWriterNamed() {
    assertThat(AuditChains.of(event("alice", "dm-alice-bob", "partition:3")))
        .isEqualTo("partition:3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"partition", "Partition:3", "partition:", "partition:3 4", "a:ü"})
  void refusesChainNamesTheTableWouldRefuse(String chain) {
    assertThatThrownBy(() -> AuditChains.of(event("alice", null, chain)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static AuditLog.Event event(String actor, String conversationId, String chain) {
    return new AuditLog.Event("test.event", actor, UUID.randomUUID(), conversationId, null, chain);
  }
}
