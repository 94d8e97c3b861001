package dev.herald.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's own message insert, read from Herald's class (so that the plain insert baseline runs
 * exactly the statement Herald runs, whatever it becomes), aimed at the copy of the table, with a
 * value for each of its array parameters by the name its unnest gives it. A parameter it has no
 * value for stops the run: the benchmark must learn the new column, not guess.
 */
final class StoreStatement {
  private static final List<String> STORES =
      List.of(
          "dev.herald.storing.control.MessageBatchStore",
          "dev.herald.messages.control.MessageBatchStore");
  private static final Pattern PARAMETER = Pattern.compile("\\?::(\\w+)\\[\\]");
  private static final Pattern ALIASES = Pattern.compile("as t\\(([^)]*)\\)");
  private static final Map<String, String> ARRAY_TYPES = Map.of("int", "int4", "bigint", "int8");

  /** One array parameter: its element type for createArrayOf and the column it fills. */
  record Parameter(String type, String column) {}

  final String sql;
  final List<Parameter> parameters;

  StoreStatement(String storeSql, String table) {
    this.sql = storeSql.replaceFirst("insert into messages ", "insert into " + table + " ");
    this.parameters = parameters(storeSql);
  }

  static StoreStatement fromHerald(String table) {
    for (String name : STORES) {
      try {
        var field = Class.forName(name).getDeclaredField("MESSAGES");
        field.setAccessible(true);
        return new StoreStatement((String) field.get(null), table);
      } catch (ReflectiveOperationException e) {
        // moved: try the next place it has lived
      }
    }
    throw new IllegalStateException("no MessageBatchStore.MESSAGES among " + STORES);
  }

  static List<Parameter> parameters(String sql) {
    List<String> types = new ArrayList<>();
    for (Matcher m = PARAMETER.matcher(sql); m.find(); ) {
      types.add(ARRAY_TYPES.getOrDefault(m.group(1), m.group(1)));
    }
    Matcher aliases = ALIASES.matcher(sql);
    if (!aliases.find()) {
      throw new IllegalStateException("the store's insert has no unnest alias list: " + sql);
    }
    String[] columns = aliases.group(1).split(",\\s*");
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      parameters.add(new Parameter(types.get(i), columns[i].trim()));
    }
    return parameters;
  }

  /** The values of one column for rows {@code first..}: what the store would bind there. */
  static IntFunction<Object> values(String column, String body, String now) {
    return switch (column) {
      case "id" -> n -> java.util.UUID.randomUUID();
      case "conversation_id" -> n -> "raw-c-" + (n % 1000);
      case "sender" -> n -> "raw-s-" + (n % 500);
      case "subject", "subject_latin", "subject_grams" -> n -> null;
      case "body" -> n -> body;
      case "body_latin" -> n -> Payloads.BODY_LATIN;
      case "body_grams" -> n -> Payloads.BODY_GRAMS;
      case "created_at" -> n -> now;
      case "topic" -> n -> "bench.raw";
      case "part" -> n -> n % 6;
      case "off" -> n -> (long) n;
      default ->
          throw new IllegalStateException(
              "the store's insert has a column the benchmark does not fill: " + column);
    };
  }
}
