package dev.herald.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {
  @Test
  void writesTheSameTextForTheWritersJsonAndPostgresqlsJsonb() {
    // what Jackson writes, and what PostgreSQL prints for it (jsonb: keys by length, then bytes)
    String written = "{\"recipients\":[\"bob\"],\"partition\":3,\"offset\":42,\"at\":1.0E10}";
    String printed =
        "{\"at\": 10000000000, \"offset\": 42, \"partition\": 3, \"recipients\": [\"bob\"]}";
    String canonical =
        "{\"at\":10000000000,\"offset\":42,\"partition\":3,\"recipients\":[\"bob\"]}";
    assertThat(CanonicalJson.of(written)).isEqualTo(canonical);
    assertThat(CanonicalJson.of(printed)).isEqualTo(canonical);
    assertThat(CanonicalJson.of(canonical)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.50 | 1.5",
        "1.50e1 | 15",
        "2E+2 | 200",
        "-0 | 0",
        "-0.0 | 0",
        "0.000 | 0",
        "-12.3400 | -12.34",
        "1e-7 | 0.0000001",
        "123456789012345678901234567890 | 123456789012345678901234567890"
      })
  void writesNumbersInPlainDecimalWithoutTrailingZeros(String number, String canonical) {
    assertThat(CanonicalJson.of("[" + number + "]")).isEqualTo("[" + canonical + "]");
  }

  @Test
  void escapesOnlyQuotesBackslashesAndControlCharacters() {
    String json = "[\"a\\\"b\\\\c\\/d\\n\\t\\u0001\\u001f\\u00e9 채영 😀\"]";
    assertThat(CanonicalJson.of(json)).isEqualTo("[\"a\\\"b\\\\c/d\\n\\t\\u0001\\u001fé 채영 😀\"]");
  }

  @Test
  void sortsKeysByUtf16CodeUnitsAtEveryDepth() {
    // U+1F600 is a surrogate pair (D83D DE00) and sorts before U+FFFD in UTF-16 order
    String json = "{\"\uFFFD\":1,\"😀\":2,\"b\":{\"z\":[{\"y\":1,\"x\":2}],\"a\":true},\"B\":null}";
    assertThat(CanonicalJson.of(json))
        .isEqualTo(
            "{\"B\":null,\"b\":{\"a\":true,\"z\":[{\"x\":2,\"y\":1}]},\"😀\":2,\"\uFFFD\":1}");
  }

  @Test
  void keepsNullAndEmptyValuesApart() {
    assertThat(CanonicalJson.of((String) null)).isNull();
    assertThat(CanonicalJson.of("null")).isEqualTo("null");
    assertThat(CanonicalJson.of(" { } ")).isEqualTo("{}");
    assertThat(CanonicalJson.of("[ ]")).isEqualTo("[]");
    assertThat(CanonicalJson.of("\"\"")).isEqualTo("\"\"");
  }

  @Test
  void refusesWhatIsNotJson() {
    assertThatThrownBy(() -> CanonicalJson.of("{\"a\":1} x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
