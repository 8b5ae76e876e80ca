/*
 * virtstack copy buttons: "Copy link" copies the absolute address of an
 * answer, claim or component; "Copy as Markdown" copies its short text with
 * that link, ready to paste into a forum. Bound through Material's document$.
 */
(function () {
  "use strict";

  function address(box) {
    const url = new URL(window.location.href);
    url.hash = box.dataset.anchor ? `#${box.dataset.anchor}` : "";
    return url.href;
  }

  function markdown(box) {
    return `${box.dataset.text}\n\n— [${box.dataset.title}](${address(box)})`;
  }

  async function copy(box, button) {
    const text = button.dataset.copy === "markdown" ? markdown(box) : address(box);
    await navigator.clipboard.writeText(text);
    const label = button.textContent;
    button.textContent = box.dataset.copied;
    setTimeout(() => { button.textContent = label; }, 2000);
  }

  function start() {
    if (!navigator.clipboard) return;
    for (const box of document.querySelectorAll(".vs-copy[hidden]")) {
      box.hidden = false;
      box.setAttribute("aria-live", "polite");
      for (const button of box.querySelectorAll("button[data-copy]")) {
        button.addEventListener("click", () => copy(box, button).catch(() => {}));
      }
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
