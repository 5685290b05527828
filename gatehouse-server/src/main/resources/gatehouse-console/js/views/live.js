// Live: the newest events, then every event as the hub commits it, each with its face snapshot.

import { json } from '../api.js';
import { field, h, input, message, select } from '../dom.js';
import { eventRow, eventTable, refreshAges } from '../rows.js';
import { LiveStream } from '../stream.js';

export const title = 'Live';
const SHOWN = 200; // rows kept on screen; older ones are in the search
const FIRST = 25;

const STATES = {
  connecting: () => 'connecting…',
  live: () => 'live',
  waiting: (s) => `disconnected; trying again in ${s} s`,
  failed: (reason) => `stopped: ${reason}`,
  unauthorized: () => 'stopped: the token was refused',
};

export async function render(view, { params, signal, onLeave }) {
  const filters = {
    type: params.get('type') ?? '', device: params.get('device') ?? '', passed: params.get('passed') ?? '',
  };
  const state = h('span', { class: 'stream-state', role: 'status', 'aria-live': 'polite' }, 'connecting…');
  const counts = h('span', { class: 'counts', 'aria-live': 'off' });
  const pause = h('button', { type: 'button', class: 'quiet', 'aria-pressed': 'false' }, 'Pause');
  const form = h('form', { class: 'filters inline', role: 'search' },
    field('Show', select('type', [['', 'all events'], ['access', 'people'], ['alarm', 'alarms']], filters.type)),
    field('Result', select('passed', [['', 'any'], ['true', 'passed'], ['false', 'refused']], filters.passed)),
    field('Device', input('device', filters.device, { placeholder: 'device id', size: 12 })),
    h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const query = new URLSearchParams([...new FormData(form)].filter(([, v]) => v !== ''));
    location.hash = `#/live${query.size ? `?${query}` : ''}`;
  });
  const { table, tbody } = eventTable('Events as they arrive, newest first');
  const empty = message('empty', 'No events yet. New events appear here as the hub stores them.');
  view.append(
    h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Live'), state, counts, pause),
    form, empty, table);

  const tally = { seen: 0, pass: 0, refuse: 0, alarm: 0 };
  const held = [];
  let paused = false;
  const showCounts = () => {
    counts.textContent = `${tally.seen} since you opened · ${tally.pass} passed · ${tally.refuse} refused · `
      + `${tally.alarm} alarms${held.length ? ` · ${held.length} waiting` : ''}`;
  };
  const add = (event, fresh) => {
    empty.hidden = true;
    tbody.prepend(eventRow(event, fresh));
    while (tbody.rows.length > SHOWN) tbody.lastElementChild.remove();
  };
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    if (!paused) held.splice(0).forEach((e) => add(e, true));
    showCounts();
  });

  const query = { type: filters.type, device: filters.device, passed: filters.passed };
  const newest = await json('api/events', { params: { ...query, limit: FIRST }, signal });
  newest.events.slice().reverse().forEach((e) => add(e, false));
  showCounts();

  // resume after the newest event shown: whatever is committed from here on arrives, even before we connect
  const stream = new LiveStream({
    params: query,
    lastEventId: newest.events[0]?.seq ?? 0,
    onState: (s, detail) => {
      state.textContent = STATES[s](detail);
      state.className = `stream-state ${s}`;
    },
    onEvent: ({ data }) => {
      const event = JSON.parse(data);
      tally.seen++;
      const tone = event.type === 'alarm' ? 'alarm' : event.outcome?.passed === true ? 'pass'
        : event.outcome?.passed === false ? 'refuse' : null;
      if (tone) tally[tone]++;
      if (paused) held.push(event); else add(event, true);
      if (held.length > SHOWN) held.shift();
      showCounts();
    },
  }).start();
  const ages = setInterval(() => refreshAges(tbody), 10_000);
  onLeave(() => {
    stream.stop();
    clearInterval(ages);
  });
}
