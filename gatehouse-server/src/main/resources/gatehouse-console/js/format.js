// How values read on screen: times in the operator's choice of local time or UTC, codes with their meaning.

const ZONE_KEY = 'gatehouse.zone';

export const zone = {
  get: () => (localStorage.getItem(ZONE_KEY) === 'utc' ? 'utc' : 'local'),
  set: (value) => localStorage.setItem(ZONE_KEY, value === 'utc' ? 'utc' : 'local'),
};

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** '2026-01-01 09:00:00' in the chosen zone (UTC gets a trailing 'Z'); '' for no time. */
export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  if (zone.get() === 'utc') {
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} `
      + `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
  }
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Only the clock ('09:00:00') for a time of the current day, else the whole time(). */
export function shortTime(iso, now = new Date()) {
  const full = time(iso);
  return full.slice(0, 10) === time(now.toISOString()).slice(0, 10) ? full.slice(11) : full;
}

/** time() with the milliseconds, for forensics ('2026-01-01 09:00:00.300'). */
export function preciseTime(iso) {
  const full = time(iso);
  const ms = new Date(iso).getUTCMilliseconds();
  return full && ms ? full.replace(/(:\d\d)(Z?)$/, `$1.${pad(ms, 3)}$2`) : full;
}

/** The value of a datetime-local input for an instant, in the chosen zone. */
export function inputTime(iso) {
  return iso ? time(iso).replace(' ', 'T').replace('Z', '') : '';
}

/** The instant a datetime-local input means, read in the chosen zone ('' stays ''). */
export function instantOf(inputValue) {
  if (!inputValue) return '';
  const d = new Date(zone.get() === 'utc' ? `${inputValue}Z` : inputValue);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace('.000Z', 'Z');
}

/** '4 s ago', '3 min ago', '2 h ago', or the date for anything older than a day. */
export function ago(iso, now = Date.now()) {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 0) return 'in the future';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return time(iso).slice(0, 10);
}

/** 'late by 2 h 5 min' for an event that reached the hub long after it happened. */
export function lateness(seconds) {
  if (seconds == null) return 'late';
  const s = Math.round(seconds);
  if (s < 120) return `late by ${s} s`;
  if (s < 7200) return `late by ${Math.round(s / 60)} min`;
  if (s < 172800) return `late by ${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  return `late by ${Math.round(s / 86400)} days`;
}

/** 'FACE_OR_CARD' → 'face or card'. */
export function words(name) {
  return name == null ? '' : String(name).toLowerCase().replaceAll('_', ' ');
}

/** A documented code ({name, meaning, code}) as its meaning, or its name, with the raw code. */
export function coded(value) {
  if (value == null) return '';
  if (typeof value !== 'object') return String(value);
  const label = value.meaning || words(value.name ?? value.mode) || 'undocumented';
  return value.code == null ? label : `${label} (${value.code})`;
}

export function bytes(n) {
  if (n == null) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export function percent(score) {
  return score == null ? '' : `${(score * 100).toFixed(1)} %`;
}

/** How an event ended, for its badge: {label, tone} with tone 'pass', 'refuse', 'ask', 'alarm' or 'none'. */
export function outcome(event) {
  if (event.type === 'alarm') {
    const what = event.code?.meaning || words(event.code?.name) || 'alarm';
    const status = event.status?.name === 'CLEARED' ? 'cleared' : words(event.status?.name);
    return { label: status ? `${what}, ${status}` : what, tone: status === 'cleared' ? 'none' : 'alarm' };
  }
  const passed = event.outcome?.passed;
  if (passed === true) return { label: 'Passed', tone: 'pass' };
  if (passed === false) return { label: 'Refused', tone: 'refuse' };
  if (event.kind === 'AUTHORIZATION_REQUEST') return { label: 'Asked', tone: 'ask' };
  return { label: 'Seen', tone: 'none' };
}

/** The name to show for the person of an event ('' when the device named nobody). */
export function personName(event) {
  if (event.type === 'alarm') return event.userId ? `user ${event.userId}` : '';
  return event.person?.name ?? '';
}

/** The image to show in a list: the face snapshot, else the first image. */
export function thumbnailOf(event) {
  const images = event.images ?? [];
  return images.find((i) => i.kind === 'FACE_SNAPSHOT') ?? images[0] ?? null;
}
