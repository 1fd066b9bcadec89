// Progressive enhancement for question pages: each [data-demo-id] item gets a "Run demo" button that runs
// the demo's small preset through the JSON API and shows the result table and proof text inline, in a
// polite live region. Without JavaScript the item stays a link to the demo page (which works with a form).
// All output is set with textContent: nothing from the server is parsed as HTML.
(function () {
  "use strict";
  var lang = document.documentElement.lang === "ru" ? "ru" : "en";
  var t = {
    ru: { run: "Запустить демо", running: "Выполняется…", proof: "Что доказывает этот результат",
          measured: "Измерено", cached: "из кэша", fresh: "измерено сейчас", failed: "Не удалось запустить демо",
          go: "Сравнение с Go", ms: "мс" },
    en: { run: "Run demo", running: "Running…", proof: "What this output proves",
          measured: "Measured", cached: "from the cache", fresh: "measured now", failed: "The demo could not run",
          go: "Go comparison", ms: "ms" }
  }[lang];

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function fmt(v) {
    if (typeof v === "number") { return v.toLocaleString(lang === "ru" ? "ru-RU" : "en-US"); }
    if (typeof v === "boolean") { return lang === "ru" ? (v ? "да" : "нет") : (v ? "yes" : "no"); }
    return String(v);
  }

  function table(rows, unitSuffix) {
    var tbl = el("table");
    var body = el("tbody");
    rows.forEach(function (r) {
      var tr = el("tr");
      tr.appendChild(el("td", r.label[lang]));
      tr.appendChild(el("td", fmt(r.value) + (unitSuffix || (r.unit ? " " + r.unit : ""))));
      body.appendChild(tr);
    });
    tbl.appendChild(body);
    return tbl;
  }

  function render(out, res) {
    out.textContent = "";
    out.appendChild(el("p", t.measured + " " + new Date(res.measuredAt).toLocaleString() + " · " +
        res.durationMs + " " + t.ms + " · " + (res.cached ? t.cached : t.fresh), "muted"));
    if (res.rows.length) { out.appendChild(table(res.rows)); }
    if (res.ratios.length) { out.appendChild(table(res.ratios, "×")); }
    out.appendChild(el("h3", t.proof));
    out.appendChild(el("p", res.proof[lang], "demo-proof"));
    if (res.goComparison) {
      out.appendChild(el("h3", t.go));
      out.appendChild(el("p", res.goComparison.note[lang]));
      if (res.goComparison.rows.length) { out.appendChild(table(res.goComparison.rows)); }
    }
    var env = res.environment;
    out.appendChild(el("p", "JDK " + env.jdk + " · " + env.os + " " + env.osVersion + " · CPUs: " + env.cpus, "muted"));
  }

  function run(id, button, out) {
    button.disabled = true;
    out.textContent = t.running;
    fetch("/api/v1/demos/" + encodeURIComponent(id) + "/runs", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ preset: "small" })
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (r) {
      if (r.ok) { render(out, r.body); } else { out.textContent = t.failed + ": " + (r.body.detail || r.body.title); }
    }).catch(function () {
      out.textContent = t.failed;
    }).then(function () {
      button.disabled = false;
    });
  }

  document.querySelectorAll("[data-demo-id]").forEach(function (item) {
    var id = item.getAttribute("data-demo-id");
    var button = el("button", t.run, "secondary demo-run");
    button.type = "button";
    var out = el("div", null, "demo-inline");
    out.setAttribute("aria-live", "polite");
    button.addEventListener("click", function () { run(id, button, out); });
    item.appendChild(document.createTextNode(" "));
    item.appendChild(button);
    item.appendChild(out);
  });
})();
