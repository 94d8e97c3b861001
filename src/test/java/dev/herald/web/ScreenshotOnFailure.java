package dev.herald.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** A failed browser test leaves what the page showed: target/screenshots/failed-{test}.png. */
final class ScreenshotOnFailure implements TestWatcher {
  private final Supplier<Browser> browser;

  ScreenshotOnFailure(Supplier<Browser> browser) {
    this.browser = browser;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Optional.ofNullable(browser.get())
        .ifPresent(
            b -> {
              try {
                b.screenshot("failed-" + context.getRequiredTestMethod().getName());
              } catch (RuntimeException e) {
                // the browser itself may be what failed
              }
            });
  }
}
