// Keyboard-first study: Space/Enter reveals, 1-4 grade, u or Ctrl+Z undoes. Every key maps to a visible
// button or form, so the page works the same without this script. Keys typed into a field never act.
(function () {
  'use strict';
  var root = document.querySelector('[data-study]');
  if (!root) { return; }
  var shownAt = Date.now();

  function typing(target) {
    if (!target) { return false; }
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function click(selector) {
    var el = root.querySelector(selector);
    if (el && !el.disabled) { el.click(); return true; }
    return false;
  }

  // How long the learner looked at the card goes with the grade (capped: a card left open overnight is not 8 h).
  root.querySelectorAll('form[data-grade-form]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var field = form.querySelector('input[name="durationMs"]');
      if (field) { field.value = String(Math.min(Date.now() - shownAt, 600000)); }
    });
  });

  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.altKey || e.metaKey) { return; }
    var undo = (e.key === 'z' || e.key === 'Z') && e.ctrlKey;
    if (typing(e.target) && !undo) {
      // Ctrl+Enter in a text box submits it (reveals or checks), like Anki's type-in box
      if (e.key === 'Enter' && e.ctrlKey && e.target.form) { e.preventDefault(); e.target.form.requestSubmit(); }
      return;
    }
    if (e.ctrlKey && !undo) { return; }
    var state = root.getAttribute('data-state');
    var handled = false;
    if (undo || e.key === 'u' || e.key === 'U') {
      handled = click('[data-action="undo"]');
    } else if (state === 'question' && (e.key === ' ' || e.key === 'Enter')) {
      if (e.target && e.target.tagName === 'BUTTON') { return; } // the focused button does its own thing
      handled = click('[data-action="reveal"]');
    } else if (state === 'answer' && /^[1-4]$/.test(e.key)) {
      handled = click('[data-rating="' + e.key + '"]');
    } else if (state === 'answer' && (e.key === ' ' || e.key === 'Enter')) {
      if (e.target && e.target.tagName === 'BUTTON') { return; }
      handled = click('[data-default-rating]');
    }
    if (handled) { e.preventDefault(); }
  });

  // After a reveal, focus goes to the answer so screen readers read it first.
  var answer = root.querySelector('[data-focus-on-load]');
  if (answer) { answer.focus(); }
})();
