package dev.herald.storing.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchDocumentTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "plain words stay           | plain words stay           | ''",
        "회의는 내일                  | '   '                       | 회의 의는 내일",
        "meet 회의 at ten            | 'meet   at ten'             | 회의",
        "一                          | ' '                         | 一",
        "会議の時間です               | ' '                         | 会議 議の の時 時間 間で です",
        "ab한c가나다                  | 'ab c '                     | 한 가나 나다",
        "NULL                       | ''                          | ''",
        "😀 emoji 😀                 | 😀 emoji 😀                 | ''"
      })
  void splitsTextIntoLatinWordsAndCjkBigrams(String text, String latin, String grams) {
    assertThat(SearchDocument.latin(text)).isEqualTo(latin);
    assertThat(SearchDocument.grams(text)).isEqualTo(grams);
  }

  @ParameterizedTest
  @CsvSource({
    "4352, true",
    "12593, true",
    "44032, true",
    "55215, true",
    "65, false",
    "55216, false"
  })
  void knowsTheCjkRangesOfTheQuerySide(int codePoint, boolean cjk) {
    assertThat(SearchDocument.isCjk(codePoint)).isEqualTo(cjk);
  }
}
