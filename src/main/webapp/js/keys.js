// When Enter in a message box sends. An input method (Korean, Japanese, Chinese) uses Enter to
// confirm the text being composed: that Enter must never send. Browsers flag it differently:
// Chrome and Firefox set isComposing on the keydown; Safari fires compositionend first and then a
// keydown with keyCode 229. A box also tracks compositionstart/compositionend itself.

/**
 * Whether this keydown should send the message: a plain Enter (or Ctrl/Cmd+Enter) outside any
 * composition. Shift+Enter (and Alt+Enter) make a new line.
 * @param {KeyboardEvent} event
 * @param {boolean} composing whether the box saw compositionstart without compositionend
 */
export function sendsMessage(event, composing) {
  if (event.key !== 'Enter') return false;
  if (event.shiftKey || event.altKey) return false;
  if (composing || event.isComposing || event.keyCode === 229) return false;
  return true;
}

/** Wires a textarea so that Enter submits its form, honouring input methods (see above). */
export function enterSends(textarea, send) {
  let composing = false;
  textarea.addEventListener('compositionstart', () => {
    composing = true;
  });
  textarea.addEventListener('compositionend', () => {
    composing = false;
  });
  textarea.addEventListener('blur', () => {
    composing = false;
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    if (!sendsMessage(event, composing)) return;
    event.preventDefault();
    send();
  });
}
