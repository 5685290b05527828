// The table of events shared by the live view, the search and the alarms: one row per event, newest where the
// caller puts it, each row a link to the event's detail.

import { h } from './dom.js';
import { ago, lateness, outcome, percent, personName, shortTime, thumbnailOf, time, words } from './format.js';
import { picture } from './images.js';

const HEADINGS = ['Picture', 'Time', 'Person', 'Result', 'Device', 'Notes'];

export function badge({ label, tone }) {
  return h('span', { class: `badge ${tone}` }, label);
}

export function eventTable(caption) {
  const tbody = h('tbody');
  const table = h('table', { class: 'events' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', null, h('tr', null, HEADINGS.map((t) => h('th', { scope: 'col' }, t)))),
    tbody);
  table.addEventListener('click', (e) => {
    const row = e.target.closest('tr[data-seq]');
    if (row && !e.target.closest('a, button') && !window.getSelection()?.toString()) {
      location.hash = `#/events/${row.dataset.seq}`;
    }
  });
  return { table, tbody };
}

function personCell(event) {
  const name = personName(event);
  const who = event.person ?? {};
  const link = h('a', { href: `#/events/${event.seq}`, class: 'person' },
    name || (who.type === 'STRANGER' ? 'Stranger' : event.type === 'alarm' ? 'Alarm' : 'Unknown person'));
  if (!name) link.classList.add('unnamed');
  const details = [who.id && `id ${who.id}`, who.type && who.type !== 'STRANGER' && words(who.type),
    (who.groups ?? []).map((g) => g.name ?? g.id).filter(Boolean).join(', ')].filter(Boolean);
  return h('td', null, link, details.length ? h('small', null, details.join(' · ')) : null);
}

function notes(event) {
  const list = [];
  if (event.late) list.push(h('span', { class: 'badge late', title: `received ${time(event.receivedAt)}` },
    lateness(event.lateBySeconds)));
  if (event.kind === 'AUTHORIZATION_REQUEST') list.push(h('span', { class: 'tag' }, 'authorization request'));
  if (event.person?.type === 'BLACKLISTED') list.push(h('span', { class: 'badge refuse' }, 'blacklisted'));
  if (event.scores?.recognition != null) list.push(h('span', { class: 'tag', title: 'recognition score' },
    `score ${percent(event.scores.recognition)}`));
  if (event.bodyTemperature != null) list.push(h('span', { class: 'tag' }, `${event.bodyTemperature} °C`));
  if (event.type === 'alarm' && event.description) list.push(h('span', { class: 'tag' }, event.description));
  list.push(h('small', { class: 'channel' }, words(event.channel), ` · #${event.seq}`));
  return list;
}

export function eventRow(event, fresh = false) {
  const source = event.source ?? {};
  const name = personName(event) || 'event';
  return h('tr', { 'data-seq': event.seq, class: fresh ? 'fresh' : null },
    h('td', { class: 'pic' }, picture(thumbnailOf(event), `${name}, #${event.seq}`)),
    h('td', { class: 'when' }, h('time', { datetime: event.occurredAt, title: `occurred ${time(event.occurredAt)}` },
      shortTime(event.occurredAt)), h('small', { 'data-ago': event.occurredAt }, ago(event.occurredAt))),
    personCell(event),
    h('td', null, badge(outcome(event))),
    h('td', null, event.deviceId ?? '', h('small', null,
      [source.deviceSerial, source.cameraId && `camera ${source.cameraId}`].filter(Boolean).join(' · '))),
    h('td', { class: 'notes' }, h('div', null, notes(event))));
}

/** Refreshes the "3 min ago" texts under root. */
export function refreshAges(root) {
  const now = Date.now();
  for (const el of root.querySelectorAll('[data-ago]')) el.textContent = ago(el.dataset.ago, now);
}
