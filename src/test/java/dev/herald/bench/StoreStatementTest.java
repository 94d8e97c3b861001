package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreStatementTest {
  private static final String STORE =
      "insert into messages (id, body, kafka_offset)"
          + " select id, body, off from unnest(?::uuid[], ?::text[], ?::bigint[])"
          + " with ordinality as t(id, body, off, n) order by n on conflict (id) do nothing";

  @Test
  void aimsTheStoresInsertAtTheCopyAndNamesEachArrayParameter() {
    StoreStatement statement = new StoreStatement(STORE, "bench_raw_messages");

    assertThat(statement.sql).startsWith("insert into bench_raw_messages (id, body");
    assertThat(statement.parameters)
        .containsExactly(
            new StoreStatement.Parameter("uuid", "id"),
            new StoreStatement.Parameter("text", "body"),
            new StoreStatement.Parameter("int8", "off"));
  }

  @Test
  void readsHeraldsOwnStatementAndHasAValueForEveryColumn() {
    StoreStatement herald = StoreStatement.fromHerald("bench_raw_messages");

    assertThat(herald.parameters).isNotEmpty();
    for (StoreStatement.Parameter parameter : herald.parameters) {
      StoreStatement.values(parameter.column(), "body", "2026-01-01T00:00:00Z").apply(0);
    }
  }

  @Test
  void refusesAColumnItWouldHaveToGuess() {
    assertThatThrownBy(() -> StoreStatement.values("priority", "b", "t"))
        .hasMessageContaining("priority");
  }
}
