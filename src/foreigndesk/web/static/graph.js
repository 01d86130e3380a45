// Actor network: hovering a node brings out its edges.
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  if (!svg) { return; }
  var lines = Array.prototype.slice.call(svg.querySelectorAll(".edges line"));
  svg.querySelectorAll(".node").forEach(function (n) {
    n.addEventListener("mouseenter", function () {
      var k = n.dataset.key;
      svg.classList.add("focus");
      lines.forEach(function (l) {
        l.classList.toggle("hot", l.dataset.a === k || l.dataset.b === k);
      });
      n.classList.add("hot");
    });
    n.addEventListener("mouseleave", function () {
      svg.classList.remove("focus");
      n.classList.remove("hot");
      lines.forEach(function (l) { l.classList.remove("hot"); });
    });
  });
})();
