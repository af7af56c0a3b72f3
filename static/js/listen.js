/* Read the page aloud with the device's own voices (Web Speech API), in the page's language.
 * Only on-device voices (localService): a network voice (Chrome's Google voices, Edge's "Online"
 * voices) would send the page's text to another company. If the device has no voice for the
 * language, the control says so; if its voice is for a neighbouring variety (Dari read by an
 * Iranian Persian voice), the page says which. */
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
  var variety = document.querySelector('.listen__variety');
  box.hidden = false;

  function say(state) {
    play.hidden = state !== 'ready';
    pause.hidden = state !== 'speaking';
    resume.hidden = state !== 'paused';
    stop.hidden = state !== 'speaking' && state !== 'paused';
    unavailable.hidden = state !== 'unavailable';
    if (state === 'unavailable') variety.hidden = true;
  }

  if (!('speechSynthesis' in window) || !window.SpeechSynthesisUtterance) {
    say('unavailable');
    return;
  }
  var synth = window.speechSynthesis;

  function primary(tag) {
    return String(tag || '').toLowerCase().replace('_', '-').split('-')[0];
  }

  function tagOf(voice) {
    return String(voice.lang || '').replace('_', '-');
  }

  function voiceFor(tag) {
    var voices = (synth.getVoices() || []).filter(function (v) { return v.localService === true; });
    var wanted = String(tag).toLowerCase();
    return voices.find(function (v) { return tagOf(v).toLowerCase() === wanted; })
      || voices.find(function (v) { return primary(v.lang) === primary(tag); })
      || null;
  }

  // Say which variety the voice speaks when it is not exactly the page's (fa-IR for fa-AF).
  function showVariety(voice) {
    var voiceTag = voice ? tagOf(voice) : '';
    var differs = voice && voiceTag.toLowerCase() !== String(language).toLowerCase()
      && voiceTag.indexOf('-') !== -1;
    if (!differs) {
      variety.hidden = true;
      return;
    }
    var name = voiceTag;
    try {
      name = new Intl.DisplayNames([language], { type: 'language' }).of(voiceTag) || voiceTag;
    } catch (error) {
      /* No names for this language here: the tag itself says it. */
    }
    variety.textContent = variety.getAttribute('data-text').replace('{language}', name);
    variety.hidden = false;
  }

  function refresh() {
    if (play.hidden && (!pause.hidden || !resume.hidden)) return; // speaking: leave it be
    var voice = voiceFor(language);
    say(voice ? 'ready' : 'unavailable');
    showVariety(voice);
  }

  // The page's reading order, without sources, navigation or hidden parts.
  function passages() {
    var main = document.getElementById('main-content');
    var parts = main.querySelectorAll('h1, h2, h3, p, li');
    return Array.prototype.filter.call(parts, function (el) {
      return !el.closest('.sources, nav, .page-tools, [hidden], .original-link, .card__open, .who-speaks-short') && el.textContent.trim();
    }).map(function (el) { return el.textContent.replace(/\s+/g, ' ').trim(); });
  }

  play.addEventListener('click', function () {
    var voice = voiceFor(language);
    if (!voice) {
      say('unavailable'); // never let the browser pick a voice itself: it may be a network one
      return;
    }
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
