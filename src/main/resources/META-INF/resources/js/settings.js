// The settings page: until the learner has chosen a time zone (the server marks the field), propose the browser's.
// Without this script the field shows the stored zone (UTC by default) and works the same.
(function () {
  'use strict';
  var field = document.getElementById('f-timeZone');
  if (!field || !field.hasAttribute('data-preset-from-browser')) {
    return;
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone || zone === field.value) {
    return;
  }
  // only a zone the server knows: it validates the field against the same list
  var known = Array.prototype.some.call(document.querySelectorAll('#zone-list option'), function (option) {
    return option.value === zone;
  });
  if (!known) {
    return;
  }
  field.value = zone;
  var note = document.getElementById('f-timeZone-preset');
  if (note) {
    note.hidden = false;
    field.setAttribute('aria-describedby', field.getAttribute('aria-describedby') + ' ' + note.id);
  }
}());
