/* The lockdown screen: a checklist whose ticks stay on this device only and expire after a few
 * hours, and an optional "keep the screen on" (Screen Wake Lock) where the browser has it.
 * Silent and still: no sound, no vibration, no animation, no network. */
'use strict';

(function () {
  var STORAGE_KEY = 'guide-lockdown-checklist';
  var EXPIRES_AFTER_MS = 4 * 60 * 60 * 1000; // a lockdown is over long before this
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#lockdown-checklist input[type="checkbox"]'));

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null');
      if (!saved || typeof saved.at !== 'number' || Date.now() - saved.at > EXPIRES_AFTER_MS) {
        window.localStorage.removeItem(STORAGE_KEY);
        return [];
      }
      return Array.isArray(saved.steps) ? saved.steps : [];
    } catch (error) {
      return [];
    }
  }

  function save() {
    var steps = boxes.filter(function (box) { return box.checked; })
      .map(function (box) { return Number(box.getAttribute('data-step')); });
    try {
      if (steps.length) {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ steps: steps, at: Date.now() }));
      } else {
        window.localStorage.removeItem(STORAGE_KEY);
      }
    } catch (error) {
      /* Storage off: the ticks still work for this visit. */
    }
  }

  var ticked = load();
  boxes.forEach(function (box) {
    box.checked = ticked.indexOf(Number(box.getAttribute('data-step'))) !== -1;
    box.addEventListener('change', save);
  });

  document.getElementById('checklist-clear').addEventListener('click', function () {
    boxes.forEach(function (box) { box.checked = false; });
    save();
  });
  document.getElementById('lockdown-tools').hidden = false;
  document.getElementById('lockdown-privacy').hidden = false;

  if (!('wakeLock' in navigator)) return;
  var control = document.getElementById('wake-lock');
  var lock = null;

  function keepAwake() {
    if (!control.checked || document.visibilityState !== 'visible') return;
    navigator.wakeLock.request('screen').then(function (sentinel) {
      lock = sentinel;
    }).catch(function () {
      control.checked = false; /* refused, for example on low battery */
    });
  }

  document.getElementById('wake-lock-control').hidden = false;
  control.addEventListener('change', function () {
    if (control.checked) {
      keepAwake();
    } else if (lock) {
      lock.release();
      lock = null;
    }
  });
  // The browser drops the lock when the page is hidden; take it again on return.
  document.addEventListener('visibilitychange', keepAwake);
}());
