// The reader's side panel: what a highlighted span resolved to and which extractor made it.
// Document data is only ever written with textContent (never as HTML).
(function () {
  "use strict";
  var notesEl = document.getElementById("notes");
  var notes = notesEl ? JSON.parse(notesEl.textContent) : [];
  var byId = {};
  notes.forEach(function (n) { byId[n.id] = n; });
  var body = document.getElementById("panel-body");
  var hint = document.getElementById("panel-hint");
  var text = document.getElementById("text");
  var KIND = {mention: "Actor", time: "Time expression", place: "Place", event: "Event",
              claim: "Claim", quantity: "Figure"};

  function el(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (content !== undefined && content !== null) { e.textContent = String(content); }
    return e;
  }

  function show(ids, span) {
    while (body.firstChild) { body.removeChild(body.firstChild); }
    hint.hidden = true;
    ids.forEach(function (id) {
      var n = byId[id];
      if (!n) { return; }
      var card = el("section", "note k-" + n.kind);
      card.dataset.kind = n.kind;
      card.appendChild(el("h3", null, (KIND[n.kind] || n.kind) + ": " + (n.label || "")));
      card.appendChild(el("blockquote", null, n.text || ""));
      var dl = el("dl");
      (n.fields || []).forEach(function (kv) {
        var row = el("div");
        row.appendChild(el("dt", null, kv[0]));
        row.appendChild(el("dd", null, typeof kv[1] === "object" ? JSON.stringify(kv[1]) : kv[1]));
        dl.appendChild(row);
      });
      card.appendChild(dl);
      var prov = el("p", "prov",
        "made by " + (n.extractor || "?") + " v" + (n.version || "?") +
        (n.confidence !== null && n.confidence !== undefined ? " · confidence " + n.confidence : "") +
        " · sentence " + n.sentence + " · characters " + n.start + "–" + n.end);
      card.appendChild(prov);
      body.appendChild(card);
    });
    document.querySelectorAll("#text .sel").forEach(function (x) { x.classList.remove("sel"); });
    if (span) { span.classList.add("sel"); }
  }

  if (text) {
    text.addEventListener("click", function (ev) {
      var span = ev.target.closest ? ev.target.closest("span.a") : null;
      if (!span) { return; }
      var ids = (span.dataset.a || "").split(" ").filter(Boolean).map(Number);
      var hidden = document.body.className;
      ids = ids.filter(function (i) { return byId[i] && hidden.indexOf("hide-" + byId[i].kind) < 0; });
      if (ids.length) { show(ids, span); }
    });
  }
  document.querySelectorAll("#legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
  });
  function focusHash() {
    var m = /^#s(\d+)$/.exec(location.hash);
    if (!m) { return; }
    var s = document.getElementById("s" + m[1]);
    if (s) { s.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", focusHash);
  focusHash();
})();
