// Keyboard-first study: Space/Enter reveals, 1-4 grade, u or Ctrl+Z undoes. Every key maps to a visible
// button or form, so the page works the same without this script. Keys typed into a field never act.
// A grade goes out with fetch and its response is the next card, shown in place: one request per answer
// (without JavaScript the form posts and follows the redirect to the next card).
// The done page counts down to the next learning card and then shows it in place (without JavaScript, a reload).
(function () {
  'use strict';
  if (!document.querySelector('[data-study]')) { return; }
  var shownAt = Date.now();
  var sending = false;
  var countdown = null;

  function root() { return document.querySelector('[data-study]'); }

  function typing(target) {
    if (!target) { return false; }
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function click(selector) {
    var el = root().querySelector(selector);
    if (el && !el.disabled) { el.click(); return true; }
    return false;
  }

  // The next card's page replaces this one's content; the address becomes the one a reload shows.
  function showNext(html, location) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    var main = page.querySelector('main');
    if (!main) { return false; }
    document.querySelector('main').replaceWith(document.adoptNode(main));
    document.title = page.title;
    if (location) { history.replaceState(null, '', location); }
    shownAt = Date.now();
    bind();
    document.querySelector('main').focus();
    return true;
  }

  function gradeInPlace(form, submitter) {
    var data = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    sending = true;
    return fetch(form.action, {
      method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-Study-Next': 'card' }
    }).then(function (response) {
      if (!response.ok || response.redirected) { throw new Error('HTTP ' + response.status); } // e.g. signed out
      return response.text().then(function (html) {
        if (!showNext(html, response.headers.get('Content-Location'))) { throw new Error('no page'); }
      });
    }).catch(function () {
      // the same review id again is harmless: the plain form post shows whatever the server has
      if (submitter && submitter.name) {
        var field = document.createElement('input');
        field.type = 'hidden'; field.name = submitter.name; field.value = submitter.value;
        form.appendChild(field);
      }
      HTMLFormElement.prototype.submit.call(form);
    }).finally(function () { sending = false; });
  }

  function twoDigits(n) { return (n < 10 ? '0' : '') + n; }

  // Counts down to the moment the server will show the next learning card, then asks for it. The server decides
  // (its clock, the learn-ahead limit): if nothing is ready yet, its done page brings a fresh countdown.
  function startCountdown() {
    if (countdown) { clearInterval(countdown); countdown = null; }
    var el = root().querySelector('[data-countdown]');
    if (!el || !window.fetch || !window.DOMParser) { return; }
    var endAt = Date.now() + Math.max(1, Number(el.getAttribute('data-countdown'))) * 1000;
    var text = el.querySelector('.countdown');
    function tick() {
      var left = Math.max(0, Math.ceil((endAt - Date.now()) / 1000));
      if (text) {
        text.textContent = Math.floor(left / 3600) > 0
          ? Math.floor(left / 3600) + ':' + twoDigits(Math.floor(left / 60) % 60) + ':' + twoDigits(left % 60)
          : Math.floor(left / 60) + ':' + twoDigits(left % 60);
      }
      if (left > 0) { return; }
      clearInterval(countdown); countdown = null;
      var url = el.getAttribute('data-next');
      fetch(url, { credentials: 'same-origin' }).then(function (response) {
        if (!response.ok || response.redirected) { throw new Error('HTTP ' + response.status); }
        return response.text();
      }).then(function (html) {
        showNext(html, url);
      }).catch(function () {
        location.assign(url); // e.g. signed out meanwhile: the plain page says what to do
      });
    }
    tick();
    countdown = setInterval(tick, 1000);
  }

  function bind() {
    startCountdown();
    // How long the learner looked at the card goes with the grade (capped: a card left open overnight is not 8 h).
    root().querySelectorAll('form[data-grade-form]').forEach(function (form) {
      form.addEventListener('submit', function (e) {
        var field = form.querySelector('input[name="durationMs"]');
        if (field) { field.value = String(Math.min(Date.now() - shownAt, 600000)); }
        if (!window.fetch || !window.DOMParser) { return; }
        e.preventDefault();
        if (!sending) { gradeInPlace(form, e.submitter); }
      });
    });
    // After a reveal, focus goes to the answer so screen readers read it first.
    var answer = root().querySelector('[data-focus-on-load]');
    if (answer) { answer.focus(); }
  }

  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.altKey || e.metaKey || sending) { return; }
    var undo = (e.key === 'z' || e.key === 'Z') && e.ctrlKey;
    if (typing(e.target) && !undo) {
      // Ctrl+Enter in a text box submits it (reveals or checks), like Anki's type-in box
      if (e.key === 'Enter' && e.ctrlKey && e.target.form) { e.preventDefault(); e.target.form.requestSubmit(); }
      return;
    }
    if (e.ctrlKey && !undo) { return; }
    if (!root()) { return; }
    var state = root().getAttribute('data-state');
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

  bind();
})();
