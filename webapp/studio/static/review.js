/* The studio's Review page: make a language's review sheet and open it; read its filled-in CSV back. */
'use strict';

(function () {
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

  document.getElementById('make-sheet').addEventListener('click', function () {
    statusLine.textContent = 'Making the sheet…';
    window.studioCall('POST', 'api/review-sheet/' + choice.value).then(function (answer) {
      show(answer, answer.ok);
      if (answer.sheet) {
        openLink.href = answer.sheet;
        openLink.hidden = false;
      }
    });
  });

  document.getElementById('record').addEventListener('click', function () {
    var file = document.getElementById('verdicts').files[0];
    if (!file) { statusLine.textContent = 'Choose the filled-in CSV first.'; return; }
    statusLine.textContent = 'Reading the verdicts…';
    file.text().then(function (text) {
      return window.studioCall('PUT', 'api/verdicts/' + choice.value, text, 'text/csv');
    }).then(function (answer) { show(answer, answer.ok); });
  });

  // One file at a time: each is checked and filed on its own, and what each gave is said.
  document.getElementById('file-recordings').addEventListener('click', function () {
    var files = Array.prototype.slice.call(document.getElementById('recordings').files);
    if (!files.length) { statusLine.textContent = 'Choose the recordings first.'; return; }
    var lines = [];
    var filed = 0;
    files.reduce(function (previous, file, index) {
      return previous.then(function () {
        statusLine.textContent = 'Filing ' + (index + 1) + ' of ' + files.length + '…';
        return window.studioCall('PUT', 'api/recordings/' + choice.value + '?name=' + encodeURIComponent(file.name), file, 'application/octet-stream');
      }).then(function (answer) {
        if (answer.filed) filed += 1;
        lines.push(answer.said || (file.name + ': ' + answer.error));
      });
    }, Promise.resolve()).then(function () {
      show({ said: lines.join('\n') }, filed === files.length);
      statusLine.textContent = 'Filed ' + filed + ' of ' + files.length + ' recordings.' + (filed === files.length ? '' : ' The others were refused: see why below.');
    });
  });
}());
