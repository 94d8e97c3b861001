package dev.herald.deadletters.control;

import dev.herald.deadletters.entity.DeadLetterView;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.platform.Cursors;
import dev.herald.platform.Page;
import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Reads dead letters for admins: newest first, by reason and status, keyset-paged. */
@ApplicationScoped
public class DeadLetterQueries {
  static final int PREVIEW_BYTES = 512;
  static final Set<String> STATUSES = Set.of("open", "redriving", "redriven", "discarded");
  static final Set<String> REASONS =
      Arrays.stream(RejectReason.values()).map(Enum::name).collect(Collectors.toSet());
  private static final String COLUMNS =
      "select id, kafka_topic, kafka_partition, kafka_offset, reason, error, rejected_at, status,"
          + " resolved_at, resolved_by, resolution, record_key, record_value from rejected_records";
  private static final String PAGE =
      COLUMNS
          + " where (?::varchar is null or reason = ?) and (?::varchar is null or status = ?)"
          + " and id < ? order by id desc limit ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  /** Null filters match everything; unknown reasons or statuses are a 400. */
  public Page<DeadLetterView> page(String reason, String status, int limit, String cursor)
      throws SQLException {
    checkFilter("reason", reason, REASONS);
    checkFilter("status", status, STATUSES);
    OptionalLong before = Cursors.decode("d", cursor, "cursor");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(PAGE)) {
      query.setString(1, reason);
      query.setString(2, reason);
      query.setString(3, status);
      query.setString(4, status);
      query.setLong(5, before.orElse(Long.MAX_VALUE));
      query.setInt(6, limit + 1);
      List<DeadLetterView> items = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          items.add(view(rows, false));
        }
      }
      if (items.size() <= limit) {
        return new Page<>(items, null);
      }
      List<DeadLetterView> shown = items.subList(0, limit);
      return new Page<>(List.copyOf(shown), Cursors.encode("d", shown.get(limit - 1).id()));
    }
  }

  public Optional<DeadLetterView> find(long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(COLUMNS + " where id = ?")) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(view(row, true)) : Optional.empty();
      }
    }
  }

  private static void checkFilter(String name, String value, Set<String> known) {
    if (value != null && !known.contains(value)) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "Invalid query parameter.",
          List.of(new FieldError(name, "must be one of " + new TreeSet<>(known))));
    }
  }

  private static DeadLetterView view(ResultSet row, boolean withValue) throws SQLException {
    byte[] key = row.getBytes(12);
    byte[] value = row.getBytes(13);
    Base64.Encoder base64 = Base64.getEncoder();
    return new DeadLetterView(
        row.getLong(1),
        row.getString(2),
        row.getInt(3),
        row.getLong(4),
        row.getString(5),
        row.getString(6),
        row.getTimestamp(7).toInstant(),
        row.getString(8),
        row.getTimestamp(9) == null ? null : row.getTimestamp(9).toInstant(),
        row.getString(10),
        row.getString(11),
        key == null ? null : base64.encodeToString(key),
        value == null ? 0 : value.length,
        preview(value),
        withValue && value != null ? base64.encodeToString(value) : null);
  }

  /** The value's first bytes as text, undecodable bytes replaced: it may be anything. */
  static String preview(byte[] value) {
    if (value == null) {
      return null;
    }
    // the String constructor replaces what is not UTF-8
    return new String(value, 0, Math.min(value.length, PREVIEW_BYTES), StandardCharsets.UTF_8)
        .replace('\u0000', '\uFFFD');
  }
}
