// The question editor's live preview: while the editor types, the form is posted to the preview endpoint, which
// renders the draft with the same renderer learners see; the "Preview" button keeps working without this script.
(function () {
  var form = document.getElementById('editor-form');
  var target = document.getElementById('preview');
  if (!form || !target || !window.fetch) {
    return;
  }
  var timer = null;
  var sent = 0;
  function refresh() {
    var body = new URLSearchParams(new FormData(form));
    var mine = ++sent;
    fetch(form.getAttribute('data-preview'), {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'}
    }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html !== null && mine === sent) {
        target.innerHTML = html;
      }
    }).catch(function () { /* the Preview button still works */ });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();
