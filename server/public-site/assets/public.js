// Quick exit: leave at once for a neutral site and replace this page in the history, so
// the Back button does not return here. Also on the Esc key. Without JavaScript the
// quick-exit link still leaves (it is a plain link to the same neutral site).
(function () {
  'use strict';
  var script = document.currentScript;
  var target = (script && script.getAttribute('data-quick-exit-url')) || 'https://www.google.com/';
  function leave(event) {
    if (event) event.preventDefault();
    document.body.innerHTML = '';
    document.title = '';
    window.location.replace(target);
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('quick-exit');
    if (button) button.addEventListener('click', leave);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') leave(event);
  });
})();
