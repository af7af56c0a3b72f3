/* The review sheet's Record buttons: record a crisis string with the computer's microphone
 * (MediaRecorder), listen back, and save the file, named for its language, English and translation,
 * for `flask --app webapp translate record-audio`. Everything stays in this browser: the sheet's
 * policy allows no request at all. */
'use strict';

(function () {
  var EXTENSIONS = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a', 'audio/mpeg': 'mp3', 'audio/wav': 'wav' };
  var recorder = null;

  function extension(type) {
    return EXTENSIONS[String(type).split(';')[0]] || 'webm';
  }

  function show(cell, state, text) {
    cell.querySelector('.record__start').hidden = state === 'recording';
    cell.querySelector('.record__stop').hidden = state !== 'recording';
    cell.querySelector('.record__status').textContent = text;
  }

  function record(cell) {
    if (!window.MediaRecorder || !navigator.mediaDevices) {
      show(cell, 'ready', 'This browser cannot record. Try Chrome, Edge, Firefox or Safari.');
      return;
    }
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.addEventListener('dataavailable', function (event) { chunks.push(event.data); });
      recorder.addEventListener('stop', function () {
        stream.getTracks().forEach(function (track) { track.stop(); });
        var blob = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
        var url = URL.createObjectURL(blob);
        var player = cell.querySelector('audio');
        var save = cell.querySelector('.record__save');
        player.src = url;
        player.hidden = false;
        save.href = url;
        save.download = cell.getAttribute('data-name') + '.' + extension(blob.type);
        save.hidden = false;
        recorder = null;
        show(cell, 'ready', 'Recorded. Listen to it, then save it (or record it again).');
      });
      recorder.start();
      show(cell, 'recording', 'Recording: read the translation aloud, calmly, then press Stop.');
    }, function () {
      show(cell, 'ready', 'The microphone could not be used. Allow this page to use it, then try again.');
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('.record button');
    if (!button) return;
    var cell = button.closest('.record');
    if (button.classList.contains('record__start') && !recorder) record(cell);
    if (button.classList.contains('record__stop') && recorder) recorder.stop();
  });
  Array.prototype.forEach.call(document.querySelectorAll('.record[data-name]'), function (cell) {
    cell.querySelector('.record__start').hidden = false;
  });
}());
