// Devices: the registered terminals and SE boxes with their live state, from GET /api/devices. A hub without the
// device registry answers 404, and the view says so. The list is read tolerantly (an array, or one under
// "devices" or "items"; a state as text or as {state, reason, since}), and every field is shown under Details.

import { HubError, json } from '../api.js';
import { fill, h, message } from '../dom.js';
import { ago, time, words } from '../format.js';

export const title = 'Devices';
const REFRESH = 5_000;

const TONES = { ONLINE: 'pass', CONNECTING: 'ask', DEGRADED: 'late', OFFLINE: 'refuse', UNAUTHORIZED: 'refuse',
  CERTIFICATE_CHANGED: 'alarm' };

const text = (v) => (v == null || typeof v === 'object' ? null : String(v));

/** The fields the table shows, from whichever of the likely names the registry uses. */
export function summary(d) {
  const stateValue = typeof d.state === 'object' && d.state ? d.state : { state: d.state ?? d.status };
  const state = String(stateValue.state ?? stateValue.name ?? 'unknown').toUpperCase().replaceAll(' ', '_');
  const lastError = typeof d.lastError === 'object' && d.lastError ? d.lastError.message ?? d.lastError.reason
    : d.lastError;
  return {
    id: text(d.id) ?? '',
    name: text(d.name),
    kind: text(d.kind ?? d.type ?? d.family),
    address: [text(d.host ?? d.address), text(d.port)].filter(Boolean).join(':'),
    serial: text(d.serial ?? d.deviceSerial ?? d.info?.serial),
    model: [text(d.model ?? d.info?.model), text(d.firmware ?? d.info?.firmware)].filter(Boolean).join(' · '),
    state,
    reason: text(stateValue.reason ?? d.stateReason ?? d.reason),
    since: text(stateValue.since ?? d.stateSince),
    lastEventAt: text(d.lastEventAt ?? d.lastEvent?.at ?? d.lastEvent?.receivedAt ?? d.lastEvent),
    lastError: text(lastError),
  };
}

function listOf(body) {
  return Array.isArray(body) ? body : body?.devices ?? body?.items ?? [];
}

function row(d) {
  const s = summary(d);
  return [h('tr', null,
    h('td', null, h('strong', null, s.name ?? s.id), s.name ? h('small', null, s.id) : null),
    h('td', null, s.kind ? words(s.kind) : '', h('small', null, s.model)),
    h('td', null, s.address, h('small', null, s.serial)),
    h('td', null, h('span', { class: `badge ${TONES[s.state] ?? 'none'}` }, words(s.state)),
      h('small', null, [s.reason, s.since && `since ${time(s.since)}`].filter(Boolean).join(' · '))),
    h('td', null, s.lastEventAt ? [h('time', { datetime: s.lastEventAt, title: s.lastEventAt }, ago(s.lastEventAt)),
      ' ', h('a', { href: `#/events?${new URLSearchParams({ device: s.id })}` }, 'events')] : 'none yet'),
    h('td', { class: s.lastError ? 'error-text' : null }, s.lastError ?? ''),
    h('td', null, h('details', null, h('summary', null, 'Details'), h('pre', null, JSON.stringify(d, null, 2)))))];
}

export async function render(view, { signal, onLeave }) {
  const status = h('p', { class: 'result-status', role: 'status' }, 'Loading…');
  const tbody = h('tbody');
  const table = h('table', { class: 'devices', hidden: true },
    h('caption', { class: 'visually-hidden' }, 'Registered devices and their state'),
    h('thead', null, h('tr', null, ['Device', 'Kind', 'Address', 'State', 'Last event', 'Last error', '']
      .map((t) => h('th', { scope: 'col' }, t)))), tbody);
  view.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Devices')), status, table);

  const refresh = async () => {
    try {
      const devices = listOf(await json('api/devices', { signal }));
      const open = new Set([...tbody.querySelectorAll('details[open]')].map((el) => el.closest('tr').dataset.id));
      tbody.replaceChildren(...devices.flatMap(row));
      tbody.querySelectorAll('tr').forEach((tr, i) => {
        tr.dataset.id = summary(devices[i]).id;
        if (open.has(tr.dataset.id)) tr.querySelector('details').open = true;
      });
      table.hidden = devices.length === 0;
      fill(status, devices.length ? `${devices.length} devices; refreshed every ${REFRESH / 1000} s.`
        : 'No device is registered yet (POST /api/devices adds one).');
      return true;
    } catch (e) {
      if (e.name === 'AbortError' || e.status === 401) return false;
      table.hidden = true;
      fill(status, e instanceof HubError && e.status === 404
        ? message('info', 'Devices are not available on this hub: it has no device registry (GET /api/devices answered 404).')
        : message('error', `The hub could not list its devices: ${e.message}`));
      return e.status !== 404;
    }
  };
  if (await refresh()) {
    const timer = setInterval(refresh, REFRESH);
    onLeave(() => clearInterval(timer));
  }
}
