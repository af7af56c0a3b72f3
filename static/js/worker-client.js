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

  if (!('serviceWorker' in navigator)) return;

  // "Saved on <date>": when this language was saved on this device, from the worker (no network).
  var savedOn = document.getElementById('saved-on');
  function showSavedOn(savedAt) {
    if (!savedOn || !savedAt) return;
    var date = new Intl.DateTimeFormat(document.documentElement.lang, {
      dateStyle: 'long', calendar: 'gregory', numberingSystem: 'latn',
    }).format(new Date(savedAt));
    savedOn.textContent = savedOn.getAttribute('data-text').replace('{date}', date);
    savedOn.hidden = false;
  }
  navigator.serviceWorker.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.type === 'STATUS' && data.saved && data.saved[language]) showSavedOn(data.saved[language].savedAt);
    if (data.type === 'SAVED' && data.language === language) showSavedOn(data.savedAt);
  });
  if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ type: 'STATUS' });

  // The lockdown screen stays quiet: it starts no download and no update check of its own.
  if (document.body.getAttribute('data-network') === 'quiet') return;

  var statusLine = document.getElementById('offline-status');
  var progress = document.getElementById('offline-progress');
  var updateBox = document.getElementById('update-ready');
  var updateButton = document.getElementById('update-reload');
  var hadController = Boolean(navigator.serviceWorker.controller);
  var reloading = false;

  var iosSteps = document.getElementById('ios-keep');
  var failed = false;

  function showStatus(state) {
    statusLine.textContent = statusLine.getAttribute('data-' + state);
    statusLine.setAttribute('data-state', state);
    statusLine.hidden = false;
  }

  // Safari on iPhone and iPad, in a tab (not from the Home Screen): it deletes a site's storage,
  // the saved guide included, after 7 days of use without a visit, unless it is on the Home Screen.
  function inIosSafariTab() {
    var apple = /iPhone|iPad|iPod/.test(navigator.userAgent)
      || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1); // iPadOS says "Mac"
    return apple && navigator.standalone === false;
  }

  var registration = null;
  var askNewer = false; // this version could not save the language: ask the next one when it comes

  navigator.serviceWorker.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.type === 'INSTALL_FAILED') {
      // A full device is said, update or not; other failures only on a first visit (a failed
      // update leaves the old copy whole).
      if (data.reason === 'quota') showStatus('no-space');
      else if (!navigator.serviceWorker.controller) showStatus('failed');
      return;
    }
    if (data.language !== language) return;
    if (data.type === 'SAVE_PROGRESS') {
      // Progress shows only while something is really being downloaded, and never after a failure.
      if (!data.downloaded || failed) return;
      progress.max = data.total;
      progress.value = data.done;
      progress.hidden = data.done >= data.total;
      if (data.done < data.total && statusLine.getAttribute('data-state') !== 'saving') showStatus('saving');
    } else if (data.type === 'SAVED') {
      failed = false;
      askNewer = false;
      progress.hidden = true;
      // Say "ready" when this visit saved something; an already saved guide stays quiet.
      if (data.downloaded > 0 || data.first) {
        showStatus('ready');
        if (iosSteps && inIosSafariTab()) iosSteps.hidden = false;
      }
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().catch(function () { /* a refusal is fine */ });
      }
    } else if (data.type === 'SAVE_FAILED') {
      // "newer": the server has the next version, which saves it: ask it, now or once found.
      if (data.reason === 'newer' && registration) {
        var next = registration.installing || registration.waiting;
        if (next && next !== event.source) {
          next.postMessage({ type: 'SAVE_LANGUAGE', language: language });
        } else {
          askNewer = true;
          registration.update().catch(function () { /* offline: the next visit asks again */ });
        }
        return;
      }
      failed = true;
      progress.hidden = true;
      showStatus(data.reason === 'quota' ? 'no-space' : 'failed');
    }
  });
  if (iosSteps) {
    document.getElementById('ios-keep-close').addEventListener('click', function () { iosSteps.hidden = true; });
  }

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

  // Only the active worker is asked: no file is downloaded twice (an update copies what it saved).
  function saveLanguage(ready) {
    ready.active.postMessage({ type: 'SAVE_LANGUAGE', language: language });
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
    navigator.serviceWorker.register(workerUrl(), { scope: '/' }).then(function (registered) {
      registration = registered;
      offerUpdate(registration);
      registration.addEventListener('updatefound', function () {
        var installing = registration.installing;
        if (askNewer) installing.postMessage({ type: 'SAVE_LANGUAGE', language: language });
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
