package dev.herald.testing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Inputs for property-based tests of parsers: anything at all, text that looks like JSON, and valid
 * inputs broken in small ways, which is where a parser half-understands what it reads.
 */
public final class Fuzz {
  /** Far above any honest parse of the small inputs generated here. */
  public static final Duration NEVER_HANGS = Duration.ofSeconds(5);

  private static final String JSON_CHARS = "{}[]\":,.-+eE0123456789 \t\n\r\\/ntrufalsbxu'#*\u0000";
  private static final Charset UTF_32 = Charset.forName("UTF-32");

  private static final ExecutorService PARSERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "fuzz-parser");
            thread.setDaemon(true);
            return thread;
          });

  private Fuzz() {}

  /**
   * Runs a parse, failing the property when it does not finish in {@link #NEVER_HANGS}; whatever it
   * throws is thrown as it is. Pooled threads, because a new one per try costs more than the parse.
   */
  public static <T> T within(Callable<T> parse) throws Exception {
    Future<T> result = PARSERS.submit(parse);
    try {
      return result.get(NEVER_HANGS.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (Exception) e.getCause();
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new AssertionError("the parser did not finish within " + NEVER_HANGS);
    }
  }

  /** Any text, JSON-flavoured text, deep nesting, and valid inputs with a few edits. */
  public static Arbitrary<String> textAround(Arbitrary<String> valid) {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(200)),
        Tuple.of(2, Arbitraries.strings().withChars(JSON_CHARS).ofMaxLength(200)),
        Tuple.of(1, nesting()),
        Tuple.of(2, valid),
        Tuple.of(6, edited(valid)));
  }

  /** Any bytes, and text around the valid inputs in UTF-8 with bit flips or in other encodings. */
  public static Arbitrary<byte[]> bytesAround(Arbitrary<String> valid) {
    Arbitrary<byte[]> utf8 = textAround(valid).map(t -> t.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> flipped =
        Combinators.combine(utf8, Arbitraries.integers().greaterOrEqual(0).list().ofMaxSize(3))
            .as(Fuzz::flip);
    Arbitrary<byte[]> encoded =
        Combinators.combine(
                valid,
                Arbitraries.of(
                    StandardCharsets.UTF_16BE,
                    StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16,
                    UTF_32))
            .as((text, charset) -> text.getBytes(charset));
    Arbitrary<byte[]> marked =
        Combinators.combine(
                Arbitraries.of(
                    new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    new byte[] {(byte) 0xFE, (byte) 0xFF},
                    new byte[] {(byte) 0xFF, (byte) 0xFE},
                    new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
                    new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}),
                utf8)
            .as(Fuzz::concat);
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
        Tuple.of(4, utf8),
        Tuple.of(2, flipped),
        Tuple.of(1, encoded),
        Tuple.of(1, marked));
  }

  /** Text as people write it, mostly, and now and then any characters at all. */
  public static Arbitrary<String> text(int maxLength) {
    return Arbitraries.frequencyOf(
        Tuple.of(
            4,
            Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('À', 'ž')
                .withCharRange('一', '龥')
                .ofMinLength(1)
                .ofMaxLength(maxLength)),
        Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(maxLength)));
  }

  /** User names, valid ones mostly. */
  public static Arbitrary<String> userNames() {
    return Arbitraries.strings().withChars("abcxyz019._@+-é李").ofMinLength(1).ofMaxLength(12);
  }

  /** Conversation ids, valid ones mostly. */
  public static Arbitrary<String> conversationIds() {
    return Arbitraries.strings().withChars("abcxyz019._:-").ofMinLength(1).ofMaxLength(12);
  }

  /**
   * Objects with the given fields, valid, or with one field left out, one replaced by any JSON
   * value, or one more field.
   */
  @SafeVarargs
  public static Arbitrary<String> objectsWith(Tuple2<String, Arbitrary<String>>... validFields) {
    List<Arbitrary<String>> members =
        Stream.of(validFields)
            .map(field -> field.get2().map(value -> member(field.get1(), value)))
            .collect(Collectors.toList());
    Arbitrary<String> damage =
        Arbitraries.frequency(
            Tuple.of(3, "none"), Tuple.of(1, "remove"), Tuple.of(1, "replace"), Tuple.of(1, "add"));
    return Combinators.combine(
            Combinators.combine(members).as(List::copyOf),
            damage,
            Arbitraries.integers().between(0, validFields.length - 1),
            keys(),
            jsonValues())
        .as(
            (valid, kind, which, key, value) -> {
              List<String> fields = new ArrayList<>(valid);
              switch (kind) {
                case "remove" -> fields.remove((int) which);
                case "replace" -> fields.set(which, member(validFields[which].get1(), value));
                case "add" -> fields.add(which, member(key, value));
                default -> {}
              }
              return "{" + String.join(",", fields) + "}";
            });
  }

  /** Any JSON value, raw: strings, numbers of any size and form, literals, arrays, objects. */
  public static Arbitrary<String> jsonValues() {
    Arbitrary<String> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(30).map(Fuzz::quoted),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(80),
            Arbitraries.of(
                "true", "false", "null", "1e999999", "-1e-999999", "0.0", "-0", "1E2", "1.5e300"));
    return Arbitraries.recursive(
        () -> scalars,
        values ->
            Arbitraries.oneOf(
                scalars,
                values.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                Combinators.combine(keys(), values).as(Fuzz::member).map(m -> "{" + m + "}")),
        0,
        3);
  }

  /** A JSON string literal for any text. */
  public static String quoted(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  private static Arbitrary<String> keys() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(10),
        Arbitraries.of("to", "body", "subject", "v", "id", "sender", "__proto__", ""));
  }

  private static String member(String key, String value) {
    return quoted(key) + ":" + value;
  }

  private static Arbitrary<String> nesting() {
    return Combinators.combine(
            Arbitraries.of("[", "{\"a\":", "{\"to\":[", "[{\"body\":"),
            Arbitraries.integers().between(1, 5_000),
            Arbitraries.of(true, false))
        .as((open, depth, closed) -> open.repeat(depth) + (closed ? "1" + "]".repeat(depth) : ""));
  }

  private static Arbitrary<String> edited(Arbitrary<String> valid) {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.of(Edit.Kind.values()),
                Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(1, 40),
                Arbitraries.strings().withChars(JSON_CHARS).ofMinLength(1).ofMaxLength(3))
            .as(Edit::new);
    return Combinators.combine(valid, edit.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (text, edits) -> {
              String result = text;
              for (Edit e : edits) {
                result = e.apply(result);
              }
              return result;
            });
  }

  private static byte[] flip(byte[] bytes, List<Integer> positions) {
    byte[] result = bytes.clone();
    for (int position : positions) {
      if (result.length > 0) {
        int at = position % result.length;
        // flip one bit and set the top one: mostly bytes that cannot stand where they are in UTF-8
        result[at] = (byte) ((result[at] ^ (1 << (position % 8))) | 0x80);
      }
    }
    return result;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(first);
    out.writeBytes(second);
    return out.toByteArray();
  }

  /** One small change to a text: what a buggy client or a hostile one sends. */
  private record Edit(Kind kind, int position, int length, String text) {
    enum Kind {
      INSERT,
      DELETE,
      REPLACE,
      DUPLICATE,
      TRUNCATE
    }

    String apply(String s) {
      int at = s.isEmpty() ? 0 : position % (s.length() + 1);
      int end = Math.min(s.length(), at + length);
      return switch (kind) {
        case INSERT -> s.substring(0, at) + text + s.substring(at);
        case DELETE -> s.substring(0, at) + s.substring(end);
        case REPLACE -> s.substring(0, at) + text + s.substring(end);
        case DUPLICATE -> s.substring(0, end) + s.substring(at, end) + s.substring(end);
        case TRUNCATE -> s.substring(0, at);
      };
    }
  }
}
