// Mock interview clock: counts the time left for the current question down once a second (the server renders the
// starting value and records the time taken from its own timestamps, so without this script nothing is lost).
// When the time is up it says so once in a polite live region; the answer is still taken. Ctrl+Enter (Cmd+Enter)
// in the answer box sends the answer.
(function () {
  'use strict';
  var box = document.getElementById('interview-clock');
  var value = document.getElementById('clock-value');
  var status = document.getElementById('clock-status');
  if (box && value) {
    var left = parseInt(box.getAttribute('data-seconds-left'), 10);
    if (!isNaN(left)) {
      var end = Date.now() + left * 1000;
      var show = function () {
        var s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
        value.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
        if (s === 0) {
          if (!box.classList.contains('time-up')) {
            box.classList.add('time-up');
            if (status) {
              status.textContent = status.getAttribute('data-time-up');
            }
          }
          return;
        }
        window.setTimeout(show, 1000 - ((end - Date.now()) % 1000 + 1000) % 1000 || 1000);
      };
      box.setAttribute('data-clock', 'running');
      show();
    }
  }
  var typed = document.getElementById('typed');
  if (typed && typed.tagName === 'TEXTAREA') {
    typed.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && typed.form) {
        e.preventDefault();
        if (typed.form.requestSubmit) {
          typed.form.requestSubmit(document.getElementById('answer-submit'));
        } else {
          typed.form.submit();
        }
      }
    });
  }
}());
