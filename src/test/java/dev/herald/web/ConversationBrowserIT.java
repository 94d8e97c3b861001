package dev.herald.web;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** A conversation in the page: its history, the send box, and text that must stay text. */
class ConversationBrowserIT extends OneBrowserPerClass {
  final String me = Users.unique("mina");
  final String bob = Users.unique("bob");

  /** Opens the direct conversation with bob (who wrote first) from the chat list. */
  private String openChatWithBob(String firstMessage) {
    Seed.send(bob, me, firstMessage);
    browser.signIn(me);
    browser.clickText("#chat-list .chat", bob);
    browser.untilText("#history-list .msg-body", firstMessage);
    return browser.attributeOf("#chat-list .chat[aria-current=page]", "data-id");
  }

  private WebElement composer() {
    return browser.find("#composer-body");
  }

  /** The messages of the conversation as stored, oldest first, as {@code user} sees them. */
  private List<JsonObject> stored(String user, String conversationId) {
    return as(user)
        .get("api/conversations/" + conversationId + "/messages?limit=100")
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class);
  }

  /** Waits until the page shows a stored (no longer pending) message with exactly this body. */
  private void awaitShownAndStored(String body) {
    browser.until(
        d ->
            d.findElements(By.cssSelector("#history-list .msg:not(.pending) .msg-body")).stream()
                .anyMatch(e -> body.equals(e.getAttribute("textContent"))));
  }

  @Test
  void enterSendsAndShiftEnterStartsANewLine() {
    String conversation = openChatWithBob("hi, are you there?");

    composer().sendKeys("line one", Keys.chord(Keys.SHIFT, Keys.ENTER), "line two");
    assertThat(composer().getAttribute("value")).isEqualTo("line one\nline two");
    composer().sendKeys(Keys.ENTER);

    awaitShownAndStored("line one\nline two");
    assertThat(composer().getAttribute("value")).isEmpty();
    assertThat(stored(bob, conversation))
        .extracting(m -> m.getString("body"))
        .containsExactly("hi, are you there?", "line one\nline two");
    browser.screenshot("02-conversation");
  }

  @Test
  void enterWhileAnInputMethodComposesDoesNotSend() {
    String conversation = openChatWithBob("한국어로 써 줘");
    composer().click();

    // Korean input as an IME produces it: the syllables are composed in the box first
    browser.cdp(
        "Input.imeSetComposition", Map.of("text", "안녕", "selectionStart", 2, "selectionEnd", 2));
    // the Enter that confirms the composition: Chrome flags it isComposing, keyCode 229
    Object notCancelled =
        browser.js(
            "const box = document.getElementById('composer-body');"
                + "return box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter',"
                + " code: 'Enter', keyCode: 229, isComposing: true, bubbles: true,"
                + " cancelable: true}));");
    // an Enter without the flag while the composition is still open (between its events)
    Object notCancelledEither =
        browser.js(
            "const box = document.getElementById('composer-body');"
                + "return box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter',"
                + " code: 'Enter', keyCode: 13, bubbles: true, cancelable: true}));");
    browser.cdp("Input.insertText", Map.of("text", "안녕"));
    assertThat(notCancelled).as("the page left the composing Enter to the IME").isEqualTo(true);
    assertThat(notCancelledEither).isEqualTo(true);
    assertThat(composer().getAttribute("value")).isEqualTo("안녕");

    composer().sendKeys(Keys.ENTER); // the composition is over: now Enter sends

    awaitShownAndStored("안녕");
    assertThat(stored(me, conversation))
        .extracting(m -> m.getString("body"))
        .containsExactly("한국어로 써 줘", "안녕");
  }

  @Test
  void aBodyThatLooksLikeMarkupShowsAsTheseCharacters() {
    String attack = "<img src=x onerror=alert(1)><script>alert(2)</script> & <b>bold</b>";
    openChatWithBob(attack);

    browser.untilText("#history-list .msg-body", "<img");
    assertThat(browser.textOf("#history-list .msg-body")).isEqualTo(attack);
    assertThat(browser.all("#history-list img, #history-list script, #history-list b")).isEmpty();
    assertThat(browser.textOf("#chat-list .chat-snippet"))
        .startsWith("<img src=x onerror=alert(1)>");
    assertThat(browser.recorded("dialogs")).as("alert() was never called").isEmpty();
    try {
      browser.driver.switchTo().alert();
      throw new AssertionError("a dialog is open");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  @Test
  void scrollingUpLoadsOlderMessagesAndKeepsThePlace() {
    Seed.send(bob, me, "message 00");
    for (int i = 1; i < 45; i++) {
      Seed.send(i % 3 == 0 ? me : bob, i % 3 == 0 ? bob : me, "message %02d".formatted(i));
    }
    browser.signIn(me);
    browser.clickText("#chat-list .chat", bob);
    browser.untilText("#history-list .msg-body", "message 44");
    assertThat(browser.all("#history-list .msg")).hasSize(30);
    WebElement oldestShown = browser.find("#history-list .msg");
    assertThat(oldestShown.getText()).contains("message 15");
    String oldestId = oldestShown.getAttribute("data-id");

    browser.js("document.getElementById('history').scrollTop = 0;");

    browser.until(d -> browser.all("#history-list .msg").size() == 45);
    assertThat(browser.find("#history-list .msg .msg-body").getText()).isEqualTo("message 00");
    assertThat(browser.find("#history-start").isDisplayed()).isTrue();
    // what was at the top before is still on screen, not pushed away by the older page
    Object visible =
        browser.js(
            "const box = document.getElementById('history').getBoundingClientRect();"
                + "const el = document.querySelector(`[data-id='${arguments[0]}']`)"
                + ".getBoundingClientRect();"
                + "return el.top >= box.top - 1 && el.bottom <= box.bottom + 1;",
            oldestId);
    assertThat(visible).isEqualTo(true);
  }

  @Test
  void openingAConversationReadsItAndClearsItsBadge() {
    Seed.send(bob, me, "one");
    Seed.send(bob, me, "two");
    browser.signIn(me);
    browser.untilText("#chat-list .chat", bob);
    assertThat(browser.textOf("#chat-list .chat .badge")).isEqualTo("2 unread");
    browser.until(d -> "(2) Herald".equals(d.getTitle()));

    browser.clickText("#chat-list .chat", bob);

    browser.until(d -> "Herald".equals(d.getTitle()));
    browser.until(d -> browser.all("#chat-list .chat .badge").isEmpty());
    assertThat(Seed.counts(me).getInt("unread")).isZero();
  }

  @Test
  void aFailedSendKeepsTheTextAndSaysWhy() {
    openChatWithBob("hello");
    // a body of only white space is refused by the page; one over the limit by the server
    String tooLong = "x".repeat(16_385);
    browser.js(
        "arguments[0].removeAttribute('maxlength'); arguments[0].value = arguments[1];",
        composer(),
        tooLong);
    composer().sendKeys(Keys.END, Keys.ENTER);

    WebElement error =
        browser.until(
            d -> {
              WebElement e = browser.find("#composer [data-error-for=body]");
              return e.isDisplayed() ? e : null;
            });
    assertThat(error.getText()).isEqualTo("The message must be at most 16384 characters.");
    assertThat(composer().getAttribute("value")).isEqualTo(tooLong);
    assertThat(composer().getAttribute("aria-invalid")).isEqualTo("true");
  }
}
