// Access decisions: every answer the hub gave a door that asked (remote authorization), with the step, rule and
// reason that made it and how long it took.

import { json } from '../api.js';
import { facts, h } from '../dom.js';
import { ago, shortTime, time, words } from '../format.js';
import { badge } from '../rows.js';
import { named, searchView, yesNo } from '../search.js';

export const title = 'Decisions';

const STEPS = named('DOOR', 'BLACKLIST', 'VALIDITY_WINDOW', 'SCHEDULE', 'ACCESS_RULE', 'RECOGNITION_SCORE',
  'BODY_TEMPERATURE', 'MASK', 'ANTI_PASSBACK', 'ALLOW', 'DELEGATE', 'FAIL_MODE');
const REASONS = named('UNKNOWN_DOOR', 'BLACKLISTED', 'OUTSIDE_VALIDITY', 'OUTSIDE_SCHEDULE', 'UNKNOWN_PERSON',
  'NO_RULE', 'DENIED_BY_RULE', 'LOW_SCORE', 'HIGH_TEMPERATURE', 'MASK_ABSENT', 'PASSBACK', 'ALLOWED',
  'DELEGATE_ALLOWED', 'DELEGATE_DENIED', 'FAIL_OPEN', 'FAIL_SECURE');

const FIELDS = [
  { name: 'from', label: 'From', kind: 'time' },
  { name: 'until', label: 'Until', kind: 'time' },
  { name: 'person', label: 'Person id', placeholder: 'exact id' },
  { name: 'door', label: 'Door', placeholder: 'door id' },
  { name: 'pass', label: 'Answer', kind: 'select', options: yesNo('allowed', 'denied') },
  { name: 'reason', label: 'Reason', kind: 'select', options: REASONS },
  { name: 'device', label: 'Device serial', placeholder: 'deviceSN', more: true },
  { name: 'step', label: 'Deciding step', kind: 'select', options: STEPS, more: true },
  { name: 'failMode', label: 'Fail-mode', kind: 'select', options: yesNo('fail-mode answered', 'decided'), more: true },
  { name: 'limit', label: 'Per page', kind: 'select', blank: 'default (100)',
    options: [['50', '50'], ['200', '200'], ['500', '500'], ['1000', '1000']], more: true },
];

function table() {
  const tbody = h('tbody');
  const headings = ['Time', 'Person', 'Door', 'Answer', 'Why', 'Tip', 'Took', ''];
  return {
    tbody,
    table: h('table', { class: 'decisions' }, h('caption', { class: 'visually-hidden' }, 'Access decisions'),
      h('thead', null, h('tr', null, headings.map((t) => h('th', { scope: 'col' }, t)))), tbody),
  };
}

function rows(d) {
  const more = h('tr', { class: 'more-row', hidden: true }, h('td', { colspan: '8' }, facts([
    ['Decision id', d.id],
    ['Requested at (terminal clock)', d.requestTime ? time(d.requestTime) : null],
    ['Detail', d.detail],
    ['Verify code', d.verifyCode],
    ['Passage record', d.passageKey],
    ['Notes', d.notes?.length ? JSON.stringify(d.notes) : null],
    ['What the terminal sent', h('pre', null, JSON.stringify(d.input, null, 2))],
  ])));
  const toggle = h('button', { type: 'button', class: 'quiet small', 'aria-expanded': 'false' }, 'Details');
  toggle.addEventListener('click', () => {
    more.hidden = !more.hidden;
    toggle.setAttribute('aria-expanded', String(!more.hidden));
  });
  const person = d.personName || d.personId ? [h('strong', null, d.personName ?? ''),
    d.personId ? h('small', null, `id ${d.personId}`) : null] : h('span', { class: 'unnamed' }, 'nobody named');
  return [h('tr', null,
    h('td', { class: 'when' }, h('time', { datetime: d.decidedAt, title: time(d.decidedAt) }, shortTime(d.decidedAt)),
      h('small', null, ago(d.decidedAt))),
    h('td', null, person),
    h('td', null, d.doorId ?? h('span', { class: 'unnamed' }, 'unknown door'),
      h('small', null, [d.deviceSerial, d.cameraId && `camera ${d.cameraId}`].filter(Boolean).join(' · '))),
    h('td', null, badge(d.pass ? { label: 'Allowed', tone: 'pass' } : { label: 'Denied', tone: 'refuse' }),
      d.failMode ? h('span', { class: 'badge late' }, 'fail-mode') : null),
    h('td', null, words(d.reason), h('small', null, [words(d.step), d.ruleId && `rule ${d.ruleId}`]
      .filter(Boolean).join(' · '))),
    h('td', null, d.tip ?? ''),
    h('td', { class: 'num' }, d.elapsedMicros != null ? `${(d.elapsedMicros / 1000).toFixed(1)} ms` : ''),
    h('td', null, toggle)), more];
}

export function render(view, context) {
  return searchView(view, context, {
    title: 'Access decisions', route: 'decisions', fields: FIELDS, table,
    fetch: async (query, cursor, signal) => {
      const page = await json('api/access/decisions', { params: { ...query, before: cursor ?? undefined }, signal });
      return { items: page.items, next: page.next };
    },
    row: rows,
  });
}
