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
