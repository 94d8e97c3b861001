package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Positive;

/** Any cursor a client makes up is a position this API issued or a 400 bad-cursor problem. */
class CursorsFuzzTest {

  @Property(tries = 1000)
  void decodesAnyTextToAPositionOrRefusesItAsABadCursor(@ForAll("cursors") String cursor) {
    OptionalLong position;
    try {
      position = Cursors.decode("inbox", cursor, "cursor");
    } catch (ProblemException e) {
      assertThat(e.problem().type()).isEqualTo("urn:herald:problem:bad-cursor");
      assertThat(e.problem().status()).isEqualTo(400);
      assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly("cursor");
      return;
    }
    if (cursor == null || cursor.isEmpty()) {
      assertThat(position).isEmpty();
    } else {
      assertThat(position).isPresent();
      assertThat(position.getAsLong()).isPositive();
    }
  }

  @Property(tries = 200)
  void decodesEveryCursorItIssued(@ForAll @Positive long position) {
    assertThat(Cursors.decode("history", Cursors.encode("history", position), "before"))
        .hasValue(position);
  }

  @Provide
  Arbitrary<String> cursors() {
    Arbitrary<String> kinds = Arbitraries.of("inbox", "history", "Inbox", "", "inbox:inbox");
    Arbitrary<String> positions =
        Arbitraries.oneOf(
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.strings().numeric().ofMaxLength(30),
            Arbitraries.strings().all().ofMaxLength(10),
            Arbitraries.of("+1", "01", " 1", "1 ", "0x10", "1e3", "-0"));
    Arbitrary<String> made =
        Combinators.combine(kinds, Arbitraries.of(":", "", "::", ";"), positions)
            .as((kind, colon, position) -> kind + colon + position);
    Arbitrary<String> encoded =
        Combinators.combine(made, Arbitraries.of(true, false), Arbitraries.of(true, false))
            .as(CursorsFuzzTest::base64);
    return Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.strings().all().ofMaxLength(100)),
            Tuple.of(
                2,
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .withCharRange('A', 'Z')
                    .withCharRange('0', '9')
                    .withChars("-_+/=")
                    .ofMaxLength(90)),
            Tuple.of(6, encoded),
            Tuple.of(1, Arbitraries.longs().map(p -> Cursors.encode("inbox", p))))
        .injectNull(0.01);
  }

  private static String base64(String text, boolean urlSafe, boolean padded) {
    Base64.Encoder encoder = urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return (padded ? encoder : encoder.withoutPadding()).encodeToString(bytes);
  }
}
