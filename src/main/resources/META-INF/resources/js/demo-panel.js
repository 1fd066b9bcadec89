// Progressive enhancement for question pages: each [data-demo-id] item gets a "Run demo" button that runs
// the demo's small preset through the JSON API and shows the result table, the claims and the proof text
// inline, in a polite live region. Without JavaScript the item stays a link to the demo page (which works
// with a form). While a run waits in the server's line, its position is polled and shown; on the demo page
// itself the form post goes on as usual and the page shows the position until the answer arrives.
// All output is set with textContent: nothing from the server is parsed as HTML.
(function () {
  "use strict";
  var lang = document.documentElement.lang === "ru" ? "ru" : "en";
  // the words come from the page (tags/demoPanelTexts.html, the demo bundle in the page's language)
  var t = {};
  document.querySelectorAll("#demo-panel-texts [data-key]").forEach(function (li) {
    t[li.getAttribute("data-key")] = li.textContent;
  });
  if (!t.run) { return; } // a page without the texts: its demo links stay plain links

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function fmt(v) {
    if (typeof v === "number") { return v.toLocaleString(lang === "ru" ? "ru-RU" : "en-US"); }
    if (typeof v === "boolean") { return v ? t.yes : t.no; }
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
    if (res.claims && res.claims.length) {
      out.appendChild(el("h3", t.claims));
      var list = el("ul", null, "demo-claims");
      res.claims.forEach(function (c) {
        var li = el("li", null, c.holds ? "claim-holds" : "claim-fails");
        li.appendChild(el("strong", (c.holds ? t.holds : t.fails) + ": "));
        li.appendChild(document.createTextNode(c.statement[lang] + ". "));
        li.appendChild(el("span", c.evidence[lang], "muted"));
        list.appendChild(li);
      });
      out.appendChild(list);
    }
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

  // Polls where this client's run stands and writes it into `out` until stop() is called.
  function watchQueue(url, out) {
    var timer = null;
    var stopped = false;
    function poll() {
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (q) {
          if (stopped || !q) { return; }
          if (q.state === "waiting") {
            out.textContent = t.waiting.replace("#P", q.position).replace("#N", q.waiting);
          } else if (q.state === "running") {
            out.textContent = t.running;
          }
        }).catch(function () {})
        .then(function () { if (!stopped) { timer = setTimeout(poll, 1000); } });
    }
    timer = setTimeout(poll, 300);
    return function stop() { stopped = true; if (timer) { clearTimeout(timer); } };
  }

  function run(id, button, out) {
    button.disabled = true;
    out.textContent = t.running;
    var stopWatching = watchQueue("/api/v1/demos/queue", out);
    fetch("/api/v1/demos/" + encodeURIComponent(id) + "/runs", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ preset: "small" })
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (r) {
      stopWatching();
      if (r.ok) { render(out, r.body); } else { out.textContent = t.failed + ": " + (r.body.detail || r.body.title); }
    }).catch(function () {
      stopWatching();
      out.textContent = t.failed;
    }).then(function () {
      button.disabled = false;
    });
  }

  // The demo page: its forms post as usual; meanwhile the page shows the run's place in the line.
  var status = document.getElementById("demo-queue-status");
  if (status) {
    document.querySelectorAll("form.demo-run-form").forEach(function (form) {
      form.addEventListener("submit", function () {
        status.textContent = t.running;
        watchQueue("/demos/queue", status);
      });
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
