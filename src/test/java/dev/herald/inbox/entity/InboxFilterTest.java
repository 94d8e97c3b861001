package dev.herald.inbox.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboxFilterTest {
  static InboxFilter of(String unread, String read) {
    return InboxFilter.of(unread, read, null, null, null, null, null, null, null);
  }

  @Test
  void defaultsToEverythingNeitherArchivedNorSnoozed() {
    assertThat(InboxFilter.of(null, null, null, null, null, null, null, null, null))
        .isEqualTo(InboxFilter.DEFAULT);
  }

  @Test
  void readsUnreadAsTheOlderSpellingOfReadFalse() {
    assertThat(of("true", null).read()).isFalse();
    assertThat(of("true", "false").read()).isFalse();
    assertThat(of("false", null).read()).isNull();
    assertThat(of(null, "true").read()).isTrue();
  }

  @Test
  void refusesUnreadTogetherWithReadTrue() {
    assertThatThrownBy(() -> of("true", "true"))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("unread"));
  }

  @Test
  void parsesInstantsAndNamesTheParameterThatIsOff() {
    InboxFilter filter =
        InboxFilter.of(null, null, null, null, null, null, null, "2026-01-01T00:00:00Z", null);
    assertThat(filter.createdAfter()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThatThrownBy(
            () -> InboxFilter.of(null, null, null, null, null, null, null, null, "2026-01-01"))
        .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("createdBefore"));
    assertThatThrownBy(() -> InboxFilter.of(null, null, null, null, null, "../x", null, null, null))
        .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("conversationId"));
    assertThatThrownBy(() -> InboxFilter.of(null, null, null, null, null, null, "a b", null, null))
        .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("sender"));
  }

  static String fieldOf(Throwable e) {
    return ((ProblemException) e).problem().errors().get(0).field();
  }
}
