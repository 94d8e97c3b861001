package dev.herald.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A failed browser test leaves what the page showed, target/screenshots/failed-{test}.png, and what
 * its console said (failed requests included), failed-{test}.console.txt.
 */
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
                String name = "failed-" + context.getRequiredTestMethod().getName();
                b.screenshot(name);
                java.nio.file.Files.write(
                    java.nio.file.Path.of("target", "screenshots", name + ".console.txt"),
                    b.console());
              } catch (RuntimeException | java.io.IOException e) {
                // the browser itself may be what failed
              }
            });
  }
}
