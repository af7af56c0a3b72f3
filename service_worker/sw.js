/* School Safety Guide service worker.
 *
 * The server puts self.PRECACHE_MANIFEST in front of this file: {version, shared, languages},
 * each entry {url, revision}. Rules (Workbox's, written small):
 * - one cache per version; install fills it completely or fails, so versions never mix;
 * - entries already cached under the same revision are copied, not downloaded again;
 * - downloads bypass the HTTP cache and refuse errors and redirects;
 * - activate deletes every other version's cache;
 * - languages are saved on request (SAVE_LANGUAGE) and kept across updates.
 */
'use strict';

const MANIFEST = self.PRECACHE_MANIFEST;
const CACHE_PREFIX = 'guide-v-';
const CACHE_NAME = CACHE_PREFIX + MANIFEST.version;
const META_CACHE = 'guide-meta';
const SAVED_LANGUAGES_KEY = '/__guide/saved-languages';
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

async function savedLanguages() {
  const meta = await caches.open(META_CACHE);
  const response = await meta.match(SAVED_LANGUAGES_KEY);
  if (!response) return [];
  try {
    const codes = await response.json();
    return Array.isArray(codes) ? codes : [];
  } catch (error) {
    return [];
  }
}

async function rememberLanguage(code) {
  const codes = await savedLanguages();
  if (codes.includes(code)) return;
  codes.push(code);
  const meta = await caches.open(META_CACHE);
  await meta.put(SAVED_LANGUAGES_KEY, new Response(JSON.stringify(codes), {
    headers: { 'Content-Type': 'application/json' },
  }));
}

async function download(entry) {
  const response = await fetch(entry.url, { cache: 'reload', credentials: 'same-origin' });
  if (!response.ok || response.redirected) {
    throw new Error('Refusing ' + entry.url + ': ' + response.status + (response.redirected ? ' (redirected)' : ''));
  }
  return response;
}

// Put every entry into the cache; reject as soon as one fails. onProgress(done, total, downloaded).
// Resolves to how many entries had to be downloaded.
async function fillCache(cache, entries, onProgress) {
  let done = 0;
  let downloaded = 0;
  const queue = entries.slice();
  async function worker() {
    while (queue.length) {
      const entry = queue.shift();
      const key = cacheKey(entry);
      if (!(await cache.match(key))) {
        let response = await caches.match(key, { ignoreVary: true });
        if (!response) {
          response = await download(entry);
          downloaded += 1;
        }
        await cache.put(key, response);
      }
      done += 1;
      onProgress(done, entries.length, downloaded);
    }
  }
  const workers = [];
  for (let i = 0; i < PARALLEL_DOWNLOADS; i += 1) workers.push(worker());
  await Promise.all(workers);
  return downloaded;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE_NAME);
    try {
      await fillCache(cache, entriesFor(await savedLanguages()), () => {});
    } catch (error) {
      // Leave nothing half-made behind: the next visit starts this version again from scratch.
      await caches.delete(CACHE_NAME);
      throw error;
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
      .map((name) => caches.delete(name)));
    const wanted = new Set(KEY_FOR_PATH.values());
    const cache = await caches.open(CACHE_NAME);
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      if (!wanted.has(url.pathname + url.search)) await cache.delete(request);
    }
    await self.clients.claim();
  })());
});

async function saveLanguage(code, client) {
  const entries = entriesFor([code]);
  const tell = (message) => client && client.postMessage(Object.assign({ language: code }, message));
  if (!(code in MANIFEST.languages)) {
    tell({ type: 'SAVE_FAILED' });
    return;
  }
  try {
    const cache = await caches.open(CACHE_NAME);
    const downloaded = await fillCache(cache, entries, (done, total, fetched) => tell({ type: 'SAVE_PROGRESS', done, total, downloaded: fetched }));
    await rememberLanguage(code);
    tell({ type: 'SAVED', total: entries.length, downloaded });
  } catch (error) {
    tell({ type: 'SAVE_FAILED' });
  }
}

// Download every saved language again (for example after the browser evicted some files).
async function refreshSaved(client) {
  const codes = await savedLanguages();
  let ok = true;
  try {
    const cache = await caches.open(CACHE_NAME);
    for (const entry of entriesFor(codes)) {
      await cache.put(cacheKey(entry), await download(entry));
    }
  } catch (error) {
    ok = false;
  }
  if (client) client.postMessage({ type: 'REFRESHED', ok, languages: codes });
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  } else if (data.type === 'SAVE_LANGUAGE' && typeof data.language === 'string') {
    event.waitUntil(saveLanguage(data.language, event.source));
  } else if (data.type === 'STATUS') {
    event.waitUntil(savedLanguages().then((languages) => event.source.postMessage({ type: 'STATUS', languages })));
  } else if (data.type === 'REFRESH') {
    event.waitUntil(refreshSaved(event.source));
  }
});

function languageOfPath(pathname) {
  const first = pathname.split('/')[1];
  return first in MANIFEST.languages ? first : null;
}

async function offlinePage(pathname) {
  const cache = await caches.open(CACHE_NAME);
  const preferred = languageOfPath(pathname);
  const codes = (preferred ? [preferred] : []).concat(await savedLanguages());
  for (const code of codes) {
    const key = KEY_FOR_PATH.get('/' + code + '/offline/');
    const response = key && (await cache.match(key));
    if (response) return response;
  }
  return Response.error();
}

async function respond(request) {
  const url = new URL(request.url);
  const key = KEY_FOR_PATH.get(url.pathname);
  if (key) {
    const cache = await caches.open(CACHE_NAME);
    const cached = await cache.match(key, { ignoreVary: true });
    if (cached) return cached;
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
