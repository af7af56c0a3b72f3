/* Installing the guide: the browser's own install prompt where it offers one, and the
 * Share > Add to Home Screen steps on iPhone and iPad, where there is no prompt. */
'use strict';

(function () {
  var button = document.getElementById('install-app');
  var iosSteps = document.getElementById('install-ios');
  if (!button || !iosSteps) return;
  var offered = null;
  var standalone = window.matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;

  window.addEventListener('beforeinstallprompt', function (event) {
    event.preventDefault();
    offered = event;
    button.hidden = false;
  });
  button.addEventListener('click', function () {
    if (!offered) return;
    offered.prompt();
    offered.userChoice.then(function () {
      offered = null;
      button.hidden = true;
    });
  });
  window.addEventListener('appinstalled', function () { button.hidden = true; });

  var apple = /iPhone|iPad|iPod/.test(navigator.userAgent)
    || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1); // iPadOS says "Mac"
  iosSteps.hidden = !apple || standalone;
}());
