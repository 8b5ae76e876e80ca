/*
 * virtstack diagrams: highlight, tooltips, touch, deep links, filters, pan and zoom.
 *
 * The SVGs come from Graphviz with semantic classes (see scripts/virtstack/
 * style.py): nodes carry `n-<id> layer-<layer> kind-<kind>`, edges carry
 * `from-<id> to-<id>`. Everything is bound through Material's document$, so
 * it runs again after every instant-navigation page swap.
 *
 * Deep link: add `#show=<component id>` to a page address (for example
 * /#show=kvm) to open it with that component highlighted, scrolled into view
 * and its tooltip shown; on the home page, a component of another stack
 * opens that stack's picture first.
 */
(function () {
  "use strict";

  const DEEP_LINK = /^#show=([a-z0-9]+(?:-[a-z0-9]+)*)$/;
  const SCALE = { min: 1, max: 5, step: 0.3 };
  // The full-screen icon is drawn by CSS (.vs-icon-full), since no font has a glyph for it everywhere.
  const FULL_SCREEN_ICON = '<span class="vs-icon-full" aria-hidden="true"></span>';

  /* Graph ---------------------------------------------------------------- */

  function classValue(element, prefix) {
    for (const name of element.classList) {
      if (name.startsWith(prefix)) return name.slice(prefix.length);
    }
    return null;
  }

  // A container holds a picture in one or more variants (wide, narrow); CSS
  // shows one, and everything here acts on all of them.
  function readGraph(root) {
    const nodes = new Map();
    for (const node of root.querySelectorAll("g.node.component")) {
      const id = classValue(node, "n-");
      if (!nodes.has(id)) nodes.set(id, []);
      nodes.get(id).push(node);
    }
    const edges = Array.from(root.querySelectorAll("g.edge.relation")).map((edge) => ({
      element: edge,
      from: classValue(edge, "from-"),
      to: classValue(edge, "to-"),
    }));
    return { nodes, edges };
  }

  /* Tooltip -------------------------------------------------------------- */

  function tipFor(element) {
    const link = element.querySelector("a[data-tip]");
    return link ? link.dataset.tip : element.querySelector("text")?.textContent || "";
  }

  function showTip(state, element) {
    const text = tipFor(element);
    if (!text) return;
    state.tip.textContent = text;
    state.tip.hidden = false;
    const box = element.getBoundingClientRect();
    const frame = state.container.getBoundingClientRect();
    const left = Math.min(Math.max(box.left - frame.left, 0), Math.max(frame.width - state.tip.offsetWidth, 0));
    state.tip.style.left = `${left}px`;
    state.tip.style.top = `${box.bottom - frame.top + 6}px`;
  }

  function hideTip(state) {
    state.tip.hidden = true;
  }

  /* Highlight ------------------------------------------------------------ */

  function highlight(state, id) {
    clear(state);
    const keep = new Set([id]);
    for (const edge of state.graph.edges) {
      if (edge.from === id || edge.to === id) {
        edge.element.classList.add("vs-hl");
        keep.add(edge.from);
        keep.add(edge.to);
      }
    }
    for (const nodeId of keep) {
      for (const node of state.graph.nodes.get(nodeId) || []) node.classList.add("vs-hl");
    }
    for (const node of state.graph.nodes.get(id) || []) node.classList.add("vs-hl-main");
    state.container.classList.add("vs-has-focus");
    state.active = id;
  }

  function clear(state) {
    for (const element of state.container.querySelectorAll(".vs-hl, .vs-hl-main")) {
      element.classList.remove("vs-hl", "vs-hl-main");
    }
    state.container.classList.remove("vs-has-focus");
    state.active = null;
  }

  function bindNode(state, id, node) {
    const enter = () => { highlight(state, id); showTip(state, node); };
    const leave = () => { clear(state); hideTip(state); };
    node.addEventListener("pointerenter", (event) => { if (event.pointerType !== "touch") enter(); });
    node.addEventListener("pointerleave", (event) => { if (event.pointerType !== "touch") leave(); });
    node.addEventListener("focusin", () => { if (!state.touched) enter(); });
    node.addEventListener("focusout", () => { if (!state.touched) leave(); });
    // Touch: the first tap shows the node and its tooltip, the second follows the link.
    node.addEventListener("click", (event) => {
      // Chrome's click is a PointerEvent; elsewhere the last pointerdown tells.
      const touch = event.pointerType ? event.pointerType === "touch" : state.touched;
      state.touched = false;
      if (!touch) return;
      if (state.active !== id) {
        event.preventDefault();
        enter();
      }
    });
  }

  function bindEdge(state, edge) {
    const show = () => { edge.element.classList.add("vs-hl"); showTip(state, edge.element); };
    const hide = () => { edge.element.classList.remove("vs-hl"); hideTip(state); };
    edge.element.addEventListener("pointerenter", show);
    edge.element.addEventListener("pointerleave", hide);
    edge.element.addEventListener("focusin", show);
    edge.element.addEventListener("focusout", hide);
  }

  function bindTipOnly(state, element) {
    const show = () => showTip(state, element);
    const hide = () => hideTip(state);
    element.addEventListener("pointerenter", show);
    element.addEventListener("pointerleave", hide);
    element.addEventListener("focusin", show);
    element.addEventListener("focusout", hide);
  }

  /* Pan and zoom --------------------------------------------------------- */

  function button(label, text, action) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "vs-zoom-button";
    element.setAttribute("aria-label", label);
    element.textContent = text;
    element.addEventListener("click", action);
    return element;
  }

  function addPanZoom(state) {
    if (typeof Panzoom !== "function") return;
    const stage = document.createElement("div");
    const canvas = document.createElement("div");
    stage.className = "vs-stage";
    canvas.className = "vs-canvas";
    state.svgs[0].before(stage);
    stage.append(canvas);
    canvas.append(...state.svgs);
    // The picture opens at 1:1: it was drawn at the size it is shown.
    const zoom = Panzoom(canvas, {
      minScale: SCALE.min, maxScale: SCALE.max, step: SCALE.step,
      // One finger scrolls the page; two fingers or a mouse drag pan and zoom the diagram.
      touchAction: "pan-x pan-y", panOnlyWhenZoomed: true, cursor: "default",
    });
    stage.addEventListener("wheel", (event) => {
      if (event.ctrlKey || event.metaKey) zoom.zoomWithWheel(event);
    }, { passive: false });
    const bar = document.createElement("div");
    const labels = state.container.dataset;  // data-zoom-in etc., in the page's language
    bar.className = "vs-zoom";
    bar.append(
      button(labels.zoomIn || "Zoom in", "+", () => zoom.zoomIn()),
      button(labels.zoomOut || "Zoom out", "−", () => zoom.zoomOut()),
      button(labels.zoomReset || "Reset zoom", "⟲", () => zoom.reset()),
    );
    if (state.container.requestFullscreen) {
      const full = button(labels.fullScreen || "Full screen", "", () => {
        zoom.reset({ animate: false });
        if (document.fullscreenElement) document.exitFullscreen();
        else state.container.requestFullscreen().catch(() => {});
      });
      full.innerHTML = FULL_SCREEN_ICON;
      bar.append(full);
    }
    state.container.prepend(bar);
    state.canvas = canvas;
    state.zoom = zoom;
  }

  /* Other stacks --------------------------------------------------------- */

  // The home picture can be swapped for another stack's, drawn on the compare
  // page: the picture is fetched once, on the first click.
  const pictures = new Map();

  function fetchPicture(url) {
    if (!pictures.has(url)) {
      pictures.set(url, fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${url}`);
        return response.text();
      }));
    }
    return pictures.get(url);
  }

  function rebind(state) {
    state.graph = readGraph(state.container);
    for (const [id, nodes] of state.graph.nodes) {
      nodes.forEach((node) => { if (!node.dataset.bound) { node.dataset.bound = "1"; bindNode(state, id, node); } });
    }
    state.graph.edges.forEach((edge) => {
      if (!edge.element.dataset.bound) { edge.element.dataset.bound = "1"; bindEdge(state, edge); }
    });
  }

  async function showStack(state, choice, group) {
    if (!state.original) state.original = Array.from(state.canvas.children);
    const src = choice.dataset.src;
    const svgs = src ? [new DOMParser().parseFromString(await fetchPicture(new URL(src, location.href).href),
      "image/svg+xml").documentElement] : state.original;
    clear(state);
    hideTip(state);
    state.zoom?.reset({ animate: false });
    state.canvas.replaceChildren(...svgs.map((svg) => document.importNode(svg, true)));
    for (const other of group.querySelectorAll("button[data-src]")) {
      other.setAttribute("aria-pressed", String(other === choice));
    }
    rebind(state);
    state.container.dataset.stack = src;
  }

  function bindStacks(state) {
    const group = document.querySelector(`.vs-stacks[data-diagram="${state.container.id}"]`);
    if (!group) return;
    group.hidden = false;
    for (const choice of group.querySelectorAll("button[data-src]")) {
      choice.addEventListener("click", () => showStack(state, choice, group).catch(() => {
        choice.setAttribute("aria-disabled", "true");
      }));
    }
    state.stacks = group;
  }

  /* Filters -------------------------------------------------------------- */

  function applyFilters(state, form) {
    const hiddenClasses = Array.from(form.querySelectorAll("input[data-filter]"))
      .filter((box) => !box.checked).map((box) => box.dataset.filter);
    const hidden = new Set();
    for (const [id, nodes] of state.graph.nodes) {
      const hide = nodes.some((node) => hiddenClasses.some((name) => node.classList.contains(name)));
      for (const node of nodes) node.classList.toggle("vs-hidden", hide);
      if (hide) hidden.add(id);
    }
    for (const edge of state.graph.edges) {
      edge.element.classList.toggle("vs-hidden", hidden.has(edge.from) || hidden.has(edge.to));
    }
  }

  function bindFilters(state) {
    const form = document.querySelector(`.vs-filters[data-diagram="${state.container.id}"]`);
    if (!form) return;
    form.hidden = false;
    form.addEventListener("change", () => applyFilters(state, form));
  }

  /* Set-up --------------------------------------------------------------- */

  function setUp(container) {
    const svgs = Array.from(container.querySelectorAll("svg"));
    if (!svgs.length || container.dataset.ready) return null;
    container.dataset.ready = "true";
    const tip = document.createElement("div");
    tip.className = "vs-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    container.append(tip);
    const state = { container, svgs, tip, graph: readGraph(container), active: null, touched: false };
    container.addEventListener("pointerdown", (event) => { state.touched = event.pointerType === "touch"; }, true);
    rebind(state);
    for (const other of container.querySelectorAll("g.node.event")) bindTipOnly(state, other);
    addPanZoom(state);
    bindFilters(state);
    bindStacks(state);
    container.vsState = state;
    return state;
  }

  function visibleNode(state, id) {
    const nodes = state.graph.nodes.get(id);
    return nodes.find((node) => node.getBoundingClientRect().width > 0) || nodes[0];
  }

  async function followDeepLink(states) {
    const match = DEEP_LINK.exec(window.location.hash);
    if (!match) return;
    let state = states.find((s) => s.graph.nodes.has(match[1]));
    if (!state) {  // a component of another stack: show that stack's picture first
      state = states.find((s) => s.stacks);
      const choice = state && Array.from(state.stacks.querySelectorAll("button[data-members]"))
        .find((b) => b.dataset.members.split(" ").includes(match[1]));
      if (!choice) return;
      await showStack(state, choice, state.stacks);
    }
    const node = visibleNode(state, match[1]);
    highlight(state, match[1]);
    node.scrollIntoView({ block: "center" });
    showTip(state, node);
  }

  function currentStates() {
    return Array.from(document.querySelectorAll(".vs-diagram")).map((c) => c.vsState || setUp(c)).filter(Boolean);
  }

  function start() {
    followDeepLink(currentStates());
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
  window.addEventListener("hashchange", () => followDeepLink(currentStates()));
})();
