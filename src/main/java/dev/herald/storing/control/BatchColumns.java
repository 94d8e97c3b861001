package dev.herald.storing.control;

import dev.herald.platform.SqlArrays;
import dev.herald.sending.entity.MessageEnvelope;
import dev.herald.storing.control.MessageBatchStore.Item;
import dev.herald.storing.entity.MessagesStored;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A batch of messages as the column arrays the batch statements unnest. */
final class BatchColumns {
  private final Connection connection;
  private final List<Item> items;

  BatchColumns(Connection connection, List<Item> items) {
    this.connection = connection;
    this.items = items;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  List<Item> without(Set<UUID> ids) {
    return items.stream().filter(i -> !ids.contains(i.message().id())).toList();
  }

  Array ids() throws SQLException {
    return column("uuid", i -> i.message().id());
  }

  Array[] messageColumns() throws SQLException {
    return new Array[] {
      ids(),
      column("varchar", i -> i.message().conversationId()),
      column("varchar", i -> i.message().sender()),
      column("varchar", i -> i.message().subject()),
      column("text", i -> i.message().body()),
      column("text", i -> i.message().acceptedAt().toString()),
      column("varchar", i -> i.at().topic()),
      column("int4", i -> i.at().partition()),
      column("int8", i -> i.at().offset()),
      column("text", i -> SearchDocument.latin(i.message().subject())),
      column("text", i -> SearchDocument.grams(i.message().subject())),
      column("text", i -> SearchDocument.latin(i.message().body())),
      column("text", i -> SearchDocument.grams(i.message().body()))
    };
  }

  /** The items stored, in batch (log) order, with the log positions the insert assigned. */
  List<MessagesStored.NewMessage> stored(Map<UUID, Long> seqs) {
    return items.stream()
        .filter(i -> seqs.containsKey(i.message().id()))
        .map(i -> stored(i, seqs.get(i.message().id())))
        .sorted(Comparator.comparingLong(MessagesStored.NewMessage::seq))
        .toList();
  }

  private static MessagesStored.NewMessage stored(Item item, long seq) {
    MessageEnvelope m = item.message();
    return new MessagesStored.NewMessage(
        m.id(),
        seq,
        m.conversationId(),
        m.sender(),
        m.subject(),
        m.body(),
        m.acceptedAt(),
        m.to(),
        item.at(),
        item.traceparent());
  }

  private Array column(String type, java.util.function.Function<Item, Object> value)
      throws SQLException {
    return SqlArrays.column(connection, type, items, value);
  }
}
