/* The language chooser at /: forward to the language saved on this device, or else to the best
 * match of the browser's languages. #choose in the address shows the list without forwarding. */
'use strict';

(function () {
  if (window.location.hash === '#choose') return;
  var links = Array.prototype.slice.call(document.querySelectorAll('[data-language]'));
  var byCode = {};
  links.forEach(function (link) {
    byCode[link.getAttribute('data-language').toLowerCase()] = link;
  });

  function primary(tag) {
    var code = tag.toLowerCase().split('-')[0];
    return code === 'prs' ? 'fa' : code; // prs: Dari's ISO 639-3 code
  }

  function match(tag) {
    if (!tag) return null;
    var exact = byCode[tag.toLowerCase()];
    if (exact) return exact;
    var wanted = primary(tag);
    return links.find(function (link) {
      return primary(link.getAttribute('data-language')) === wanted;
    }) || null;
  }

  var saved = null;
  try {
    saved = window.localStorage.getItem('guide-language');
  } catch (error) {
    /* Storage can be off; fall back to the browser's languages. */
  }
  var choice = match(saved);
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (var i = 0; !choice && i < preferred.length; i += 1) choice = match(preferred[i]);
  if (choice) window.location.replace(choice.href);
}());
