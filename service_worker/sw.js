/* School Safety Guide service worker.
 *
 * The server puts self.PRECACHE_MANIFEST in front of this file: {version, shared, languages},
 * each entry {url, revision} (revision: the first 16 hex digits of the sha256 of the bytes served).
 * The version covers the manifest and this file's own code. Rules (Workbox's precaching, kept
 * small; one cache per version rather than Workbox's one shared cache, because then a failed try
 * is removed whole by deleting its cache, and the active version's cache is never written by a try):
 * - install fills this version's cache completely or fails, and a failed try deletes its cache:
 *   storage holds the active version and at most one try in progress;
 * - every download is checked against its revision: a CDN edge still serving other bytes fails it;
 * - an entry cached under the same revision (in any version's cache) is copied, not downloaded;
 *   one download of a file at a time, however many saves ask for it;
 * - downloads bypass the HTTP cache and refuse errors and redirects;
 * - a language asked for is remembered at once (one record per language), so that the next
 *   version's install or activate saves it too, and the worker that saves it says so;
 * - activate tops up every remembered language, then deletes every other version's cache;
 * - nothing in the fetch path creates a cache.
 */
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

// Remembered languages: one record per language, {savedAt} (null until a version has saved it).
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

// A list kept by an older worker becomes one record per language; done once, when a version activates.
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

// Downloads in progress in this worker, by cache key: a second save that needs the same file
// waits for the first download instead of starting another.
const downloading = new Map();

function downloadOnce(entry) {
  const key = cacheKey(entry);
  if (!downloading.has(key)) {
    const stored = (async () => {
      const response = await download(entry);
      if (installFailed) throw new Error('This version did not install'); // its cache is gone: not again
      await (await caches.open(CACHE_NAME)).put(key, response);
    })();
    downloading.set(key, stored);
    stored.then(() => downloading.delete(key), () => downloading.delete(key));
  }
  return downloading.get(key);
}

// Run task over items, PARALLEL_DOWNLOADS at a time; reject as soon as one fails (the others stop).
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

// Put every entry into this version's cache: first copy what any cache already holds under the
// same revision (no network), then download the rest. onProgress(done, total, downloaded).
// Resolves to how many entries had to be downloaded.
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
    forgetOpenCache(); // this cache may have been created anew: the fetch path opens it again
  }
  return downloaded;
}

// Copy into this version's cache what any cache holds under the same revision; no network.
// Resolves to the entries still missing.
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

// Set when this version's install failed: its cache is gone, and nothing more is saved into it.
let installFailed = false;

// Languages asked for but not yet saved by any version: each is tried on its own, and when it is
// saved, every page hears so. One that cannot be saved now stays remembered for the next try.
// copyOnly: nothing is downloaded (activate must not keep the pages waiting on the network; the
// page that asked saves it itself).
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
    // A try before this one that was cut short (the browser closed, say) is no longer in progress:
    // remove it. The active version's cache stays, and so does a waiting version's, which the
    // page may still be offering as the update.
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
      // The shared files and every saved language, whole, or the install fails.
      remembered = await records();
      await fillCache(entriesFor(savedCodes(remembered)));
      await putRecord(INSTALLED_RECORD, { cache: CACHE_NAME });
    } catch (error) {
      // Nothing of a failed try stays: a full device would only get fuller. The active version's
      // cache has another name, so it is untouched.
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
    // A language saved while this version was installing may not be in its cache yet.
    const remembered = await records();
    try {
      await fillCache(entriesFor(savedCodes(remembered)));
    } catch (error) {
      // Offline: what could be copied is copied; the next page's save tops up the rest.
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
  // Remembered at once: if this version cannot save it (a newer one is on the server), the next
  // version's install or activate does.
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

// Restore what was saved, whole: every remembered language and the asking page's own (a browser
// that evicts a site's storage evicts it whole, records included). Copies what is still there and
// downloads only the rest, and only bytes of this very version: a newer one is left to the update.
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

// The fetch path: read this version's cache without ever creating one (caches.open would bring
// back a cache that activate has just deleted), and open it once, not for every request. It is
// opened again only after this worker has written it (fillCache), which is when it can have
// been created anew.
let openCache = null;
// Bytes already read, kept while the worker lives: a key names one revision, so its bytes never
// change, and answering from memory saves a third of an offline navigation (docs/benchmarks.md).
// Bounded: the manifest's entries at most, and no more than MEMORY_BUDGET bytes.
const MEMORY_BUDGET = 4 * 1024 * 1024;
const inMemory = new Map();
let inMemoryBytes = 0;

function forgetOpenCache() {
  openCache = null;
}

// This version's cache, opened once, or null while there is none (it is never created here).
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
