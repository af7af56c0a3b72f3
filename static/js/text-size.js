/* Text size, remembered on this device. Loaded in <head> so the page is drawn at the saved size. */
'use strict';

(function () {
  var KEY = 'guide-text-size';
  var SIZES = ['normal', 'large', 'larger', 'largest'];
  var root = document.documentElement;

  function saved() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (error) {
      return null;
    }
  }

  function apply(size) {
    if (size && size !== 'normal' && SIZES.indexOf(size) !== -1) {
      root.setAttribute('data-text-size', size);
    } else {
      root.removeAttribute('data-text-size');
    }
  }

  apply(saved());
  document.addEventListener('DOMContentLoaded', function () {
    var group = document.querySelector('.text-size');
    if (!group) return;
    group.hidden = false;
    group.addEventListener('click', function (event) {
      var button = event.target.closest('[data-text-size]');
      if (!button) return;
      var index = Math.max(0, SIZES.indexOf(saved() || 'normal'));
      var next = SIZES[Math.min(SIZES.length - 1, Math.max(0, index + Number(button.getAttribute('data-text-size'))))];
      apply(next);
      try {
        window.localStorage.setItem(KEY, next);
      } catch (error) {
        /* Not remembered, but applied for this page. */
      }
    });
  });
}());
