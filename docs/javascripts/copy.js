/*
 * virtstack copy buttons: "Copy link" copies the absolute address of an
 * answer, claim or component; "Copy as Markdown" copies its short text with
 * that link, ready to paste into a forum. Bound through Material's document$.
 *
 * After a click the button says "Copied" (the box's data-copied) for 2 s, or,
 * when the browser refuses the clipboard, "Could not copy" (data-copy-failed)
 * for 5 s; the box is a polite live region, so either is announced. Each
 * button keeps its own label from before the first click and has at most one
 * pending timer, so quick clicks always end on that label.
 */
(function () {
  "use strict";

  const SHOWN_MS = { copied: 2000, failed: 5000 };
  const FALLBACK = { copied: "Copied", failed: "Could not copy" };  // for pages built without the words
  const labels = new WeakMap();  // button -> its own label
  const timers = new WeakMap();  // button -> the pending timer that restores it

  function address(box) {
    const url = new URL(window.location.href);
    url.hash = box.dataset.anchor ? `#${box.dataset.anchor}` : "";
    return url.href;
  }

  function markdown(box) {
    return `${box.dataset.text}\n\n— [${box.dataset.title}](${address(box)})`;
  }

  function say(button, text, ms) {
    clearTimeout(timers.get(button));
    button.textContent = text;
    timers.set(button, setTimeout(() => {
      button.textContent = labels.get(button);
      timers.delete(button);
    }, ms));
  }

  async function copy(box, button) {
    const text = button.dataset.copy === "markdown" ? markdown(box) : address(box);
    try {
      await navigator.clipboard.writeText(text);
    } catch (error) {
      say(button, box.dataset.copyFailed || FALLBACK.failed, SHOWN_MS.failed);
      return;
    }
    say(button, box.dataset.copied || FALLBACK.copied, SHOWN_MS.copied);
  }

  function start() {
    if (!navigator.clipboard) return;
    for (const box of document.querySelectorAll(".vs-copy[hidden]")) {
      box.hidden = false;
      box.setAttribute("aria-live", "polite");
      for (const button of box.querySelectorAll("button[data-copy]")) {
        labels.set(button, button.textContent);
        button.addEventListener("click", () => copy(box, button));
      }
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
