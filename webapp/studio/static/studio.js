/* The edition studio's page: one file as a form (JSON Editor, drawn from the content model's JSON
 * Schema), checked by the server as the person types (the same checks as `edition check`, shown
 * beside the fields they name), kept in this browser until it is saved, and the guide's own page
 * beside it. */
'use strict';

(function () {
  var body = document.body;
  var base = body.getAttribute('data-base');
  var edition = body.getAttribute('data-edition');
  var formBox = document.getElementById('form');
  var statusLine = document.getElementById('status');
  var actions = document.querySelector('.studio-actions');
  var saveButton = document.getElementById('save');
  var replaceButton = document.getElementById('replace');
  var reopenButton = document.getElementById('reopen');
  var discardButton = document.getElementById('discard');
  var elsewhere = document.getElementById('elsewhere');
  var heading = document.getElementById('file-heading');
  var frame = document.getElementById('preview');
  var languageChoice = document.getElementById('preview-language');
  var pageChoice = document.getElementById('preview-page');
  var standIns = document.getElementById('stand-ins');
  var mend = document.getElementById('mend');
  var noPreview = document.getElementById('no-preview');
  var mendText = document.getElementById('mend-text');
  var editor = null;
  var file = null;
  var version = '';
  var otherVersion = '';
  var timer = null;
  var checking = 0;
  var restored = false; // the form holds a draft this browser kept, not the file as saved
  var broken = null; // the file's line that is not valid YAML, while it is shown as text to mend
  var saved = ''; // the open form's value as opened or last saved

  function say(text, kind) { window.studioSay(statusLine, text, kind); }

  function draftKey(name) { return 'studio:' + edition + ':' + (name || file) + (broken ? ':text' : ''); }

  // A draft is kept under the name of the file its form was opened for, and only when it differs
  // from the file as opened or last saved: a form still drawing, or one being replaced, never
  // writes another's.
  function keepDraft(name, value, opened) {
    try {
      if (value === opened) window.localStorage.removeItem(draftKey(name));
      else window.localStorage.setItem(draftKey(name), JSON.stringify({ data: JSON.parse(value), version: version }));
    } catch (error) { /* too large for this browser's storage: the form still holds it */ }
  }

  function storedDraft() {
    try { return JSON.parse(window.localStorage.getItem(draftKey()) || 'null'); } catch (error) { return null; }
  }

  function dropDraft() {
    try { window.localStorage.removeItem(draftKey()); } catch (error) { /* nothing kept */ }
  }

  var api = window.studioCall;

  // Every text and list field of the schema, empty where the data has none: the form then shows
  // each one to fill in (a source's date its file never had; a field a kept draft left out, as the
  // form leaves out what is empty). Empty, they are left out again when the form gives its value.
  function withEveryField(value, schema, defs) {
    schema = resolved(schema, defs);
    if (Array.isArray(value)) {
      return schema.items ? value.map(function (item) { return withEveryField(item, schema.items, defs); }) : value;
    }
    if (!value || typeof value !== 'object' || !schema.properties) return value;
    var whole = {};
    Object.keys(value).forEach(function (key) { whole[key] = withEveryField(value[key], schema.properties[key] || {}, defs); });
    Object.keys(schema.properties).forEach(function (key) {
      var field = resolved(schema.properties[key], defs);
      var kind = field.type || (field.anyOf && resolved(field.anyOf[0], defs).type);
      // Never a pick list's: an empty one would show, and give, its first choice.
      if (key in whole || field.enum || field.const !== undefined) return;
      if (kind === 'string') whole[key] = '';
      else if (kind === 'array') whole[key] = [];
    });
    return whole;
  }

  function resolved(schema, defs) {
    var name = schema && schema.$ref && schema.$ref.replace('#/$defs/', '');
    return (name && defs[name]) || schema || {};
  }

  // A problem's place in the form: the field it names, or the nearest one drawn.
  function fieldFor(loc) {
    for (var end = loc.length; end >= 0; end--) {
      var path = ['root'].concat(loc.slice(0, end)).join('.');
      var found = formBox.querySelector('[data-schemapath="' + path + '"]');
      if (found) return found;
    }
    return formBox;
  }

  function showProblems(answer) {
    formBox.querySelectorAll('.studio-problem, .studio-advice').forEach(function (note) { note.remove(); });
    [['problems', 'studio-problem'], ['advice', 'studio-advice']].forEach(function (kind) {
      (answer[kind[0]] || []).forEach(function (found) {
        var note = document.createElement('p');
        note.className = kind[1];
        note.textContent = found.text;
        fieldFor(found.loc || []).appendChild(note);
      });
    });
    // The other files' problems, folded: this file's come first.
    var others = answer.elsewhere || [];
    elsewhere.hidden = !others.length;
    elsewhere.textContent = '';
    var fold = document.createElement('details');
    var title = document.createElement('summary');
    title.textContent = others.length + (others.length === 1 ? ' problem' : ' problems') + ' in other files';
    fold.appendChild(title);
    others.forEach(function (text) {
      var line = document.createElement('p');
      line.textContent = text;
      fold.appendChild(line);
    });
    elsewhere.appendChild(fold);
    // Unsaved changes can be dropped: the file as saved comes back (after a restored draft, the
    // form may already lack a block the person remembers deleting, not saving).
    discardButton.hidden = !storedDraft();
    var mine = (answer.problems || []).length;
    var unsaved = restored ? 'Your unsaved changes, kept in this browser, are back: save them, or open the file again.'
      : (storedDraft() ? 'Not saved yet.' : 'No unsaved changes.');
    var said = [];
    if (mine) said.push(mine + (mine === 1 ? ' problem' : ' problems') + ' in this file, marked beside their fields.');
    if (others.length) said.push((mine ? '' : 'No problems in this file; ') + others.length + ' in other files, listed above.');
    say((said.join(' ') || 'No problems.') + ' ' + unsaved, mine + others.length ? 'problem' : 'note');
  }

  // The form library names a block's kind chooser "root[sections][0] switcher": said in words.
  function nameSwitchers() {
    formBox.querySelectorAll('select.je-switcher').forEach(function (choice) { choice.setAttribute('aria-label', 'Kind of block'); });
  }

  // Beside each file, how many problems it has left: what is still to do, at a glance.
  function markFiles(answer, name) {
    var counts = {};
    if (name) counts[name] = (answer.problems || []).length;
    (answer.elsewhere || []).forEach(function (text) {
      var found = /^([\w./-]+\.yaml)/.exec(text);
      if (found) counts[found[1]] = (counts[found[1]] || 0) + 1;
    });
    document.querySelectorAll('[data-file]').forEach(function (button) {
      var count = counts[button.getAttribute('data-file')] || 0;
      var mark = button.querySelector('.studio-count') || button.appendChild(document.createElement('span'));
      mark.className = 'studio-count';
      if (button.hasAttribute('data-unlisted')) mark.textContent = ' · not in the guide: its page is not listed';
      else mark.textContent = count ? ' · ' + count + (count === 1 ? ' problem' : ' problems') : ' · done';
      button.setAttribute('data-left', String(count));
    });
  }

  function showPreview(pages) {
    if (pages) window.studioPageChoices(pageChoice, pages, languageChoice.value);
    if (!pageChoice.value) return;
    frame.src = base + 'preview' + pageChoice.value.replace('{lang}', languageChoice.value);
  }

  function check() {
    var mine = ++checking;
    api('POST', 'api/check/' + file, { data: editor.getValue() }).then(function (answer) {
      if (mine !== checking) return; // a later check is on its way
      if (answer.error) return say(answer.error, 'problem');
      showProblems(answer);
      markFiles(answer, file);
      standIns.hidden = !answer.stand_ins;
      // No page while the guide cannot start: said, rather than a blank or an older page.
      noPreview.hidden = Boolean(answer.preview);
      frame.hidden = !answer.preview;
      if (answer.preview) showPreview(answer.pages);
    });
  }

  function changed(name, value, opened) {
    keepDraft(name, value, opened);
    say('Checking…');
    clearTimeout(timer);
    timer = setTimeout(check, 600);
  }

  function open(name, keepMine) {
    clearTimeout(timer);
    file = name;
    document.querySelectorAll('[data-file]').forEach(function (button) {
      button.setAttribute('aria-current', String(button.getAttribute('data-file') === name));
    });
    heading.textContent = name;
    document.getElementById('start').hidden = true;
    say('Opening…');
    api('GET', 'api/files/' + name).then(function (answer) {
      if (answer.error) return say(answer.error, 'problem');
      if (name !== file) return; // another file was opened meanwhile
      if (editor) editor.destroy();
      editor = null;
      version = answer.version;
      broken = answer.broken || null;
      mend.hidden = !broken;
      if (broken) return showText(answer.text, keepMine);
      var draft = keepMine === false ? null : storedDraft();
      if (keepMine === false) dropDraft();
      var mine = editor = new window.JSONEditor(formBox, {
        schema: answer.schema,
        startval: withEveryField(draft ? draft.data : answer.data, answer.schema, answer.schema.$defs || {}),
        theme: 'html',
        disable_edit_json: true,
        disable_collapse: true,
        disable_properties: true,
        show_errors: 'never', // the server's checks speak, beside each field
        remove_empty_properties: true,
        prompt_before_delete: false,
        array_controls_top: false,
      });
      mine.on('ready', function () {
        if (mine !== editor) return;
        nameSwitchers();
        // The file as the form holds it when opened (then as saved): what a change is measured against.
        saved = draft ? JSON.stringify(answer.data) : JSON.stringify(mine.getValue());
        actions.hidden = false;
        replaceButton.hidden = reopenButton.hidden = true;
        mine.on('change', function () {
          nameSwitchers();
          if (mine === editor) changed(name, JSON.stringify(mine.getValue()), saved);
        });
        restored = Boolean(draft);
        check();
      });
    });
  }

  // A file that is not valid YAML, as its text: mended here, it becomes a form again once saved.
  function showText(text, keepMine) {
    var draft = keepMine === false ? null : storedDraft();
    if (keepMine === false) dropDraft();
    mendText.value = draft ? draft.data : text;
    discardButton.hidden = !draft;
    actions.hidden = false;
    replaceButton.hidden = reopenButton.hidden = true;
    say(broken + (draft ? ' Your unsaved changes, kept in this browser, are back.' : ''), 'problem');
  }

  mendText.addEventListener('input', function () {
    try { window.localStorage.setItem(draftKey(), JSON.stringify({ data: mendText.value, version: version })); } catch (error) { /* the text box still holds it */ }
    discardButton.hidden = false;
    say(broken + ' Not saved yet.', 'problem');
  });

  function save(overVersion) {
    say('Saving…');
    var sent = broken ? null : editor.getValue();
    var saving = broken ? api('PUT', 'api/text/' + file, { text: mendText.value, version: overVersion || version })
      : api('PUT', 'api/files/' + file, { data: sent, version: overVersion || version });
    saving.then(function (answer) {
      if (answer.status === 409) {
        otherVersion = answer.version;
        replaceButton.hidden = reopenButton.hidden = false;
        return say(answer.error, 'problem');
      }
      if (answer.error) return say(answer.error, 'problem');
      version = answer.version;
      replaceButton.hidden = reopenButton.hidden = true;
      if (sent) saved = JSON.stringify(sent);
      // What was typed while it saved stays a draft.
      if (!editor || JSON.stringify(editor.getValue()) === saved) dropDraft();
      restored = false;
      if (broken) return open(file); // valid YAML now: its form
      // The list of files follows edition.yaml's pages: shown again, with this file open.
      if (file === 'edition.yaml') { window.location.hash = file; window.location.reload(); return; }
      say('Saved.');
      check();
    });
  }

  // A field tells the form of its new value when the person leaves it; a pause in typing does too,
  // so that what is typed is kept in this browser even if the window is closed before.
  var typing = null;
  formBox.addEventListener('input', function (event) {
    clearTimeout(typing);
    typing = setTimeout(function () {
      if (event.target.isConnected) event.target.dispatchEvent(new Event('change', { bubbles: true }));
    }, 400);
  });

  document.querySelector('.studio-files').addEventListener('click', function (event) {
    var button = event.target.closest('[data-file]');
    if (button) open(button.getAttribute('data-file'));
  });
  // The file the address names (#content/cards.yaml), open from the start.
  var named = decodeURIComponent(window.location.hash.slice(1));
  if (named && document.querySelector('[data-file="' + named.replace(/"/g, '') + '"]')) open(named);

  // The files as saved, checked once the page opens: each one's problems beside its name.
  api('POST', 'api/check/edition.yaml', { data: null }).then(function (answer) { if (!answer.error) markFiles(answer, 'edition.yaml'); });
  saveButton.addEventListener('click', function () { save(); });
  replaceButton.addEventListener('click', function () { save(otherVersion); });
  reopenButton.addEventListener('click', function () { open(file, false); });
  discardButton.addEventListener('click', function () { discardButton.hidden = true; open(file, false); });
  languageChoice.addEventListener('change', function () { showPreview(); });
  pageChoice.addEventListener('change', function () { showPreview(); });
}());
