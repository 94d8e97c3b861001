package dev.herald.storing.control;

import dev.herald.sending.entity.MessageEnvelope;
import dev.herald.storing.entity.MessagesStored;
import dev.herald.storing.entity.RecordCoordinates;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores many messages in one transaction with one statement per step (arrays and unnest), so a
 * batch costs a few round trips however large it is. Same rules as one at a time: a message id the
 * API withdrew is dropped (see {@link SendOutcomes} for the race), a message stored before changes
 * nothing, and the log order follows the batch order (the order records arrived in, per partition).
 * Writes only its own tables: what other features keep per message they write as observers of
 * {@link MessagesStored}.
 */
@ApplicationScoped
public class MessageBatchStore {
  /** One message to store, where it was read, and its trace (null when not traced). */
  public record Item(MessageEnvelope message, RecordCoordinates at, String traceparent) {}

  private static final String WITHDRAWN =
      "select message_id from send_outcomes where message_id = any(?::uuid[])"
          + " and outcome = 'withdrawn'";
  // the search vector: english stems of the Latin words, CJK bigrams (SearchDocument), subject
  // weighted A, body B; the same vector db-migrations V6 generated in SQL
  private static final String MESSAGES =
      "insert into messages (id, conversation_id, sender, subject, body, created_at, kafka_topic,"
          + " kafka_partition, kafka_offset, search)"
          + " select id, conversation_id, sender, subject, body, created_at::timestamptz, topic,"
          + " part, off,"
          + " setweight(to_tsvector('english', subject_latin)"
          + " || array_to_tsvector(string_to_array(subject_grams, ' ')), 'A')"
          + " || setweight(to_tsvector('english', body_latin)"
          + " || array_to_tsvector(string_to_array(body_grams, ' ')), 'B')"
          + " from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],"
          + " ?::text[], ?::varchar[], ?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[]) with ordinality as t(id, conversation_id, sender, subject, body,"
          + " created_at, topic, part, off, subject_latin, subject_grams, body_latin, body_grams,"
          + " n) order by n on conflict (id) do nothing returning id, seq";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject Event<MessagesStored> stored;

  /**
   * Returns how many messages were new. The features that keep something per stored message write
   * it in this transaction, as observers of {@link MessagesStored}.
   */
  @Transactional(rollbackOn = Exception.class)
  public int store(List<Item> items) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      BatchColumns batch = new BatchColumns(connection, firstOfEachId(items));
      // shared locks the API's withdrawal of one of these ids waits for (SendOutcomes)
      execute(connection, SendOutcomes.GUARD, batch.ids());
      Set<UUID> withdrawn = ids(connection, WITHDRAWN, batch.ids()).keySet();
      BatchColumns kept = new BatchColumns(connection, batch.without(withdrawn));
      if (kept.isEmpty()) {
        return 0;
      }
      Map<UUID, Long> inserted = ids(connection, MESSAGES, kept.messageColumns());
      if (!inserted.isEmpty()) {
        stored.fire(new MessagesStored(kept.stored(inserted)));
      }
      return inserted.size();
    }
  }

  /**
   * A record the producer sent twice can arrive twice in one batch (fetches of many records make it
   * likely): the message insert keeps one copy, but both would go on to the audit insert, which has
   * no key to conflict on.
   */
  private static List<Item> firstOfEachId(List<Item> items) {
    Map<UUID, Item> first = new LinkedHashMap<>();
    items.forEach(item -> first.putIfAbsent(item.message().id(), item));
    return List.copyOf(first.values());
  }

  private static void execute(Connection connection, String sql, Array... arrays)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, arrays)) {
      statement.execute();
    }
  }

  /** The ids a statement returns, with the second column (a log position) where it has one. */
  private static Map<UUID, Long> ids(Connection connection, String sql, Array... arrays)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, arrays);
        ResultSet rows = statement.executeQuery()) {
      boolean positioned = rows.getMetaData().getColumnCount() > 1;
      Map<UUID, Long> ids = new HashMap<>();
      while (rows.next()) {
        ids.put(rows.getObject(1, UUID.class), positioned ? rows.getLong(2) : 0L);
      }
      return ids;
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Array... arrays)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < arrays.length; i++) {
      statement.setArray(i + 1, arrays[i]);
    }
    return statement;
  }
}
