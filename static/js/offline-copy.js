/* The About page's status line: which languages are saved on this device, how much storage
 * they use, whether the browser keeps them, and a button to refresh the offline copy now. */
'use strict';

(function () {
  var section = document.getElementById('offline-copy');
  if (!section || !('serviceWorker' in navigator)) return;
  var names = JSON.parse(section.getAttribute('data-names'));
  var language = document.documentElement.lang;
  var savedLine = document.getElementById('saved-languages');
  var usedLine = document.getElementById('storage-used');
  var keptLine = document.getElementById('storage-persistent');
  var button = document.getElementById('refresh-offline');
  var status = document.getElementById('refresh-status');

  function text(attribute) { return section.getAttribute(attribute); }

  function showStorage() {
    if (!navigator.storage || !navigator.storage.estimate) return;
    navigator.storage.estimate().then(function (estimate) {
      var megabytes = (estimate.usage || 0) / (1024 * 1024);
      usedLine.textContent = new Intl.NumberFormat(language, {
        style: 'unit', unit: 'megabyte', maximumFractionDigits: 1,
      }).format(megabytes);
    });
    if (navigator.storage.persisted) {
      navigator.storage.persisted().then(function (kept) {
        keptLine.textContent = text(kept ? 'data-yes' : 'data-no');
      });
    }
  }

  navigator.serviceWorker.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.type === 'STATUS') {
      var format = new Intl.DateTimeFormat(language, { dateStyle: 'long', calendar: 'gregory', numberingSystem: 'latn' });
      var saved = (data.languages || []).map(function (code) {
        var record = (data.saved || {})[code] || {};
        var name = names[code] || code;
        return record.savedAt ? name + ' (' + format.format(new Date(record.savedAt)) + ')' : name;
      });
      savedLine.textContent = saved.length ? saved.join(', ') : text('data-none');
      showStorage();
    } else if (data.type === 'REFRESHED') {
      button.disabled = false;
      status.textContent = text(data.ok ? 'data-refreshed' : (data.reason === 'newer' ? 'data-refresh-newer' : 'data-refresh-failed'));
      event.source.postMessage({ type: 'STATUS' });
      showStorage();
    }
  });

  navigator.serviceWorker.ready.then(function (registration) {
    section.hidden = false;
    registration.active.postMessage({ type: 'STATUS' });
    button.addEventListener('click', function () {
      button.disabled = true;
      status.textContent = text('data-refreshing');
      registration.update().catch(function () { /* offline: refresh what we have */ });
      // The page's own language is restored too, should the browser have evicted everything.
      registration.active.postMessage({ type: 'REFRESH', language: document.body.getAttribute('data-language') });
    });
  });
}());
