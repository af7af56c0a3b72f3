/* School Safety Guide service worker. The server prepends self.PRECACHE_MANIFEST: {version,
 * shared, languages}, entries {url, revision} (sha256 of the bytes served); the version covers
 * it and this code. Workbox's rules, small, one cache per version (a failed try goes whole):
 * - install fills this version's cache whole or fails and deletes it, so storage holds the active
 *   version and at most one try; downloads are checked against their revision, bypass the HTTP
 *   cache, refuse errors and redirects; a file cached under the same revision is copied instead;
 * - a language asked for is remembered at once (a record per language), so that the next version
 *   saves it too, and the worker that saves it says so;
 * - activate tops up the saved languages, then deletes every other version's cache;
 * - nothing in the fetch path creates a cache. */
'use strict';

const MANIFEST = self.PRECACHE_MANIFEST;
const CACHE_PREFIX = 'guide-v-';
const CACHE_NAME = CACHE_PREFIX + MANIFEST.version;
const META_CACHE = 'guide-meta';
const SAVED_PREFIX = '/__guide/saved/';
const ACTIVE_RECORD = '/__guide/active'; // {cache}: the active version's cache
const INSTALLED_RECORD = '/__guide/installed'; // {cache}: the last version that installed whole
const OLD_SAVED_LIST = '/__guide/saved-languages'; // one shared list, before per-language records
const PARALLEL_DOWNLOADS = 6;

function cacheKey(entry) {
  return entry.url + (entry.url.includes('?') ? '&' : '?') + '__rev=' + entry.revision;
}

// URL path -> cache key, for every entry of this version.
const KEY_FOR_PATH = new Map();
for (const entry of MANIFEST.shared.concat(...Object.values(MANIFEST.languages))) {
  KEY_FOR_PATH.set(entry.url, cacheKey(entry));
}

function entriesFor(languages) {
  const known = languages.filter((code) => code in MANIFEST.languages);
  return MANIFEST.shared.concat(...known.map((code) => MANIFEST.languages[code]));
}

// One record per language asked for: {savedAt}, null until a version has saved it.
async function records() {
  const meta = await caches.open(META_CACHE);
  const found = {};
  for (const request of await meta.keys()) {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(SAVED_PREFIX)) continue;
    let record = {};
    try { record = await (await meta.match(request)).json(); } catch (error) { record = {}; }
    found[path.slice(SAVED_PREFIX.length)] = record;
  }
  return found;
}

async function putRecord(path, value) {
  const meta = await caches.open(META_CACHE);
  await meta.put(path, new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } }));
}

async function recordedCache(path) {
  const record = await (await caches.open(META_CACHE)).match(path);
  try {
    return record ? (await record.json()).cache : null;
  } catch (error) {
    return null;
  }
}

function rememberLanguage(code, savedAt) {
  return putRecord(SAVED_PREFIX + code, { savedAt });
}

// An older worker's single list becomes one record per language, once, on activate.
async function migrateOldList() {
  const meta = await caches.open(META_CACHE);
  const old = await meta.match(OLD_SAVED_LIST);
  if (!old) return;
  let codes = [];
  try { codes = await old.json(); } catch (error) { codes = []; }
  const known = await records();
  for (const code of Array.isArray(codes) ? codes : []) {
    if (typeof code === 'string' && !(code in known)) await rememberLanguage(code, null);
  }
  await meta.delete(OLD_SAVED_LIST);
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

class WrongVersion extends Error {}

// Download one entry; refuse errors, redirects and bytes that are not this version's.
async function download(entry) {
  const response = await fetch(entry.url, { cache: 'reload', credentials: 'same-origin' });
  if (!response.ok || response.redirected) {
    throw new Error('Refusing ' + entry.url + ': ' + response.status + (response.redirected ? ' (redirected)' : ''));
  }
  const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
  if (digest.slice(0, entry.revision.length) !== entry.revision) {
    throw new WrongVersion('Refusing ' + entry.url + ': its bytes are not those of version ' + MANIFEST.version);
  }
  return response;
}

// Downloads in progress, by cache key: a second save waits for the same download.
const downloading = new Map();

function downloadOnce(entry) {
  const key = cacheKey(entry);
  if (!downloading.has(key)) {
    const stored = (async () => {
      const response = await download(entry);
      if (installFailed) throw new Error('This version did not install'); // its cache is gone
      await (await caches.open(CACHE_NAME)).put(key, response);
    })();
    downloading.set(key, stored);
    stored.then(() => downloading.delete(key), () => downloading.delete(key));
  }
  return downloading.get(key);
}

// task over items, PARALLEL_DOWNLOADS at a time; the first failure stops the rest.
async function inParallel(items, task) {
  const queue = items.slice();
  let failed = false;
  async function next() {
    while (queue.length && !failed) {
      const item = queue.shift();
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  const runners = [];
  for (let i = 0; i < PARALLEL_DOWNLOADS; i += 1) runners.push(next());
  await Promise.all(runners);
}

// Every entry into this version's cache: copied where possible, else downloaded. Resolves to
// the number downloaded. onProgress(done, total, downloaded).
async function fillCache(entries, onProgress) {
  const missing = await copyInto(entries);
  let done = entries.length - missing.length;
  let downloaded = 0;
  let failed = false;
  try {
    await inParallel(missing, async (entry) => {
      try {
        await downloadOnce(entry);
      } catch (error) {
        failed = true;
        throw error;
      }
      downloaded += 1;
      done += 1;
      if (onProgress && !failed) onProgress(done, entries.length, downloaded);
    });
  } finally {
    forgetOpenCache(); // the cache may be new: the fetch path opens it again
  }
  return downloaded;
}

// Copies what any cache holds under the same revision (no network); resolves to what is missing.
async function copyInto(entries) {
  const cache = await caches.open(CACHE_NAME);
  const missing = [];
  for (const entry of entries) {
    const key = cacheKey(entry);
    if (await cache.match(key)) continue;
    const copy = await caches.match(key, { ignoreVary: true });
    if (copy) await cache.put(key, copy);
    else missing.push(entry);
  }
  return missing;
}

function failureReason(error) {
  if (error && error.name === 'QuotaExceededError') return 'quota';
  if (error instanceof WrongVersion) return 'newer';
  return 'network';
}

async function tellPages(message) {
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    client.postMessage(message);
  }
}

// This version's install failed: its cache is gone, and nothing is saved into it again.
let installFailed = false;

// Languages asked for, never saved: each tried alone, pages told when saved. copyOnly (activate):
// no download keeps pages waiting; the page that asked saves it.
async function saveAskedFor(remembered, copyOnly) {
  for (const code of Object.keys(remembered)) {
    if (remembered[code].savedAt || !(code in MANIFEST.languages)) continue;
    try {
      let downloaded = 0;
      if (copyOnly) {
        if ((await copyInto(entriesFor([code]))).length) continue;
      } else {
        downloaded = await fillCache(entriesFor([code]));
      }
      const savedAt = new Date().toISOString();
      await rememberLanguage(code, savedAt);
      await tellPages({ type: 'SAVED', language: code, total: entriesFor([code]).length, downloaded, savedAt, first: true });
    } catch (error) {
      // Left for activate, or for the next page that asks.
    }
  }
}

function savedCodes(remembered) {
  return Object.keys(remembered).filter((code) => remembered[code].savedAt);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // A try cut short (the browser closed) is no longer in progress: removed. The active cache
    // stays, and a waiting version's, which the page may be offering.
    const keep = new Set([CACHE_NAME]);
    const active = await recordedCache(ACTIVE_RECORD);
    if (active || !self.registration.active) {
      if (active) keep.add(active);
      if (self.registration.waiting) keep.add(await recordedCache(INSTALLED_RECORD));
      const names = await caches.keys();
      await Promise.all(names
        .filter((name) => name.startsWith(CACHE_PREFIX) && !keep.has(name))
        .map((name) => caches.delete(name)));
    }
    let remembered;
    try {
      // The shared files and every saved language, or the install fails.
      remembered = await records();
      await fillCache(entriesFor(savedCodes(remembered)));
      await putRecord(INSTALLED_RECORD, { cache: CACHE_NAME });
    } catch (error) {
      // Nothing of a failed try stays: a full device would only get fuller.
      installFailed = true;
      await caches.delete(CACHE_NAME);
      await tellPages({ type: 'INSTALL_FAILED', reason: failureReason(error) });
      throw error;
    }
    await saveAskedFor(remembered);
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await migrateOldList();
    await putRecord(ACTIVE_RECORD, { cache: CACHE_NAME });
    // A language saved during the install may be missing.
    const remembered = await records();
    try {
      await fillCache(entriesFor(savedCodes(remembered)));
    } catch (error) {
      // Offline: the next page's save tops up.
    }
    await saveAskedFor(remembered, true);
    // Other versions' bytes are never served by this one.
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

async function saveLanguage(code, client) {
  const tell = (message) => client && client.postMessage(Object.assign({ language: code }, message));
  if (!(code in MANIFEST.languages)) {
    tell({ type: 'SAVE_FAILED', reason: 'unknown' });
    return;
  }
  if (installFailed) {
    tell({ type: 'SAVE_FAILED', reason: 'network' });
    return;
  }
  // Remembered at once: if this version cannot save it (the server has a newer one), that one does.
  const before = (await records())[code];
  if (!before) await rememberLanguage(code, null);
  const entries = entriesFor([code]);
  try {
    const downloaded = await fillCache(entries, (done, total, fetched) => tell({ type: 'SAVE_PROGRESS', done, total, downloaded: fetched }));
    const savedAt = (downloaded === 0 && before && before.savedAt) || new Date().toISOString();
    await rememberLanguage(code, savedAt);
    tell({ type: 'SAVED', total: entries.length, downloaded, savedAt, first: !(before && before.savedAt) });
  } catch (error) {
    tell({ type: 'SAVE_FAILED', reason: failureReason(error) });
  }
}

// The languages whose every file is in this version's cache, with their records.
async function status() {
  const remembered = await records();
  const cache = await cacheToRead();
  const keys = new Set(cache ? (await cache.keys()).map((request) => {
    const url = new URL(request.url);
    return url.pathname + url.search;
  }) : []);
  const saved = {};
  for (const code of Object.keys(remembered)) {
    if (code in MANIFEST.languages && entriesFor([code]).every((entry) => keys.has(cacheKey(entry)))) {
      saved[code] = remembered[code];
    }
  }
  return { type: 'STATUS', languages: Object.keys(saved), saved };
}

// Restores every remembered language and the asking page's own, whole (browsers evict a site's
// storage whole, records too): what is missing, and only this version's bytes.
async function refreshSaved(language, client) {
  let reason = null;
  let codes = [];
  let downloaded = 0;
  try {
    if (typeof language === 'string' && language in MANIFEST.languages && !((await records())[language])) {
      await rememberLanguage(language, null);
    }
    const before = await records();
    codes = Object.keys(before).filter((code) => code in MANIFEST.languages);
    downloaded = await fillCache(entriesFor(codes));
    const savedAt = new Date().toISOString();
    for (const code of codes) {
      if (downloaded > 0 || !before[code].savedAt) await rememberLanguage(code, savedAt);
    }
  } catch (error) {
    reason = failureReason(error);
  }
  if (client) client.postMessage({ type: 'REFRESHED', ok: reason === null, reason, languages: codes, downloaded });
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  } else if (data.type === 'SAVE_LANGUAGE' && typeof data.language === 'string') {
    event.waitUntil(saveLanguage(data.language, event.source));
  } else if (data.type === 'STATUS') {
    event.waitUntil(status().then((message) => event.source.postMessage(message)));
  } else if (data.type === 'REFRESH') {
    event.waitUntil(refreshSaved(data.language, event.source));
  }
});

function languageOfPath(pathname) {
  const first = pathname.split('/')[1];
  return first in MANIFEST.languages ? first : null;
}

// The fetch path opens this version's cache once (again only after fillCache wrote it) and never
// creates it (caches.open would bring back one activate deleted).
let openCache = null;
// Bytes already read, kept while the worker lives (a key names one revision): bounded.
const MEMORY_BUDGET = 4 * 1024 * 1024;
const inMemory = new Map();
let inMemoryBytes = 0;

function forgetOpenCache() {
  openCache = null;
}

async function cacheToRead() {
  if (!openCache && (await caches.has(CACHE_NAME))) openCache = await caches.open(CACHE_NAME);
  return openCache;
}

async function cached(key) {
  const copy = inMemory.get(key);
  if (copy) return new Response(copy.body, copy.init);
  const cache = await cacheToRead();
  const response = cache && (await cache.match(key, { ignoreVary: true }));
  if (!response) return undefined; // a language not saved: the network answers
  const body = await response.arrayBuffer();
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (inMemoryBytes + body.byteLength <= MEMORY_BUDGET) {
    inMemory.set(key, { body, init });
    inMemoryBytes += body.byteLength;
  }
  return new Response(body, init);
}

async function offlinePage(pathname) {
  const preferred = languageOfPath(pathname);
  const others = (await caches.has(META_CACHE)) ? Object.keys(await records()) : [];
  for (const code of (preferred ? [preferred] : []).concat(others)) {
    const key = KEY_FOR_PATH.get('/' + code + '/offline/');
    const response = key && (await cached(key));
    if (response) return response;
  }
  return Response.error();
}

async function respond(request) {
  const url = new URL(request.url);
  const key = KEY_FOR_PATH.get(url.pathname);
  if (key) {
    const response = await cached(key);
    if (response) return response;
  }
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode === 'navigate') return offlinePage(url.pathname);
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
