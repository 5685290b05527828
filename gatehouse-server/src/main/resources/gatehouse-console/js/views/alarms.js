// Alarms: tamper, forced door, door-sensor timeout, password attack, fire; raised and cleared.

import { eventRow, eventTable } from '../rows.js';
import { LIMITS, searchView, yesNo } from '../search.js';
import { ALARM_CODES, ALARM_STATUSES, eventPage } from './events.js';

export const title = 'Alarms';

const FIELDS = [
  { name: 'from', label: 'From', kind: 'time' },
  { name: 'until', label: 'Until', kind: 'time' },
  { name: 'code', label: 'Alarm', kind: 'select', options: ALARM_CODES },
  { name: 'status', label: 'Status', kind: 'select', options: ALARM_STATUSES },
  { name: 'device', label: 'Device', placeholder: 'registered device id' },
  { name: 'late', label: 'Arrival', kind: 'select', options: yesNo('late', 'on time'), more: true },
  { name: 'serial', label: 'Device serial', placeholder: 'deviceSN', more: true },
  { name: 'personId', label: 'User id', placeholder: 'the user the alarm names', more: true },
  { name: 'order', label: 'Order', kind: 'select', blank: 'newest first', options: [['asc', 'oldest first']], more: true },
  { name: 'limit', label: 'Per page', kind: 'select', blank: 'default', options: LIMITS, more: true },
];

export function render(view, context) {
  return searchView(view, context, {
    title: 'Alarms', route: 'alarms', fields: FIELDS,
    table: () => eventTable('Alarms matching the filters'),
    fetch: (query, cursor, signal) => eventPage('api/alarms', 'alarms', query, cursor, signal),
    row: (event) => eventRow(event),
  });
}
