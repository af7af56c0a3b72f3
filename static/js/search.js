/* Search the guide as you type, offline: the language's index is saved with the language.
 * Case-, accent- and letter-variant-insensitive, for Latin, Cyrillic, Arabic and Ethiopic script. */
'use strict';

(function () {
  var box = document.getElementById('search');
  var input = document.getElementById('search-query');
  var results = document.getElementById('search-results');
  var count = document.getElementById('search-count');
  var nothing = document.getElementById('search-nothing');
  var entries = [];

  // Both the index and the query go through this, so "eviter", "Éviter" and "ÉVITER" all match.
  function normalise(text) {
    return text.normalize('NFKD')
      .replace(/\p{M}/gu, '') // accents, Arabic vowel marks, hamza and madda
      .replace(/\u0640/g, '') // Arabic tatweel
      .replace(/[\u0649\u06cc]/g, '\u064a') // alef maksura, Persian yeh -> yeh
      .replace(/\u0643/g, '\u06a9') // Arabic kaf -> keheh (Persian, Pashto)
      .replace(/[\u0629\u06c0]/g, '\u0647') // teh marbuta, heh with yeh -> heh
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
      .replace(/[\u06f0-\u06f9]/g, function (d) { return String(d.charCodeAt(0) - 0x06f0); })
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  }

  function search(query) {
    var terms = normalise(query).split(' ').filter(Boolean);
    if (!terms.length) return null;
    return entries.map(function (entry) {
      var score = 0;
      for (var i = 0; i < terms.length; i += 1) {
        var inTitle = entry.title.indexOf(terms[i]) !== -1;
        if (!inTitle && entry.text.indexOf(terms[i]) === -1) return null;
        score += inTitle ? 3 : 1;
      }
      return { entry: entry, score: score };
    }).filter(Boolean).sort(function (a, b) { return b.score - a.score; });
  }

  function show(query) {
    var found = search(query);
    while (results.firstChild) results.removeChild(results.firstChild);
    nothing.hidden = !found || found.length > 0;
    count.textContent = found && found.length ? count.getAttribute('data-some').replace('{count}', found.length) : '';
    (found || []).slice(0, 20).forEach(function (hit) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = hit.entry.url;
      link.textContent = hit.entry.original.title;
      var snippet = document.createElement('p');
      snippet.textContent = hit.entry.original.text.slice(0, 140) + (hit.entry.original.text.length > 140 ? '…' : '');
      item.appendChild(link);
      item.appendChild(snippet);
      results.appendChild(item);
    });
  }

  fetch(box.getAttribute('data-index')).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(function (index) {
    entries = index.map(function (entry) {
      return { url: entry.url, title: normalise(entry.title), text: normalise(entry.text), original: entry };
    });
    box.hidden = false;
    document.getElementById('search-all').hidden = true;
    input.addEventListener('input', function () { show(input.value); });
    if (input.value) show(input.value);
    input.focus();
  }).catch(function () {
    /* The full list below still leads everywhere. */
  });
}());
