/* The studio's Review page: make a language's review sheet and open it; read its filled-in CSV back. */
'use strict';

(function () {
  var base = document.body.getAttribute('data-base');
  var csrf = document.body.getAttribute('data-csrf');
  var choice = document.getElementById('language');
  if (!choice) return;
  var statusLine = document.getElementById('status');
  var said = document.getElementById('said');
  var openLink = document.getElementById('open-sheet');

  function show(answer, ok) {
    statusLine.textContent = answer.error || (ok ? 'Done.' : 'Some rows were refused: see below.');
    said.hidden = !answer.said;
    said.textContent = answer.said || '';
  }

  function call(method, path, body, type) {
    return fetch(base + path, {
      method: method,
      headers: { 'Content-Type': type || 'application/json', 'X-CSRF-Token': csrf },
      body: body,
    }).then(function (response) {
      return response.json().then(function (answer) { return [answer, response.ok]; });
    });
  }

  document.getElementById('make-sheet').addEventListener('click', function () {
    statusLine.textContent = 'Making the sheet…';
    call('POST', 'api/review-sheet/' + choice.value).then(function (result) {
      show(result[0], result[1]);
      if (result[0].sheet) {
        openLink.href = result[0].sheet;
        openLink.hidden = false;
      }
    });
  });

  document.getElementById('record').addEventListener('click', function () {
    var file = document.getElementById('verdicts').files[0];
    if (!file) { statusLine.textContent = 'Choose the filled-in CSV first.'; return; }
    statusLine.textContent = 'Reading the verdicts…';
    file.text().then(function (text) {
      return call('PUT', 'api/verdicts/' + choice.value, text, 'text/csv');
    }).then(function (result) { show(result[0], result[1]); });
  });
}());
