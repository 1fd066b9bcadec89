// The optimize page's progress bar: polls the fit's progress and reloads the page (server-rendered results) when it
// has finished. Without this script the page offers a Refresh link.
(function () {
  'use strict';
  var root = document.querySelector('[data-fit]');
  if (!root || root.getAttribute('data-fit-status') !== 'running') { return; }
  var bar = document.getElementById('fit-progress');
  var url = '/settings/parameters/' + encodeURIComponent(root.getAttribute('data-fit')) + '/progress';

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) { return; }
        if (p.status !== 'running') { window.location.reload(); return; }
        if (bar) { bar.value = p.percent; bar.textContent = p.percent + '%'; }
        window.setTimeout(poll, 400);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 300);
}());
