// The import form: a deck id suggested from the file's name, and large files uploaded with a progress bar.
// A static file, not an inline script: the pages' Content-Security-Policy allows no inline scripts.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form) { return; }
  var deck = document.getElementById('import-deck');
  var suggested = '';

  // The same rule as the server (ImportText.deckIdFromFileName): lower-case a-z, 0-9 and '-', at most 100.
  function deckIdFrom(fileName) {
    var base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,8}$/, '').toLowerCase();
    var id = base.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').substring(0, 100).replace(/-+$/, '');
    return id || 'deck';
  }

  form.elements.file.addEventListener('change', function () {
    var file = form.elements.file.files && form.elements.file.files[0];
    // a deck id the instructor typed is kept; only an empty or earlier suggested one is replaced
    if (file && deck && (deck.value === '' || deck.value === suggested)) {
      suggested = deckIdFrom(file.name);
      deck.value = suggested;
    }
  });

  // Large files: show the upload progress, then show the server's preview page.
  document.getElementById('import-form').addEventListener('submit', function (event) {
    var form = event.target;
    var file = form.elements.file.files && form.elements.file.files[0];
    var tooLarge = document.getElementById('import-too-large');
    tooLarge.hidden = !(file && file.size > Number(form.dataset.maxBytes));
    if (!tooLarge.hidden) { event.preventDefault(); return; } // the server would refuse it after the whole upload
    if (!window.XMLHttpRequest || !window.FormData) { return; }
    event.preventDefault();
    var box = document.getElementById('import-progress');
    var bar = box.querySelector('progress');
    box.hidden = false;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.onprogress = function (e) { if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); } };
    xhr.onload = function () { document.open(); document.write(xhr.responseText); document.close(); };
    xhr.onerror = function () { form.submit(); };
    xhr.send(new FormData(form));
  });
})();
