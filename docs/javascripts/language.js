/*
 * virtstack language menu: keep each edition's link pointing at the page
 * being read. The server renders it so for the first page; instant
 * navigation swaps only the content, so after each navigation, and before
 * a link of the menu is used, the links (and the hreflang links in the head)
 * are pointed at the current page, anchor included: every edition has the
 * same pages and anchors.
 */
(function () {
  "use strict";

  function samePageIn(root, currentRoot) {
    const here = new URL(location.href);
    const base = new URL(currentRoot).pathname;
    const path = here.pathname.startsWith(base) ? here.pathname.slice(base.length) : "";
    return new URL(path + here.hash, root).href;
  }

  function update() {
    const links = Array.from(document.querySelectorAll(".md-select__link[data-root]"));
    const current = links.find((link) => link.hreflang === document.documentElement.lang);
    if (!current) return;
    for (const link of links) link.href = samePageIn(link.dataset.root, current.dataset.root);
    for (const link of document.querySelectorAll("link[hreflang][data-root]")) {
      link.href = samePageIn(link.dataset.root, current.dataset.root).split("#")[0];
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(update);
  else update();
  // The anchor can change without a navigation (a click on a heading link):
  // point the links again just before one is followed, copied or opened.
  window.addEventListener("hashchange", update);
  for (const type of ["pointerdown", "focusin", "click"]) {
    document.addEventListener(type, (event) => {
      if (event.target instanceof Element && event.target.closest(".md-select")) update();
    }, true);
  }
})();
