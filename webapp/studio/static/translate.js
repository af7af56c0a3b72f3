/* The studio's translation page: one language's strings of the edition, each with its English,
 * its glossary terms and what `translate check` finds in it; kept in this browser until saved into
 * the edition's catalog; the guide's page beside it in that language. */
'use strict';

(function () {
  var body = document.body;
  var base = body.getAttribute('data-base');
  var edition = body.getAttribute('data-edition');
  var choice = document.getElementById('language');
  if (!choice) return;
  var table = document.getElementById('strings');
  var statusLine = document.getElementById('status');
  var frame = document.getElementById('preview');
  var pageChoice = document.getElementById('preview-page');
  var version = '';
  var direction = 'ltr';

  function say(text, kind) { window.studioSay(statusLine, text, kind); }

  function draftKey() { return 'studio:' + edition + ':translations:' + choice.value; }

  function draft() {
    try { return JSON.parse(window.localStorage.getItem(draftKey()) || '{}'); } catch (error) { return {}; }
  }

  function keep(english, text) {
    var kept = draft();
    kept[english] = text;
    try { window.localStorage.setItem(draftKey(), JSON.stringify(kept)); } catch (error) { /* the form holds it */ }
  }

  var api = window.studioCall;

  function cell(row, text, language) {
    var td = document.createElement('td');
    if (text !== undefined) td.textContent = text;
    if (language) td.lang = language;
    row.appendChild(td);
    return td;
  }

  var order = {}; // the rows' order as first shown for a language: a save does not move them

  function show(answer) {
    version = answer.version;
    direction = answer.direction;
    var kept = draft();
    table.textContent = '';
    var shown = order[choice.value] || (order[choice.value] = answer.rows.map(function (string) { return string.english; }));
    var place = function (string) { var at = shown.indexOf(string.english); return at === -1 ? shown.length : at; };
    answer.rows.slice().sort(function (a, b) { return place(a) - place(b); }).forEach(function (string) {
      var row = document.createElement('tr');
      row.className = string.crisis ? 'crisis' : 'other';
      var english = cell(row, string.english, 'en');
      if (string.crisis) english.insertAdjacentText('afterbegin', 'Crisis: ');
      string.glossary.forEach(function (term) {
        var line = document.createElement('p');
        line.className = 'studio-glossary';
        line.textContent = term.key + ': ' + term.term + (term.note ? ' (' + term.note + ')' : '');
        english.appendChild(line);
      });
      var box = document.createElement('textarea');
      box.lang = choice.value;
      box.dir = direction;
      box.setAttribute('aria-label', 'Translation of: ' + string.english);
      box.setAttribute('data-english', string.english);
      box.value = string.english in kept ? kept[string.english] : string.translation;
      box.addEventListener('input', function () { keep(string.english, box.value); say('Not saved yet.'); });
      var translation = cell(row);
      translation.appendChild(box);
      string.problems.forEach(function (problem) {
        var note = document.createElement('p');
        note.className = 'studio-problem';
        note.textContent = problem;
        translation.appendChild(note);
      });
      table.appendChild(row);
    });
    // Not translated yet is no fault: such a string shows in English, marked so, until it is.
    var waiting = answer.rows.filter(function (string) { return string.problems.indexOf('not translated yet') !== -1; }).length;
    var count = answer.rows.filter(function (string) {
      return string.problems.some(function (problem) { return problem !== 'not translated yet'; });
    }).length;
    var unsaved = Object.keys(kept).length ? ' Your unsaved translations, kept in this browser, are in the boxes.' : '';
    var said = (count ? count + (count === 1 ? ' string has a problem. ' : ' strings have problems. ') : 'No problems. ')
      + (waiting ? waiting + (waiting === 1 ? ' string is' : ' strings are') + ' not translated yet: ' + (waiting === 1 ? 'it shows' : 'they show') + ' in English, marked so.' : 'Every string is translated.');
    say(said + unsaved, count ? 'problem' : 'note');
    showPages(answer.pages || []);
  }

  function showPages(pages) {
    window.studioPageChoices(pageChoice, pages, choice.value);
    preview();
  }

  function preview() {
    if (pageChoice.value) frame.src = base + 'preview' + pageChoice.value.replace('{lang}', choice.value) + '?' + Date.now();
  }

  // The language's crisis words: the one approved word for each, and words the protocol adds.
  var words = document.getElementById('words');
  var wordsLine = document.getElementById('words-status');
  var newWord = document.getElementById('new-word');
  var newNote = document.getElementById('new-note');
  var wordsVersion = '';

  function sayWords(text, kind) { window.studioSay(wordsLine, text, kind); }

  function wordsKey() { return 'studio:' + edition + ':words:' + choice.value; }

  function keptWords() {
    try { return JSON.parse(window.localStorage.getItem(wordsKey()) || '{}'); } catch (error) { return {}; }
  }

  function keepWords() {
    var kept = {};
    words.querySelectorAll('input[data-key]').forEach(function (box) {
      var key = box.getAttribute('data-key');
      kept[key] = kept[key] || {};
      kept[key][box.getAttribute('data-part')] = box.value;
    });
    try { window.localStorage.setItem(wordsKey(), JSON.stringify(kept)); } catch (error) { /* the boxes hold them */ }
    sayWords('Not saved yet.');
  }

  function showWords(answer) {
    wordsVersion = answer.version;
    var kept = keptWords();
    words.textContent = '';
    answer.words.forEach(function (word) {
      var row = document.createElement('tr');
      var name = cell(row, word.word, 'en');
      if (word.note) {
        var note = document.createElement('p');
        note.className = 'studio-glossary';
        note.textContent = word.note;
        name.appendChild(note);
      }
      ['term', 'also'].forEach(function (part) {
        var box = document.createElement('input');
        box.type = 'text';
        box.lang = choice.value;
        box.dir = answer.direction;
        box.setAttribute('data-key', word.key);
        box.setAttribute('data-part', part);
        box.setAttribute('aria-label', (part === 'term' ? 'Approved word for: ' : 'Also written as, for: ') + word.word);
        box.value = kept[word.key] && part in kept[word.key] ? kept[word.key][part] : word[part];
        box.addEventListener('input', keepWords);
        cell(row).appendChild(box);
      });
      words.appendChild(row);
    });
    var missing = answer.words.filter(function (word) { return !word.term; }).length;
    var said = answer.problems.join(' ') || (missing ? missing + ' crisis words without an approved word.' : 'Every crisis word has its approved word.');
    sayWords(said + (Object.keys(kept).length ? ' Your unsaved words, kept in this browser, are in the boxes.' : ''), answer.problems.length || missing ? 'problem' : 'note');
  }

  document.getElementById('save-words').addEventListener('click', function () {
    var sent = {};
    words.querySelectorAll('input[data-key]').forEach(function (box) {
      var key = box.getAttribute('data-key');
      sent[key] = sent[key] || {};
      sent[key][box.getAttribute('data-part')] = box.value;
    });
    sayWords('Saving…');
    api('PUT', 'api/glossary/' + choice.value, { words: sent, add: { word: newWord.value, note: newNote.value }, version: wordsVersion }).then(function (answer) {
      if (answer.error) return sayWords(answer.error, 'problem');
      try { window.localStorage.removeItem(wordsKey()); } catch (error) { /* nothing kept */ }
      newWord.value = newNote.value = '';
      showWords(answer);
      sayWords(wordsLine.textContent + ' Saved.', wordsLine.getAttribute('data-kind'));
      open(true); // the strings' problems, against the words as saved
    });
  });

  function open(stringsOnly) {
    if (stringsOnly !== true) {
      api('GET', 'api/glossary/' + choice.value).then(function (answer) {
        if (answer.error) return sayWords(answer.error, 'problem');
        showWords(answer);
      });
    }
    say('Opening…');
    api('GET', 'api/translations/' + choice.value).then(function (answer) {
      if (answer.error) return say(answer.error, 'problem');
      show(answer);
    });
  }

  document.getElementById('save').addEventListener('click', function () {
    var strings = {};
    table.querySelectorAll('textarea').forEach(function (box) { strings[box.getAttribute('data-english')] = box.value; });
    say('Saving…');
    api('PUT', 'api/translations/' + choice.value, { strings: strings, version: version }).then(function (answer) {
      if (answer.error) return say(answer.error, 'problem');
      try { window.localStorage.removeItem(draftKey()); } catch (error) { /* nothing kept */ }
      show(answer);
      say(statusLine.textContent + ' Saved.');
    });
  });
  choice.addEventListener('change', open);
  pageChoice.addEventListener('change', preview);
  open();
}());
