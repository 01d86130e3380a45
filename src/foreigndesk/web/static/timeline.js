// Zoomable timeline: an SVG time axis drawn from the page's JSON data; wheel zooms around
// the pointer, dragging pans, the buttons and the from/to inputs set the range. Each item
// is a link to its sentence in the reader. Text goes in with textContent only.
(function () {
  "use strict";
  var box = document.getElementById("tl");
  var dataEl = document.getElementById("tl-data");
  if (!box || !dataEl) { return; }
  var items = JSON.parse(dataEl.textContent);
  if (!items.length) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var MIN_SPAN = 1 / 52;
  var lo = Math.min.apply(null, items.map(function (d) { return d.t0; }));
  var hi = Math.max.apply(null, items.map(function (d) { return d.t1; }));
  var pad = Math.max((hi - lo) * 0.03, 0.5);
  var full = [lo - pad, hi + pad];
  // open on the span of the items: from the earliest to the latest, where a coarse period
  // that runs on past today ("the 2020s") ends today rather than at its far end
  var today = new Date();
  var now = today.getFullYear() + (today.getMonth() + today.getDate() / 31) / 12;
  var openHi = Math.max.apply(null, items.map(function (d) {
    return Math.min(d.t1, Math.max(d.t0, now));
  }));
  var openPad = Math.max((openHi - lo) * 0.03, 0.5);
  var view = [lo - openPad, openHi + openPad];
  var svg = document.createElementNS(NS, "svg");
  svg.setAttribute("class", "tl-svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "timeline");
  box.appendChild(svg);
  var fromIn = document.getElementById("tl-from");
  var toIn = document.getElementById("tl-to");
  var rows = document.querySelectorAll("#tl-list tbody tr");
  var rowOf = {};
  rows.forEach(function (tr) { rowOf[tr.dataset.i] = tr; });
  var M = {left: 136, right: 16, top: 28, row: 15};
  var LANES = [["event", "Events"], ["time", "Dated statements"]];
  var dragged = false;

  function node(tag, attrs, parent) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function width() { return Math.max(480, box.clientWidth); }
  function x(t, w) { return M.left + (t - view[0]) / (view[1] - view[0]) * (w - M.left - M.right); }

  function ticks(w) {
    var span = view[1] - view[0];
    var px = w - M.left - M.right;
    var steps = [1 / 12, 1 / 4, 1 / 2, 1, 2, 5, 10, 20, 25, 50, 100];
    var step = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) {
      if (px / (span / steps[i]) >= 70) { step = steps[i]; break; }
    }
    var out = [];
    var t = Math.ceil(view[0] / step - 1e-9) * step;
    for (; t <= view[1]; t += step) {
      var y = Math.floor(t + 1e-9);
      var m = Math.round((t - y) * 12);
      var label = step >= 1 ? String(y) : (m === 0 ? String(y) :
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m]);
      out.push([t, label, m === 0]);
    }
    return out;
  }

  function draw() {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var w = width();
    var laneRows = {};
    var placed = [];
    LANES.forEach(function (lane) {
      var ends = [];
      items.forEach(function (d) {
        if (d.kind !== lane[0] || d.t1 < view[0] || d.t0 > view[1]) { return; }
        var x0 = Math.max(x(d.t0, w), M.left), x1 = Math.max(x(d.t1, w), x0 + 9);
        var r = 0;
        while (r < ends.length && ends[r] > x0 - 2) { r++; }
        if (r >= 10) { r = 9; }
        ends[r] = x1;
        placed.push([d, lane[0], r, x0, x1]);
      });
      laneRows[lane[0]] = Math.max(1, ends.length);
    });
    var y = M.top;
    var laneTop = {};
    LANES.forEach(function (lane) {
      laneTop[lane[0]] = y + 12;
      y += 12 + laneRows[lane[0]] * M.row + 18;
    });
    var h = y + 4;
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    svg.setAttribute("width", w);
    svg.setAttribute("height", h);
    node("rect", {x: M.left, y: M.top - 6, width: w - M.left - M.right, height: h - M.top, class: "tl-bg"}, svg);
    ticks(w).forEach(function (tk) {
      var tx = x(tk[0], w);
      node("line", {x1: tx, x2: tx, y1: M.top - 6, y2: h - 4, class: tk[2] ? "tl-grid major" : "tl-grid"}, svg);
      var lab = node("text", {x: tx + 3, y: M.top - 10, class: "tl-tick"}, svg);
      lab.textContent = tk[1];
    });
    LANES.forEach(function (lane) {
      var t = node("text", {x: 8, y: laneTop[lane[0]] + 10, class: "tl-lane"}, svg);
      t.textContent = lane[1];
      node("line", {x1: 0, x2: w, y1: laneTop[lane[0]] - 8, y2: laneTop[lane[0]] - 8, class: "tl-sep"}, svg);
    });
    var defs = node("defs", {}, svg);
    var clip = node("clipPath", {id: "tl-clip"}, defs);
    node("rect", {x: M.left - 5, y: 0, width: w - M.left - M.right + 10, height: h}, clip);
    var layer = node("g", {"clip-path": "url(#tl-clip)"}, svg);
    placed.forEach(function (p) {
      var d = p[0], cy = laneTop[p[1]] + p[2] * M.row + 6;
      var a = node("a", {class: d.kind === "event" ? "tl-item ev q" + d.quad : "tl-item tm",
                         "data-i": d.id}, layer);
      if (d.href) { a.setAttribute("href", d.href); }
      var title = node("title", {}, a);
      var row = rowOf[d.id];
      title.textContent = d.date + " · " + d.label + (row ? "\n" + row.cells[2].textContent.trim() +
        "\n— " + row.cells[3].textContent.trim() : "");
      if (p[4] - p[3] > 10) {
        node("rect", {x: p[3], y: cy - 5, width: p[4] - p[3], height: 10, rx: 4, class: "span"}, a);
      }
      node("circle", {cx: Math.min(p[3] + 4.5, p[4] - 4.5) , cy: cy, r: 4.5}, a);
    });
    if (fromIn && document.activeElement !== fromIn) { fromIn.value = view[0].toFixed(2); }
    if (toIn && document.activeElement !== toIn) { toIn.value = view[1].toFixed(2); }
    rows.forEach(function (tr) {
      var t0 = parseFloat(tr.dataset.t0), t1 = parseFloat(tr.dataset.t1);
      var hide = t1 < view[0] || t0 > view[1];
      if (tr.hidden !== hide) { tr.hidden = hide; }
    });
  }

  function setView(a, b) {
    if (b - a < MIN_SPAN) { var c = (a + b) / 2; a = c - MIN_SPAN / 2; b = c + MIN_SPAN / 2; }
    var maxSpan = (full[1] - full[0]) * 1.5;
    if (b - a > maxSpan) { var m = (a + b) / 2; a = m - maxSpan / 2; b = m + maxSpan / 2; }
    view = [a, b];
    draw();
  }
  function zoom(factor, at) {
    var c = at === undefined ? (view[0] + view[1]) / 2 : at;
    setView(c - (c - view[0]) * factor, c + (view[1] - c) * factor);
  }
  function timeAt(clientX) {
    var rect = svg.getBoundingClientRect();
    var w = width();
    var px = (clientX - rect.left) * (w / rect.width);
    return view[0] + (px - M.left) / (w - M.left - M.right) * (view[1] - view[0]);
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, timeAt(ev.clientX));
  }, {passive: false});
  var start = null;
  svg.addEventListener("mousedown", function (ev) { start = [ev.clientX, view.slice()]; dragged = false; });
  window.addEventListener("mousemove", function (ev) {
    if (!start) { return; }
    var dx = ev.clientX - start[0];
    if (Math.abs(dx) > 3) { dragged = true; }
    if (!dragged) { return; }
    var rect = svg.getBoundingClientRect();
    var per = (start[1][1] - start[1][0]) / Math.max(1, rect.width - M.left - M.right);
    view = [start[1][0] - dx * per, start[1][1] - dx * per];
    draw();
  });
  window.addEventListener("mouseup", function () { start = null; });
  svg.addEventListener("click", function (ev) { if (dragged) { ev.preventDefault(); dragged = false; } }, true);
  document.getElementById("tl-in").addEventListener("click", function () { zoom(0.6); });
  document.getElementById("tl-out").addEventListener("click", function () { zoom(1 / 0.6); });
  document.getElementById("tl-fit").addEventListener("click", function () { setView(full[0], full[1]); });
  function fromInputs() {
    var a = parseFloat(fromIn.value), b = parseFloat(toIn.value);
    if (isFinite(a) && isFinite(b) && b > a) { setView(a, b); }
  }
  fromIn.addEventListener("change", fromInputs);
  toIn.addEventListener("change", fromInputs);
  window.addEventListener("resize", draw);
  draw();
})();
