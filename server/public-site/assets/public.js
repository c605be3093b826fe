// The public site's only script; every page works without it.
// 1. Quick exit: leave at once for a neutral site and replace this page in the history, so
//    the Back button does not return here. Also on the Esc key. Without JavaScript the
//    quick-exit control is a plain link to the same neutral site.
// 2. The report form's proof of work: before sending, find a nonce so that
//    SHA-256(challenge + ":" + nonce) starts with the required zero bits (a second or less on
//    a phone); costly for a flood, free of third parties. Without JavaScript the form is
//    accepted after a short wait instead (see server/hotline/pow.ts).
(function () {
  'use strict';
  var script = document.currentScript;
  var target = (script && script.getAttribute('data-quick-exit-url')) || 'https://www.google.com/';

  function leave(event) {
    if (event) event.preventDefault();
    window.dispatchEvent(new Event('bezbedno:quick-exit')); // an open chat stops and forgets itself
    try {
      window.sessionStorage.clear(); // an open chat leaves no trace in this tab
    } catch (e) {
      // storage may be disabled
    }
    document.body.innerHTML = '';
    document.title = '';
    window.location.replace(target);
  }

  function zeroBits(hex) {
    var bits = 0;
    for (var i = 0; i < hex.length; i++) {
      var nibble = parseInt(hex[i], 16);
      if (nibble === 0) { bits += 4; continue; }
      return bits + (nibble < 2 ? 3 : nibble < 4 ? 2 : nibble < 8 ? 1 : 0);
    }
    return bits;
  }

  function solve(challenge, difficulty, done) {
    var n = 0;
    function chunk() {
      var end = n + 5000;
      for (; n < end; n++) {
        var nonce = n.toString(36);
        if (zeroBits(window.sha256(challenge + ':' + nonce)) >= difficulty) return done(nonce);
      }
      setTimeout(chunk, 0); // keep the page responsive
    }
    chunk();
  }

  function enhanceReportForm(form) {
    var difficulty = Number(form.getAttribute('data-pow'));
    if (!difficulty || typeof window.sha256 !== 'function') return;
    var isSolved = false;
    form.addEventListener('submit', function (event) {
      if (isSolved) return;
      event.preventDefault();
      var status = form.querySelector('.pow-status');
      var button = form.querySelector('button[type="submit"]');
      if (status) status.textContent = status.getAttribute('data-sending') || '';
      if (button) button.disabled = true;
      solve(form.elements.powChallenge.value, difficulty, function (nonce) {
        form.elements.powNonce.value = nonce;
        isSolved = true;
        form.submit();
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var controls = document.querySelectorAll('.quick-exit');
    for (var i = 0; i < controls.length; i++) controls[i].addEventListener('click', leave);
    var form = document.querySelector('form[data-pow]');
    if (form) enhanceReportForm(form);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') leave(event);
  });
})();
