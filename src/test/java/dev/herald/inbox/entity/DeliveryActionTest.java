package dev.herald.inbox.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryActionTest {
  @Test
  void findsEachActionByItsPathSegment() {
    for (DeliveryAction action : DeliveryAction.values()) {
      assertThat(DeliveryAction.ofPath(action.name().toLowerCase())).contains(action);
    }
    assertThat(DeliveryAction.ofPath("purge")).isEmpty();
  }

  @Test
  void changesARowOnlyWhenTheStateChanges() {
    assertThat(DeliveryAction.READ.condition()).isEqualTo("d.read_at is null");
    assertThat(DeliveryAction.UNREAD.condition()).isEqualTo("d.read_at is not null");
    assertThat(DeliveryAction.SNOOZE.condition()).isEqualTo("d.snoozed_until is distinct from ?");
  }
}
