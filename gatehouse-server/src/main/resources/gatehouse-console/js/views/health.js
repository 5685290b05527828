// Health: whether the hub is ready (GET /health/ready), whether it can answer doors (GET /api/access/health),
// and the store's and the process's numbers read from GET /metrics (Prometheus text).

import { json, publicJson, publicText } from '../api.js';
import { facts, fill, h, message } from '../dom.js';
import { bytes, words } from '../format.js';

export const title = 'Health';
const REFRESH = 10_000;

/** Prometheus text → [{name, labels, value}] (comments and HELP/TYPE lines skipped). */
export function parseMetrics(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1]] = l[2].replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

const sum = (samples, name, where = () => true) =>
  samples.filter((s) => s.name === name && where(s.labels)).reduce((total, s) => total + s.value, 0);

function duration(seconds) {
  const s = Math.floor(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} days ${Math.floor((s % 86400) / 3600)} h`;
}

function numbers(samples) {
  const commits = sum(samples, 'gatehouse_store_commit_seconds_count');
  return facts([
    ['Events stored since start', sum(samples, 'gatehouse_events_stored_total').toLocaleString()],
    ['Duplicates acknowledged', sum(samples, 'gatehouse_events_duplicates_total').toLocaleString()],
    ['Stored late', sum(samples, 'gatehouse_events_late_total').toLocaleString()],
    ['Store queue', `${sum(samples, 'gatehouse_store_queue_depth')} of ${sum(samples, 'gatehouse_store_queue_capacity')}`],
    ['Refused, queue full', sum(samples, 'gatehouse_store_rejected_total').toLocaleString()],
    ['Failed commits', sum(samples, 'gatehouse_store_commit_failures_total').toLocaleString()],
    ['Mean commit time', commits ? `${(1000 * sum(samples, 'gatehouse_store_commit_seconds_sum') / commits).toFixed(1)} ms` : '–'],
    ['Images stored', bytes(sum(samples, 'gatehouse_blobs_bytes'))],
    ['Access decisions since start', sum(samples, 'gatehouse_access_decisions_total').toLocaleString()],
    ['Uptime', duration(sum(samples, 'process_uptime_seconds'))],
    ['Java heap in use', bytes(sum(samples, 'jvm_memory_used_bytes', (l) => l.area === 'heap'))],
  ]);
}

function byDevice(samples) {
  const rows = samples.filter((s) => s.name === 'gatehouse_events_stored_total')
    .sort((a, b) => (a.labels.device ?? '').localeCompare(b.labels.device ?? '') || b.value - a.value);
  if (!rows.length) return null;
  return h('table', { class: 'compact' },
    h('caption', null, 'Events stored since start, by device, channel and type'),
    h('thead', null, h('tr', null, ['Device', 'Channel', 'Type', 'Events'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows.map((s) => h('tr', null, h('td', null, s.labels.device ?? ''),
      h('td', null, words(s.labels.channel)), h('td', null, s.labels.type ?? ''),
      h('td', { class: 'num' }, s.value.toLocaleString())))));
}

async function access(signal) {
  try {
    return await json('api/access/health', { signal });
  } catch (e) {
    if (e.status === 503 && e.body) return e.body;
    if (e.status === 404) return null;
    throw e;
  }
}

function accessCard(a) {
  if (!a) return message('info', 'Access control is not available on this hub.');
  return [
    h('p', null, h('span', { class: `badge ${a.canDecide ? 'pass' : 'refuse'}` },
      a.canDecide ? 'can decide' : 'cannot decide'), ' ', a.reason ?? ''),
    facts([
      ['Time budget', `${a.budgetMillis} ms`],
      ['Directory', a.directory ? Object.entries(a.directory).map(([k, v]) => `${v} ${k}`).join(', ') : 'not loaded'],
      ['Decision log', a.decisionLog ? `${a.decisionLog.written} written, ${a.decisionLog.queued} queued, `
        + `${a.decisionLog.dropped} dropped` : null],
    ])];
}

export async function render(view, { signal, onLeave }) {
  const ready = h('section', { class: 'card' });
  const doors = h('section', { class: 'card' });
  const store = h('section', { class: 'card wide' });
  view.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Hub health')),
    h('div', { class: 'cards' }, ready, doors, store));

  const refresh = async () => {
    const [readiness, accessHealth, metrics] = await Promise.allSettled([
      publicJson('health/ready', { signal }), access(signal), publicText('metrics', { signal })]);
    if (signal.aborted) return;
    const r = readiness.value;
    fill(ready, h('h2', null, 'Readiness'), readiness.status === 'rejected'
      ? message('error', `The hub did not answer: ${readiness.reason.message}`)
      : [h('p', null, h('span', { class: `badge ${r.status === 200 ? 'pass' : 'refuse'}` },
        r.status === 200 ? 'ready' : 'not ready'), ' GET /health/ready answered ', String(r.status)),
      r.body?.problems ? h('ul', { class: 'problems' }, r.body.problems.map((p) => h('li', null, p))) : null]);
    fill(doors, h('h2', null, 'Access control'), accessHealth.status === 'rejected'
      ? message('error', accessHealth.reason.message) : accessCard(accessHealth.value));
    if (metrics.status === 'fulfilled') {
      const samples = parseMetrics(metrics.value);
      fill(store, h('h2', null, 'Store and process'), numbers(samples), byDevice(samples));
    } else {
      fill(store, h('h2', null, 'Store and process'), message('error', `GET /metrics failed: ${metrics.reason.message}`));
    }
  };
  await refresh();
  const timer = setInterval(refresh, REFRESH);
  onLeave(() => clearInterval(timer));
}
