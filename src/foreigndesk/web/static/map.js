// Map zoom and pan: the SVG's viewBox moves; markers keep their size on screen.
(function () {
  "use strict";
  var svg = document.getElementById("map");
  if (!svg) { return; }
  var W = 3600, H = 1800;
  var vb = [0, 0, W, H];
  var circles = Array.prototype.slice.call(svg.querySelectorAll("circle[data-r]"));
  var labels = Array.prototype.slice.call(svg.querySelectorAll("#labels-layer text"));
  var LABEL_PX = 11;        // label font size on screen
  var LABEL_MIN_AREA = 900; // screen px² a country needs before its name is shown

  // markers keep their size in screen pixels (data-r) whatever the zoom
  function apply() {
    svg.setAttribute("viewBox", vb.map(function (v) { return v.toFixed(1); }).join(" "));
    var r = svg.getBoundingClientRect();
    var k = Math.max(vb[2] / Math.max(1, r.width), vb[3] / Math.max(1, r.height));
    circles.forEach(function (c) {
      c.setAttribute("r", (parseFloat(c.dataset.r) * k).toFixed(2));
      c.style.strokeWidth = ((c.closest(".event") ? 2.5 : 1.2) * k).toFixed(2);
    });
    // country names keep their size on screen; a country too small at this zoom goes unnamed
    labels.forEach(function (t) {
      var shown = parseFloat(t.dataset.area) / (k * k) >= LABEL_MIN_AREA;
      t.style.display = shown ? "" : "none";
      if (shown) { t.setAttribute("font-size", (LABEL_PX * k).toFixed(2)); }
    });
  }
  function set(x, y, w) {
    w = Math.min(W * 1.2, Math.max(20, w));
    var h = w / 2;
    vb = [x, y, w, h];
    apply();
  }
  function zoom(f, cx, cy) {
    if (cx === undefined) { cx = vb[0] + vb[2] / 2; cy = vb[1] + vb[3] / 2; }
    set(cx - (cx - vb[0]) * f, cy - (cy - vb[1]) * f, vb[2] * f);
  }
  function point(ev) {
    var r = svg.getBoundingClientRect();
    var scale = Math.max(vb[2] / r.width, vb[3] / r.height);
    var ox = (r.width - vb[2] / scale) / 2, oy = (r.height - vb[3] / scale) / 2;
    return [vb[0] + (ev.clientX - r.left - ox) * scale, vb[1] + (ev.clientY - r.top - oy) * scale, scale];
  }
  function fit() {
    var pts = circles.filter(function (c) { return c.closest("g").style.display !== "none"; });
    if (!pts.length) { set(0, 0, W); return; }
    var xs = pts.map(function (c) { return parseFloat(c.getAttribute("cx")); });
    var ys = pts.map(function (c) { return parseFloat(c.getAttribute("cy")); });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var w = Math.max(x1 - x0, 2 * (y1 - y0), 300) * 1.3;
    set((x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - w / 4, w);
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = point(ev);
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, p[0], p[1]);
  }, {passive: false});
  var drag = null, moved = false;
  svg.addEventListener("mousedown", function (ev) { drag = [ev.clientX, ev.clientY, vb.slice(), point(ev)[2]]; moved = false; ev.preventDefault(); });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) { return; }
    var dx = ev.clientX - drag[0], dy = ev.clientY - drag[1];
    if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; }
    vb = [drag[2][0] - dx * drag[3], drag[2][1] - dy * drag[3], drag[2][2], drag[2][3]];
    apply();
  });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("resize", apply);
  svg.addEventListener("click", function (ev) { if (moved) { ev.preventDefault(); moved = false; } }, true);
  document.getElementById("map-in").addEventListener("click", function () { zoom(0.6); });
  document.getElementById("map-out").addEventListener("click", function () { zoom(1 / 0.6); });
  document.getElementById("map-fit").addEventListener("click", fit);
  document.getElementById("map-world").addEventListener("click", function () { set(0, 0, W); });
  [["show-places", "places-layer"], ["show-events", "events-layer"]].forEach(function (p) {
    var box = document.getElementById(p[0]), layer = document.getElementById(p[1]);
    box.addEventListener("change", function () { layer.style.display = box.checked ? "" : "none"; });
  });
  fit();
})();
