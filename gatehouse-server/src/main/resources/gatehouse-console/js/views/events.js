// Events: every filter of GET /api/events, cursor paging.

import { json } from '../api.js';
import { eventRow, eventTable } from '../rows.js';
import { LIMITS, named, searchView, yesNo } from '../search.js';

export const title = 'Events';

export const ALARM_CODES = [['10001', 'tamper (10001)'], ['10002', 'forced door (10002)'],
  ['10003', 'door-sensor timeout (10003)'], ['10004', 'password attack (10004)'], ['20003', 'fire (20003)']];
export const ALARM_STATUSES = [['1', 'raised (1)'], ['2', 'clearing failed (2)'], ['3', 'cleared (3)']];

const FIELDS = [
  { name: 'from', label: 'From', kind: 'time' },
  { name: 'until', label: 'Until', kind: 'time' },
  { name: 'personName', label: 'Person name', placeholder: 'part of the name' },
  { name: 'personId', label: 'Person id', placeholder: 'exact id' },
  { name: 'device', label: 'Device', placeholder: 'registered device id' },
  { name: 'passed', label: 'Result', kind: 'select', options: yesNo('passed', 'refused') },
  { name: 'late', label: 'Arrival', kind: 'select', options: yesNo('late', 'on time') },
  { name: 'type', label: 'Type', kind: 'select', options: [['access', 'people'], ['alarm', 'alarms']], more: true },
  { name: 'kind', label: 'Kind', kind: 'select', options: named('PASSAGE', 'AUTHORIZATION_REQUEST'), more: true },
  { name: 'channel', label: 'Channel', kind: 'select', more: true,
    options: named('RECORD_PUSH', 'REMOTE_AUTH', 'TERMINAL_WEBSOCKET', 'SOPHON_WEBSOCKET', 'HISTORY') },
  { name: 'serial', label: 'Device serial', placeholder: 'deviceSN', more: true },
  { name: 'code', label: 'Alarm code', kind: 'select', options: ALARM_CODES, more: true },
  { name: 'status', label: 'Alarm status', kind: 'select', options: ALARM_STATUSES, more: true },
  { name: 'order', label: 'Order', kind: 'select', blank: 'newest first', options: [['asc', 'oldest first']], more: true },
  { name: 'limit', label: 'Per page', kind: 'select', blank: 'default', options: LIMITS, more: true },
];

/** The list under key of a page of GET path, as {items, next}; the cursor carries the order. */
export async function eventPage(path, key, query, cursor, signal) {
  const params = cursor ? { ...query, cursor, order: undefined } : query;
  const page = await json(path, { params, signal });
  return { items: page[key], next: page.more ? page.next : null };
}

export function render(view, context) {
  return searchView(view, context, {
    title: 'Events', route: 'events', fields: FIELDS,
    table: () => eventTable('Events matching the filters'),
    fetch: (query, cursor, signal) => eventPage('api/events', 'events', query, cursor, signal),
    row: (event) => eventRow(event),
  });
}
