package dev.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The page's sources keep the rules its security rests on: no inline code in the HTML (the
 * Content-Security-Policy would block it anyway), and scripts that never turn text into markup.
 */
class PageSourcesTest {
  static final Path WEBAPP = Path.of("src/main/webapp");

  static List<Path> scripts() throws IOException {
    try (Stream<Path> files = Files.list(WEBAPP.resolve("js"))) {
      return files.filter(f -> f.toString().endsWith(".js")).sorted().toList();
    }
  }

  @Test
  void theHtmlHasNoInlineScriptsStylesOrHandlers() throws IOException {
    String html = Files.readString(WEBAPP.resolve("index.html"));
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find())
        .as("a <script> without src")
        .isFalse();
    assertThat(html).doesNotContain("<style").doesNotContain(" style=");
    assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
        .as("an on…= event handler attribute")
        .isFalse();
    assertThat(html)
        .doesNotContain("javascript:")
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void scriptsNeverParseStringsAsMarkupOrCode() throws IOException {
    List<Path> scripts = scripts();
    assertThat(scripts).hasSizeGreaterThan(10);
    for (Path script : scripts) {
      String code = Files.readString(script);
      assertThat(code)
          .as(script.toString())
          .doesNotContain(".innerHTML")
          .doesNotContain(".outerHTML")
          .doesNotContain("insertAdjacentHTML")
          .doesNotContain("document.write")
          .doesNotContain("eval(")
          .doesNotContain("new Function")
          .doesNotContain("setAttribute('style'")
          .doesNotContain("createContextualFragment");
    }
  }

  @Test
  void tokensNeverGoIntoAUrl() throws IOException {
    for (Path script : scripts()) {
      assertThat(Files.readString(script))
          .as(script.toString())
          .doesNotContainPattern("[?&](access_)?token=")
          .doesNotContain("localStorage.setItem(KEY");
    }
  }
}
