/* The studio's Publish page: check everything, write the export, and show what to upload where. */
'use strict';

(function () {
  var statusLine = document.getElementById('status');
  var result = document.getElementById('result');
  var button = document.getElementById('publish');

  function list(heading, lines, kind) {
    if (!lines || !lines.length) return;
    var title = document.createElement('h3');
    title.textContent = heading;
    result.appendChild(title);
    var items = document.createElement(kind === 'steps' ? 'ol' : 'ul');
    lines.forEach(function (line) {
      var item = document.createElement('li');
      item.textContent = line;
      items.appendChild(item);
    });
    result.appendChild(items);
  }

  // The address typed last time, until edition.yaml gives one.
  var address = document.getElementById('address');
  var remembered = 'studio:' + document.body.getAttribute('data-edition') + ':address';
  try { if (!address.value) address.value = window.localStorage.getItem(remembered) || ''; } catch (error) { /* none kept */ }
  address.addEventListener('change', function () {
    try { window.localStorage.setItem(remembered, address.value); } catch (error) { /* not kept */ }
  });

  button.addEventListener('click', function () {
    button.disabled = true;
    result.textContent = '';
    statusLine.textContent = 'Checking every file and every language, then writing the guide…';
    window.studioCall('POST', 'api/publish', { base_url: address.value }).then(function (answer) {
      button.disabled = false;
      if (answer.error) { statusLine.textContent = answer.error; return; }
      if (answer.problems.length) {
        statusLine.textContent = 'Not published: the edition has problems. Fix them under Files, then publish again.';
        list('Problems', answer.problems);
        return;
      }
      statusLine.textContent = 'Published: ' + answer.files + ' pages and files in ' + answer.folder + ', and the same in ' + answer.zip + '.';
      list('Before you upload', answer.warnings);
      list('What to do now', answer.steps, 'steps');
      list('Languages', answer.languages);
      list('Translations to mend (on Translate)', answer.translation_problems);
    }, function () {
      button.disabled = false;
      statusLine.textContent = 'The studio did not answer: is it still running?';
    });
  });
}());
