package dev.herald.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Browser tests that share one Chromium for their class (starting one takes seconds): skipped,
 * saying why, where there is no Chromium; a failed test leaves its screenshot and console.
 */
abstract class OneBrowserPerClass {
  static Browser browser;

  @RegisterExtension final ScreenshotOnFailure failures = new ScreenshotOnFailure(() -> browser);

  @BeforeAll
  static void openBrowser() {
    browser = Browser.openIfAvailable();
  }

  @BeforeEach
  void needsBrowser() {
    Browser.assumeAvailable();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
