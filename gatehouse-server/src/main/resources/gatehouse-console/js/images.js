// Images are behind the admin token, so an <img src> cannot load them: they are fetched with the token and
// shown through object URLs. The hub names each image by the SHA-256 of its bytes and lets browsers keep it for
// a year, so a repeated image costs at most a cache hit; the blobs of recent images are also kept here.

import { call } from './api.js';
import { h } from './dom.js';
import { bytes, words } from './format.js';

const KEEP = 300;          // blobs kept in memory (about 10 MB of 30 kB snapshots)
const PARALLEL = 4;        // the browser allows 6 connections to the hub; the live stream holds one
const blobs = new Map();   // sha256 → Promise<Blob>, oldest first
const waiting = [];
let running = 0;

const showable = (image) => image?.mediaType?.startsWith('image/') && /^[0-9a-f]{64}$/.test(image.sha256 ?? '');

function blob(sha256) {
  let found = blobs.get(sha256);
  if (found) {
    blobs.delete(sha256); // most recently used last
  } else {
    found = queued(() => call(`api/images/${sha256}`).then((r) => r.blob()));
    found.catch(() => blobs.delete(sha256));
  }
  blobs.set(sha256, found);
  while (blobs.size > KEEP) blobs.delete(blobs.keys().next().value);
  return found;
}

function queued(task) {
  return new Promise((resolve, reject) => {
    waiting.push(() => task().then(resolve, reject).finally(() => {
      running--;
      next();
    }));
    next();
  });
}

function next() {
  while (running < PARALLEL && waiting.length) {
    running++;
    waiting.shift()();
  }
}

/**
 * An <img> that fills in when the image arrives; its object URL is revoked once the picture is decoded.
 * Until then (or when the hub has no such image) it is a placeholder with the same size.
 */
export function picture(image, alt, className = 'thumb') {
  if (!showable(image)) {
    return h('span', { class: `${className} no-image`, role: 'img', 'aria-label': `${alt}: no picture` });
  }
  const img = h('img', { class: `${className} loading`, alt, decoding: 'async' });
  blob(image.sha256).then((b) => {
    const url = URL.createObjectURL(b);
    img.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
    img.addEventListener('error', () => URL.revokeObjectURL(url), { once: true });
    img.src = url;
    img.classList.remove('loading');
  }, () => {
    img.classList.replace('loading', 'failed');
    img.title = 'the hub could not send this image';
  });
  return img;
}

/** A link that opens the image in a new tab, fetched with the token at the moment it is clicked. */
export function openLink(image, text = 'open') {
  return h('a', {
    href: '#', class: 'open-image',
    onclick: (e) => {
      e.preventDefault();
      const opened = window.open('', '_blank');
      blob(image.sha256).then((b) => {
        const url = URL.createObjectURL(b);
        if (opened) opened.location = url; else window.location.assign(url);
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      });
    },
  }, text);
}

/** A figure for the detail view: the picture, its kind, size and hash. */
export function figure(image, alt) {
  return h('figure', { class: 'image' },
    picture(image, alt, 'large'),
    h('figcaption', null,
      h('strong', null, words(image.kind) || 'image'), ' · ', image.mediaType ?? '', ' · ', bytes(image.size),
      ' · ', showable(image) ? openLink(image) : null,
      h('br'), h('code', { class: 'hash', title: 'SHA-256' }, image.sha256 ?? '')));
}
