// Devices: the registered terminals and SE boxes with their live state, from GET /api/devices, what an operator
// can do to each (open a terminal's door, accept a terminal's changed certificate: actions.js), and the audit log
// of one device (GET /api/devices/{id}/audit; its id in the address, #/devices?audit=lobby). A hub without the
// device registry answers 404, and the view says so. The list is read tolerantly (an array, or one under
// "devices" or "items"; a state as text or as {state, reason, since}), and every field is shown under Details.

import { HubError, json } from '../api.js';
import { acceptCertificate, noDoor, openDoor } from '../actions.js';
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

/** How the device is named in a dialog: 'Lobby (lobby, 192.0.2.21:8000)'. */
function label(s) {
  return `${s.name ?? s.id} (${[s.name ? s.id : null, s.address].filter(Boolean).join(', ')})`;
}

function actions(d, s, on) {
  const why = noDoor(d);
  return h('td', { class: 'actions' },
    why ? h('small', { class: 'no-door' }, why)
      : h('button', { type: 'button', class: 'small', 'data-action': 'door', onclick: () => on.door(d, s) },
        'Open door…'),
    s.state === 'CERTIFICATE_CHANGED' && d.kind !== 'se-box'
      ? h('button', { type: 'button', class: 'small warn', 'data-action': 'certificate',
        onclick: () => on.certificate(d, s) }, 'Accept new certificate…') : null,
    h('button', { type: 'button', class: 'small quiet', 'data-action': 'audit', 'aria-pressed': String(on.auditOf(s.id)),
      onclick: () => on.audit(s.id) }, 'Audit'));
}

function row(d, on) {
  const s = summary(d);
  return h('tr', { 'data-id': s.id },
    h('td', null, h('strong', null, s.name ?? s.id), s.name ? h('small', null, s.id) : null),
    h('td', null, s.kind ? words(s.kind) : '', h('small', null, s.model)),
    h('td', null, s.address, h('small', null, s.serial)),
    h('td', null, h('span', { class: `badge ${TONES[s.state] ?? 'none'}` }, words(s.state)),
      h('small', null, [s.reason, s.since && `since ${time(s.since)}`].filter(Boolean).join(' · '))),
    h('td', null, s.lastEventAt ? [h('time', { datetime: s.lastEventAt, title: s.lastEventAt }, ago(s.lastEventAt)),
      ' ', h('a', { href: `#/events?${new URLSearchParams({ device: s.id })}` }, 'events')] : 'none yet'),
    h('td', { class: s.lastError ? 'error-text' : null }, s.lastError ?? ''),
    actions(d, s, on),
    h('td', null, h('details', null, h('summary', null, 'Details'), h('pre', null, JSON.stringify(d, null, 2)))));
}

const ACTION_WORDS = { 'certificate-accepted': 'certificate accepted', 'device-added': 'registered',
  'device-changed': 'changed', 'device-removed': 'removed' };

/** One entry of the audit log: time, who, what (with its reason or fingerprint), and how it ended. */
function auditRow(e) {
  const detail = e.detail ?? {};
  const what = e.action === 'door-command' ? `door: ${detail.mode ?? 'open'}` : ACTION_WORDS[e.action] ?? words(e.action);
  const note = e.action === 'certificate-accepted' && detail.sha256 ? `pinned ${String(detail.sha256).slice(0, 16)}…`
    : detail.reason;
  const failed = e.outcome !== 'ok';
  return h('tr', { 'data-seq': e.seq },
    h('td', { class: 'when' }, h('time', { datetime: e.at, title: e.at }, time(e.at))),
    h('td', { class: 'actor' }, h('strong', null, e.actor), h('small', null, e.remoteAddress)),
    h('td', { class: 'what' }, what, h('small', null, note)),
    h('td', { class: 'outcome' }, h('span', { class: `badge ${failed ? 'refuse' : 'pass'}` }, failed ? 'failed' : 'ok'),
      failed ? h('small', { class: 'error-text' }, String(e.outcome).replace(/^failed: /, '')) : null));
}

export async function render(view, { params, signal, onLeave }) {
  const status = h('p', { class: 'result-status', role: 'status' }, 'Loading…');
  const tbody = h('tbody');
  const table = h('table', { class: 'devices', hidden: true },
    h('caption', { class: 'visually-hidden' }, 'Registered devices and their state'),
    h('thead', null, h('tr', null, ['Device', 'Kind', 'Address', 'State', 'Last event', 'Last error', 'Actions', '']
      .map((t) => h('th', { scope: 'col' }, t)))), tbody);
  const audit = h('section', { class: 'audit', hidden: true, 'aria-labelledby': 'audit-title' });
  view.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Devices')), status, table, audit);

  let auditId = params.get('audit') || null;
  let rows = new Map(); // id → {json, tr}: a row is rebuilt only when its device changed, so focus stays put
  const refreshAudit = async () => {
    if (!auditId) {
      audit.hidden = true;
      return;
    }
    const head = h('div', { class: 'view-head' }, h('h2', { id: 'audit-title' }, 'Audit log of ', h('code', null, auditId)),
      h('button', { type: 'button', class: 'small quiet', onclick: () => on.audit(null) }, 'Close'));
    try {
      const body = await json(`api/devices/${encodeURIComponent(auditId)}/audit`, { params: { limit: 50 }, signal });
      const entries = (body.entries ?? []).sort((a, b) => b.seq - a.seq);
      fill(audit, head, entries.length ? h('table', { class: 'audit-log' },
        h('caption', { class: 'visually-hidden' }, 'What operators did to this device, newest first'),
        h('thead', null, h('tr', null, ['Time', 'Operator', 'Action', 'Outcome'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, entries.map(auditRow))) : message('empty', 'Nothing was done to this device yet.'));
    } catch (e) {
      if (e.name === 'AbortError' || e.status === 401) return;
      fill(audit, head, message('error', `The hub could not read the audit log: ${e.message}`));
    }
    audit.hidden = false;
  };
  const refresh = async () => {
    try {
      const devices = listOf(await json('api/devices', { signal }));
      const focused = document.activeElement?.closest?.('tr[data-id]') ? document.activeElement : null;
      const next = new Map();
      for (const d of devices) {
        const id = summary(d).id;
        const key = JSON.stringify(d);
        const old = rows.get(id);
        const kept = old?.key === key ? old : { key, tr: row(d, on) };
        if (kept !== old && old?.tr.querySelector('details').open) kept.tr.querySelector('details').open = true;
        next.set(id, kept);
      }
      rows = next;
      tbody.replaceChildren(...[...rows.values()].map((r) => r.tr));
      if (focused && !focused.isConnected) {
        const tr = rows.get(focused.closest('tr').dataset.id)?.tr;
        tr?.querySelector(focused.dataset.action ? `[data-action="${focused.dataset.action}"]` : 'summary')?.focus();
      }
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
  const after = (id) => () => {
    on.audit(id);
    refresh();
  };
  const on = {
    door: (d, s) => openDoor(d, label(s), { signal, settled: after(s.id) }),
    certificate: (d, s) => acceptCertificate(d, label(s), s.reason, { signal, settled: after(s.id) }),
    auditOf: (id) => id === auditId,
    /** Shows the audit log of one device (null: none); the address keeps it without leaving the view. */
    audit(id) {
      auditId = id;
      history.replaceState(null, '', id ? `#/devices?${new URLSearchParams({ audit: id })}` : '#/devices');
      tbody.querySelectorAll('[data-action="audit"]').forEach((b) => {
        b.setAttribute('aria-pressed', String(b.closest('tr').dataset.id === id));
      });
      refreshAudit();
    },
  };
  const both = () => Promise.all([refresh(), refreshAudit()]).then(([listed]) => listed);
  if (await both()) {
    const timer = setInterval(both, REFRESH);
    onLeave(() => clearInterval(timer));
  }
}
