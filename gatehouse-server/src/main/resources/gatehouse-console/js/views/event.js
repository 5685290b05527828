// One event: every normalized field, its images, and the payload exactly as the device sent it (images
// replaced by references to the stored blobs).

import { json } from '../api.js';
import { facts, h } from '../dom.js';
import { coded, lateness, outcome, percent, preciseTime, time, words } from '../format.js';
import { figure } from '../images.js';
import { badge } from '../rows.js';

export const title = 'Event';

const when = (iso) => (iso ? h('time', { datetime: iso, title: iso }, preciseTime(iso)) : null);
const search = (params, text) => h('a', { href: `#/events?${new URLSearchParams(params)}` }, text);

function hubFacts(e) {
  return [
    ['Occurred', when(e.occurredAt)],
    ['Received', [when(e.receivedAt), e.late ? [' ', h('span', { class: 'badge late' }, lateness(e.lateBySeconds))] : null]],
    ['Device', e.deviceId ? [e.deviceId, ' ', search({ device: e.deviceId }, '(its events)')] : null],
    ['Serial', e.source?.deviceSerial],
    ['Camera', e.source?.cameraId],
    ['Device address', e.source?.deviceAddress],
    ['Channel', words(e.channel)],
    ['Dialect', e.source?.dialect],
    ['Device event id', e.deviceEventId],
    ['Stored as', [`#${e.seq} · `, h('code', null, e.dedupeKey ?? '')]],
  ];
}

function accessFacts(e) {
  const p = e.person ?? {};
  const visit = p.visitorWindow ? `${time(p.visitorWindow.from) || '…'} – ${time(p.visitorWindow.until) || '…'}` : null;
  return [
    ['Kind', words(e.kind)],
    ['Person', p.name ?? (p.type === 'STRANGER' ? 'stranger' : null)],
    ['Person id', p.id ? [p.id, ' ', search({ personId: p.id }, '(their events)')] : null],
    ['Person type', words(p.type)],
    ['Job number', p.jobNumber],
    ['ID number', p.idNumber],
    ['Cards', p.cards?.join(', ')],
    ['Groups', p.groups?.map((g) => (g.name ? `${g.name} (${g.id ?? '–'})` : g.id)).join(', ')],
    ['Visitor window', visit],
    ['Remark', p.remark],
    ['Verification', coded(e.outcome?.verification)],
    ['Entry', coded(e.outcome?.entry)],
    ['Abnormal', coded(e.outcome?.abnormal)],
    ['Recognition', e.scores?.recognition != null
      ? `${percent(e.scores.recognition)} (sent as ${e.scores.rawRecognition} of ${e.scores.rawScale})` : null],
    ['Liveness', percent(e.scores?.liveness)],
    ['Mask', words(e.mask)],
    ['Body temperature', e.bodyTemperature != null ? `${e.bodyTemperature} °C` : null],
  ];
}

function alarmFacts(e) {
  return [
    ['Alarm', coded(e.code)],
    ['Status', coded(e.status)],
    ['Description', e.description],
    ['User id', e.userId ? [e.userId, ' ', search({ personId: e.userId }, '(their events)')] : null],
    ['Trace id', e.traceId],
  ];
}

function jsonBlock(label, value) {
  const text = JSON.stringify(value, null, 2);
  const copy = navigator.clipboard ? h('button', {
    type: 'button', class: 'quiet small',
    onclick: (ev) => navigator.clipboard.writeText(text).then(() => { ev.target.textContent = 'Copied'; }),
  }, 'Copy') : null;
  return h('details', { class: 'json' }, h('summary', null, label, ' ', copy), h('pre', null, text));
}

export async function render(view, { rest, signal }) {
  const seq = rest[0];
  if (!/^\d+$/.test(seq)) throw new Error(`"${seq}" is not an event number`);
  const e = await json(`api/events/${seq}`, { signal });
  const { payload, ...normalized } = e;
  const name = e.type === 'alarm' ? `Alarm: ${e.code?.meaning || words(e.code?.name) || 'undocumented'}` : (e.person?.name
    ?? (e.person?.type === 'STRANGER' ? 'Stranger' : 'Unknown person'));
  const images = e.images ?? [];
  view.append(
    h('div', { class: 'view-head' },
      h('a', { href: '#/events', class: 'back', onclick: (ev) => { if (history.length > 1) { ev.preventDefault(); history.back(); } } }, '← Back'),
      h('h1', { tabindex: '-1', class: 'event-title' }, name), badge(outcome(e)),
      e.person?.type === 'BLACKLISTED' ? badge({ label: 'blacklisted', tone: 'refuse' }) : null,
      e.late ? h('span', { class: 'badge late' }, lateness(e.lateBySeconds)) : null,
      h('span', { class: 'seq' }, `event #${e.seq}`)),
    h('div', { class: 'detail' },
      h('section', { class: 'pictures', 'aria-label': 'Images' },
        images.length ? images.map((i, n) => figure(i, `${name}: ${words(i.kind)} ${n + 1}`))
          : h('p', { class: 'message empty' }, 'The device sent no image with this event.')),
      h('div', { class: 'fields' },
        h('section', null, h('h2', null, e.type === 'alarm' ? 'Alarm' : 'Person and recognition'),
          facts(e.type === 'alarm' ? alarmFacts(e) : accessFacts(e))),
        h('section', null, h('h2', null, 'Where and how it arrived'), facts(hubFacts(e))))),
    jsonBlock('Normalized event (JSON)', normalized),
    payload !== undefined ? jsonBlock('Payload as the device sent it (images replaced by blob:sha256: references)', payload) : null);
}
