/* Read aloud. A crisis line (data-say: the key of its English) is said by a human voice where the
 * edition has a recording of it in the language the family speaks, and by the device's own voice
 * otherwise; other text by the device's voice, in the page's language. Nothing plays until the
 * person presses the button. Recordings come from the language's listen.json and MP3s, saved
 * offline with it, and play through Web Audio. Only on-device voices (localService): a network
 * voice would send the page's text to another company; Dari read by an Iranian Persian voice says
 * so. "Language I speak" stays on this device; choosing one saves it offline too. */
'use strict';

(function () {
  var box = document.querySelector('.listen');
  if (!box) return;
  var language = document.documentElement.lang;
  function part(name) { return document.querySelector('.listen__' + name); }
  var play = part('play');
  var pause = part('pause');
  var resume = part('resume');
  var stop = part('stop');
  var unavailable = part('unavailable');
  var variety = part('variety');
  var speakLabel = part('speak');
  var choice = document.getElementById('speak-language');
  var main = document.getElementById('main-content');
  var voiced = main.querySelector('[data-say]');
  var recorded = box.getAttribute('data-recorded').split(' ');
  var synth = window.SpeechSynthesisUtterance && window.speechSynthesis;
  var Context = window.AudioContext || window.webkitAudioContext;
  var RATE = 0.9; // a moderate pace: speech much faster than normal is understood far less
  var KEY = 'guide-speak-language';
  var state = 'ready';
  var queue = [];
  var context = null;
  var source = null;
  var session = 0; // each press starts one; what an earlier one left running ends quietly
  box.hidden = false;
  var sound = part('sound');
  if (sound) sound.hidden = false;

  function say(next) {
    state = next;
    play.hidden = next !== 'ready';
    pause.hidden = next !== 'speaking';
    resume.hidden = next !== 'paused';
    stop.hidden = next === 'ready';
  }

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }

  // The language chosen on a page that has crisis lines (one of the guide's), else the page's.
  function speaks() {
    var code = voiced && stored();
    return code && document.querySelector('[data-save-language="' + code + '"]') ? code : language;
  }

  function primary(tag) {
    return String(tag || '').toLowerCase().replace('_', '-').split('-')[0];
  }

  function tagOf(voice) {
    return String(voice.lang || '').replace('_', '-');
  }

  function voiceFor(tag) {
    if (!synth) return null;
    var voices = (synth.getVoices() || []).filter(function (v) { return v.localService === true; });
    var wanted = String(tag).toLowerCase();
    return voices.find(function (v) { return tagOf(v).toLowerCase() === wanted; })
      || voices.find(function (v) { return primary(v.lang) === primary(tag); })
      || null;
  }

  // Say which variety the voice speaks when it is not exactly the language's (fa-IR for fa-AF).
  function showVariety(voice, tag) {
    var voiceTag = voice ? tagOf(voice) : '';
    variety.hidden = !voice || voiceTag.toLowerCase() === tag.toLowerCase() || voiceTag.indexOf('-') === -1;
    if (variety.hidden) return;
    var name = voiceTag;
    try {
      name = new Intl.DisplayNames([language], { type: 'language' }).of(voiceTag) || voiceTag;
    } catch (error) {
      /* No names for this language here: the tag itself says it. */
    }
    variety.textContent = variety.getAttribute('data-text').replace('{language}', name);
  }

  // Whether anything can be said: recordings of the language spoken, or a voice for it.
  function refresh() {
    if (state !== 'ready') return;
    var code = speaks();
    var voice = voiceFor(code);
    var can = voice || (voiced && recorded.indexOf(code) !== -1);
    play.hidden = !can;
    unavailable.hidden = Boolean(can);
    showVariety(voice, code);
  }

  // The page's reading order, without sources, navigation or hidden parts.
  function passages() {
    var parts = main.querySelectorAll('h1, h2, h3, p, li, dt, dd');
    return Array.prototype.filter.call(parts, function (el) {
      return !el.closest('.sources, nav, .page-tools, [hidden], .original-link, .card__open, .who-speaks-short') && el.textContent.trim();
    });
  }

  // What to say, in order: {audio, text, lang}; a line the spoken language lacks is left out.
  function plan(lines) {
    var code = speaks();
    var items = [];
    passages().forEach(function (el) {
      var keys = el.getAttribute('data-say');
      if (!keys || !lines) {
        if (code === language) items.push({ text: el.textContent.replace(/\s+/g, ' ').trim(), lang: language });
        return;
      }
      keys.split(' ').forEach(function (key) {
        var line = lines[key];
        if (line) items.push({ audio: line.audio, text: line.text, lang: code });
      });
    });
    return items;
  }

  function next() {
    if (state === 'ready') return;
    var item = queue.shift();
    var mine = session;
    if (!item) return say('ready');
    if (!item.audio) return speak(item, mine);
    fetch(item.audio).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.arrayBuffer();
    }).then(function (bytes) {
      return new Promise(function (done, fail) { context.decodeAudioData(bytes, done, fail); });
    }).then(function (buffer) {
      if (mine !== session) return;
      source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      source.onended = function () { source = null; next(); };
      source.start();
    }).catch(function () { if (mine === session) speak(item, mine); }); // no recording: the device's voice
  }

  function speak(item, mine) {
    var voice = voiceFor(item.lang);
    if (!voice) return next();
    var utterance = new SpeechSynthesisUtterance(item.text);
    utterance.lang = item.lang;
    utterance.voice = voice;
    utterance.rate = RATE;
    utterance.onend = utterance.onerror = function () { if (mine === session) next(); };
    synth.speak(utterance);
  }

  function halt() {
    session++;
    say('ready');
    queue = [];
    if (source) {
      source.onended = null;
      source.stop();
      source = null;
    }
    if (synth) synth.cancel();
  }

  play.addEventListener('click', function () {
    halt();
    // Started within the press, as iPhones ask; played even when the phone is set to silent.
    if (Context && !context) context = new Context();
    if (context) context.resume();
    if (navigator.audioSession) navigator.audioSession.type = 'playback';
    say('speaking');
    var mine = session;
    var code = speaks();
    var lines = voiced ? fetch('/' + code + '/listen.json').then(function (r) { return r.json(); }) : Promise.resolve(null);
    lines.then(function (data) { return data && data.lines; }, function () { return null; }).then(function (found) {
      if (mine !== session) return;
      queue = plan(found);
      next();
    });
  });
  pause.addEventListener('click', function () {
    say('paused');
    if (context) context.suspend();
    if (synth) synth.pause();
  });
  resume.addEventListener('click', function () {
    say('speaking');
    if (context) context.resume();
    if (synth) synth.resume();
  });
  stop.addEventListener('click', halt);
  window.addEventListener('pagehide', halt);

  if (choice && voiced) {
    speakLabel.hidden = false;
    choice.value = speaks();
    choice.addEventListener('change', function () {
      try { window.localStorage.setItem(KEY, choice.value); } catch (error) { /* this page only */ }
      refresh();
      // Its lines and recordings are kept offline with its copy of the guide.
      var worker = navigator.serviceWorker && navigator.serviceWorker.controller;
      if (worker) worker.postMessage({ type: 'SAVE_LANGUAGE', language: choice.value });
    });
  }
  say('ready');
  refresh();
  if (synth) synth.addEventListener('voiceschanged', refresh);
}());
