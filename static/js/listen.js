/* Read the page aloud with the device's own voices (Web Speech API), in the page's language.
 * Nothing is fetched: if the device has no voice for the language, the control says so. */
'use strict';

(function () {
  var box = document.querySelector('.listen');
  if (!box) return;
  var language = document.documentElement.lang;
  var play = box.querySelector('.listen__play');
  var pause = box.querySelector('.listen__pause');
  var resume = box.querySelector('.listen__resume');
  var stop = box.querySelector('.listen__stop');
  var unavailable = document.querySelector('.listen__unavailable');
  box.hidden = false;

  function say(state) {
    play.hidden = state !== 'ready';
    pause.hidden = state !== 'speaking';
    resume.hidden = state !== 'paused';
    stop.hidden = state !== 'speaking' && state !== 'paused';
    unavailable.hidden = state !== 'unavailable';
  }

  if (!('speechSynthesis' in window) || !window.SpeechSynthesisUtterance) {
    say('unavailable');
    return;
  }
  var synth = window.speechSynthesis;

  function primary(tag) {
    return String(tag || '').toLowerCase().replace('_', '-').split('-')[0];
  }

  function voiceFor(tag) {
    var voices = synth.getVoices() || [];
    var wanted = String(tag).toLowerCase();
    return voices.find(function (v) { return String(v.lang).toLowerCase().replace('_', '-') === wanted; })
      || voices.find(function (v) { return primary(v.lang) === primary(tag); })
      || null;
  }

  function refresh() {
    if (play.hidden && (!pause.hidden || !resume.hidden)) return; // speaking: leave it be
    say(voiceFor(language) ? 'ready' : 'unavailable');
  }

  // The page's reading order, without sources, navigation or hidden parts.
  function passages() {
    var main = document.getElementById('main-content');
    var parts = main.querySelectorAll('h1, h2, h3, p, li');
    return Array.prototype.filter.call(parts, function (el) {
      return !el.closest('.sources, nav, .page-tools, [hidden], .original-link, .card__open') && el.textContent.trim();
    }).map(function (el) { return el.textContent.replace(/\s+/g, ' ').trim(); });
  }

  play.addEventListener('click', function () {
    var voice = voiceFor(language);
    synth.cancel();
    var texts = passages();
    texts.forEach(function (text, index) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = language;
      try {
        utterance.voice = voice;
      } catch (error) {
        /* The language alone still chooses a voice. */
      }
      if (index === texts.length - 1) utterance.addEventListener('end', function () { say('ready'); });
      synth.speak(utterance);
    });
    say('speaking');
  });
  pause.addEventListener('click', function () { synth.pause(); say('paused'); });
  resume.addEventListener('click', function () { synth.resume(); say('speaking'); });
  stop.addEventListener('click', function () { synth.cancel(); say('ready'); });
  window.addEventListener('pagehide', function () { synth.cancel(); });

  refresh();
  synth.addEventListener('voiceschanged', refresh);
}());
