/* School Safety Guide service worker.
 *
 * The server puts self.PRECACHE_MANIFEST in front of this file: {version, shared, languages},
 * each entry {url, revision} (revision: the first 16 hex digits of the sha256 of the bytes served).
 * The version covers the manifest and this file's own code. Rules (Workbox's, written small):
 * - one cache per version; install fills it completely or fails, so versions never mix, and a
 *   failed install never touches the cache the active version serves;
 * - every download is checked against its revision: a CDN edge still serving other bytes fails it;
 * - entries already cached under the same revision are copied, not downloaded again (also what a
 *   failed or quota-stopped try had already saved);
 * - downloads bypass the HTTP cache and refuse errors and redirects;
 * - activate tops up every saved language, then deletes every other version's cache;
 * - one record per saved language (no shared list to read, change and write back);
 * - nothing in the fetch path creates a cache.
 */
'use strict';

const MANIFEST = self.PRECACHE_MANIFEST;
const CACHE_PREFIX = 'guide-v-';
const CACHE_NAME = CACHE_PREFIX + MANIFEST.version;
const META_CACHE = 'guide-meta';
const SAVED_PREFIX = '/__guide/saved/';
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

// Saved languages: one record per language, {savedAt}, in the meta cache.
async function savedRecords() {
  const meta = await caches.open(META_CACHE);
  const old = await meta.match(OLD_SAVED_LIST);
  if (old) {
    // Move a list kept by an older worker into one record per language, once.
    let codes = [];
    try { codes = await old.json(); } catch (error) { codes = []; }
    for (const code of Array.isArray(codes) ? codes : []) {
      if (!(await meta.match(SAVED_PREFIX + code))) await rememberLanguage(code, null);
    }
    await meta.delete(OLD_SAVED_LIST);
  }
  const records = {};
  for (const request of await meta.keys()) {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(SAVED_PREFIX)) continue;
    let record = {};
    try { record = await (await meta.match(request)).json(); } catch (error) { record = {}; }
    records[path.slice(SAVED_PREFIX.length)] = record;
  }
  return records;
}

async function savedLanguages() {
  return Object.keys(await savedRecords());
}

async function rememberLanguage(code, savedAt) {
  const meta = await caches.open(META_CACHE);
  await meta.put(SAVED_PREFIX + code, new Response(JSON.stringify({ savedAt }), {
    headers: { 'Content-Type': 'application/json' },
  }));
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

// Put every entry into the cache; reject as soon as one fails, and then say nothing more.
// onProgress(done, total, downloaded). Resolves to how many entries had to be downloaded.
async function fillCache(cache, entries, onProgress) {
  let done = 0;
  let downloaded = 0;
  let failed = false;
  const queue = entries.slice();
  async function worker() {
    while (queue.length && !failed) {
      const entry = queue.shift();
      const key = cacheKey(entry);
      try {
        if (!(await cache.match(key))) {
          let response = await caches.match(key, { ignoreVary: true });
          if (!response) {
            response = await download(entry);
            downloaded += 1;
          }
          await cache.put(key, response);
        }
      } catch (error) {
        failed = true;
        throw error;
      }
      done += 1;
      if (!failed) onProgress(done, entries.length, downloaded);
    }
  }
  const workers = [];
  for (let i = 0; i < PARALLEL_DOWNLOADS; i += 1) workers.push(worker());
  await Promise.all(workers);
  return downloaded;
}

function failureReason(error) {
  if (error && error.name === 'QuotaExceededError') return 'quota';
  if (error instanceof WrongVersion) return 'newer';
  return 'network';
}

self.addEventListener('install', (event) => {
  // A new version's own cache (its name holds the version, which covers this code too), so a
  // failure here never touches what the active version serves. What it saved before failing is
  // kept: the next try copies it instead of downloading it again.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE_NAME);
    try {
      await fillCache(cache, entriesFor(await savedLanguages()), () => {});
    } catch (error) {
      // A first visit has no copy yet: its page says why it could not save (a full device, say).
      for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
        client.postMessage({ type: 'INSTALL_FAILED', reason: failureReason(error) });
      }
      throw error;
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE_NAME);
    let whole = true;
    try {
      // A language saved while this version was installing is in the old cache, not in ours yet.
      await fillCache(cache, entriesFor(await savedLanguages()), () => {});
    } catch (error) {
      whole = false; // offline: keep the old caches, so nothing saved is lost; the next page tops up
    }
    if (whole) {
      const names = await caches.keys();
      await Promise.all(names
        .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
        .map((name) => caches.delete(name)));
    }
    const wanted = new Set(KEY_FOR_PATH.values());
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      if (!wanted.has(url.pathname + url.search)) await cache.delete(request);
    }
    await self.clients.claim();
  })());
});

async function saveLanguage(code, client) {
  const tell = (message) => client && client.postMessage(Object.assign({ language: code }, message));
  if (!(code in MANIFEST.languages)) {
    tell({ type: 'SAVE_FAILED', reason: 'unknown' });
    return;
  }
  const entries = entriesFor([code]);
  try {
    const cache = await caches.open(CACHE_NAME);
    const downloaded = await fillCache(cache, entries, (done, total, fetched) => tell({ type: 'SAVE_PROGRESS', done, total, downloaded: fetched }));
    const records = await savedRecords();
    const savedAt = (downloaded === 0 && records[code] && records[code].savedAt) || new Date().toISOString();
    await rememberLanguage(code, savedAt);
    tell({ type: 'SAVED', total: entries.length, downloaded, savedAt });
  } catch (error) {
    tell({ type: 'SAVE_FAILED', reason: failureReason(error) });
  }
}

// Download every saved language again (for example after the browser evicted some files). Only
// bytes of this very version are written: a newer version on the server is left to the update.
async function refreshSaved(client) {
  const codes = await savedLanguages();
  let reason = null;
  try {
    const cache = await caches.open(CACHE_NAME);
    const fresh = [];
    for (const entry of entriesFor(codes)) fresh.push([cacheKey(entry), await download(entry)]);
    for (const [key, response] of fresh) await cache.put(key, response);
    const savedAt = new Date().toISOString();
    for (const code of codes) await rememberLanguage(code, savedAt);
  } catch (error) {
    reason = failureReason(error);
  }
  if (client) client.postMessage({ type: 'REFRESHED', ok: reason === null, reason, languages: codes });
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  } else if (data.type === 'SAVE_LANGUAGE' && typeof data.language === 'string') {
    event.waitUntil(saveLanguage(data.language, event.source));
  } else if (data.type === 'STATUS') {
    event.waitUntil(savedRecords().then((records) => event.source.postMessage({
      type: 'STATUS', languages: Object.keys(records), saved: records,
    })));
  } else if (data.type === 'REFRESH') {
    event.waitUntil(refreshSaved(event.source));
  }
});

function languageOfPath(pathname) {
  const first = pathname.split('/')[1];
  return first in MANIFEST.languages ? first : null;
}

// The fetch path: read this version's cache without ever creating one (caches.open would bring
// back a cache that activate has just deleted), and without reopening it for every request.
let openCache = null;
// Bytes already read, kept while the worker lives: a key names one revision, so its bytes never
// change, and answering from memory saves a third of an offline navigation (docs/benchmarks.md).
// Bounded: the manifest's entries at most, and no more than MEMORY_BUDGET bytes.
const MEMORY_BUDGET = 4 * 1024 * 1024;
const inMemory = new Map();
let inMemoryBytes = 0;

async function cached(key) {
  const copy = inMemory.get(key);
  if (copy) return new Response(copy.body, copy.init);
  if (!openCache) {
    if (!(await caches.has(CACHE_NAME))) return undefined;
    openCache = await caches.open(CACHE_NAME);
  }
  const response = await openCache.match(key, { ignoreVary: true });
  if (!response) {
    openCache = null; // the browser may have cleared storage: look again next time
    return undefined;
  }
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
  const others = (await caches.has(META_CACHE)) ? await savedLanguages() : [];
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
