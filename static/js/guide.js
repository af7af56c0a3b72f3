/* School Safety Guide: offline copy, update prompt, remembered language.
 * Only adds to the page: with scripts off the guide still reads and navigates. Texts come from
 * the page's own data-* attributes, so they are already in the page's language. */
'use strict';

(function () {
  var STORAGE_KEY = 'guide-language';
  var language = document.body.getAttribute('data-language');

  function remember(code) {
    try {
      window.localStorage.setItem(STORAGE_KEY, code);
    } catch (error) {
      /* Storage can be off (private mode); the guide works without it. */
    }
  }

  remember(language);
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-save-language]');
    if (link) remember(link.getAttribute('data-save-language'));
  });

  // The lockdown screen stays quiet: it starts no download and no update check of its own.
  if (!('serviceWorker' in navigator) || document.body.getAttribute('data-network') === 'quiet') return;

  var statusLine = document.getElementById('offline-status');
  var progress = document.getElementById('offline-progress');
  var updateBox = document.getElementById('update-ready');
  var updateButton = document.getElementById('update-reload');
  var hadController = Boolean(navigator.serviceWorker.controller);
  var reloading = false;

  function showStatus(state) {
    statusLine.textContent = statusLine.getAttribute('data-' + state);
    statusLine.setAttribute('data-state', state);
    statusLine.hidden = false;
  }

  navigator.serviceWorker.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.language !== language) return;
    if (data.type === 'SAVE_PROGRESS') {
      // Progress shows only while something is really being downloaded.
      if (!data.downloaded) return;
      progress.max = data.total;
      progress.value = data.done;
      progress.hidden = data.done >= data.total;
      if (data.done < data.total && statusLine.getAttribute('data-state') !== 'saving') showStatus('saving');
    } else if (data.type === 'SAVED') {
      progress.hidden = true;
      // Say "ready" when this visit saved something; an already saved guide stays quiet.
      if (data.downloaded > 0) showStatus('ready');
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().catch(function () { /* a refusal is fine */ });
      }
    } else if (data.type === 'SAVE_FAILED') {
      progress.hidden = true;
      showStatus('failed');
    }
  });

  function offerUpdate(registration) {
    if (!registration.waiting || !navigator.serviceWorker.controller) return;
    updateBox.hidden = false;
    updateButton.onclick = function () {
      updateButton.disabled = true;
      registration.waiting.postMessage({ type: 'SKIP_WAITING' });
    };
  }

  // After an update is taken, every open tab reloads, so no tab keeps showing the old version.
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (!hadController || reloading) {
      hadController = true;
      return;
    }
    reloading = true;
    window.location.reload();
  });

  function saveLanguage(registration) {
    var message = { type: 'SAVE_LANGUAGE', language: language };
    // A waiting update saves it too, so the new version keeps this language offline.
    [registration.active, registration.waiting].forEach(function (worker) {
      if (worker) worker.postMessage(message);
    });
  }

  // Trusted Types (required by the CSP): the only script address this page ever hands over.
  function workerUrl() {
    if (!window.trustedTypes || !window.trustedTypes.createPolicy) return '/sw.js';
    return window.trustedTypes.createPolicy('guide-sw', {
      createScriptURL: function (url) {
        if (url !== '/sw.js') throw new TypeError('Only the guide\'s own service worker may be loaded.');
        return url;
      },
    }).createScriptURL('/sw.js');
  }

  window.addEventListener('load', function () {
    navigator.serviceWorker.register(workerUrl(), { scope: '/' }).then(function (registration) {
      offerUpdate(registration);
      registration.addEventListener('updatefound', function () {
        var installing = registration.installing;
        installing.addEventListener('statechange', function () {
          if (installing.state === 'installed') offerUpdate(registration);
        });
      });
      return navigator.serviceWorker.ready;
    }).then(saveLanguage).catch(function () {
      showStatus('failed');
    });
  });
}());
