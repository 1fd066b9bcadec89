// The answer form of a study card, by keyboard: focus starts on the answer field or the first option, keys 1-9
// pick options, and Space/Enter (or Check) on an empty answer does not send it: the page says what to do instead
// ("I don't know" still shows the answer). Without this script the form works as it is. js/study.js does the rest
// (reveal, grades 1-4, undo); it ignores a key this script has handled (defaultPrevented).
(function () {
  'use strict';

  function form() { return document.querySelector('form[data-quiz-form]'); }

  function options(f) { return Array.prototype.slice.call(f.querySelectorAll('input[name="choice"], input[name="truth"]')); }

  function isOption(el) { return el && el.tagName === 'INPUT' && (el.type === 'radio' || el.type === 'checkbox'); }

  function isTextField(el) {
    if (!el) { return false; }
    var tag = el.tagName;
    return tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && !isOption(el)) || el.isContentEditable;
  }

  // Flashcards take an empty answer (the typed one is optional); quiz questions need one.
  function empty(f) {
    if (!f.hasAttribute('data-quiz-graded')) { return false; }
    var opts = options(f);
    if (opts.length) { return !opts.some(function (o) { return o.checked; }); }
    var typed = f.querySelector('[name="typed"]');
    if (typed) { return typed.value.trim() === ''; }
    var selects = Array.prototype.slice.call(f.querySelectorAll('select[name="match"]'));
    return selects.length > 0 && selects.every(function (s) { return s.value === '-1'; });
  }

  function hint(f, show) {
    var box = f.querySelector('[data-quiz-hint]');
    if (box) { box.textContent = show ? box.getAttribute('data-empty') : ''; }
  }

  function focusFirstField() {
    var f = form();
    var first = f && f.querySelector('[autofocus]');
    if (first && document.activeElement !== first) { first.focus(); }
  }

  document.addEventListener('keydown', function (e) {
    var f = form();
    if (!f || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (/^[1-9]$/.test(e.key) && !isTextField(t)) {
      var option = options(f)[Number(e.key) - 1];
      if (option) {
        e.preventDefault();
        option.checked = option.type === 'radio' ? true : !option.checked;
        option.focus();
        hint(f, false);
      }
      return;
    }
    var submits = e.key === 'Enter' ? !(t && t.tagName === 'TEXTAREA') : e.key === ' ' && !isOption(t) && !isTextField(t);
    if (submits && empty(f) && !(t && t.hasAttribute && t.hasAttribute('data-quiz-skip'))) {
      e.preventDefault();
      hint(f, true);
    }
  }, true);

  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (!f.matches || !f.matches('form[data-quiz-form]')) { return; }
    if (e.submitter && e.submitter.hasAttribute('data-quiz-skip')) { return; }
    if (empty(f)) { e.preventDefault(); hint(f, true); }
  }, true);

  document.addEventListener('input', function (e) {
    var f = form();
    if (f && f.contains(e.target)) { hint(f, false); }
  });

  // js/study.js shows the next card in place after a grade; autofocus only works on a page load.
  new MutationObserver(function (records) {
    var replaced = records.some(function (r) {
      return Array.prototype.some.call(r.addedNodes, function (n) { return n.tagName === 'MAIN'; });
    });
    if (replaced) { focusFirstField(); }
  }).observe(document.body, { childList: true });
})();
