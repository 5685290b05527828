// The console's frame: sign-in, the navigation between views (in the URL's fragment, so a view can be
// bookmarked and the back button works; the token never goes into a URL), and the hub's readiness in the bar.

import { onUnauthorized, operator, publicJson, token, verify } from './api.js';
import { askOperator } from './dialog.js';
import { fill, message } from './dom.js';
import { zone } from './format.js';
import * as live from './views/live.js';
import * as events from './views/events.js';
import * as event from './views/event.js';
import * as alarms from './views/alarms.js';
import * as decisions from './views/decisions.js';
import * as devices from './views/devices.js';
import * as health from './views/health.js';

const VIEWS = { live, events, alarms, decisions, devices, health };
const $ = (id) => document.getElementById(id);

let current = null; // {abort: AbortController, cleanups: []}
let shown = null;   // the name of the view on screen: moving to another one moves the focus to its heading

/** '#/events/42?x=1' → {name: 'events', rest: ['42'], params}; an address that does not decode leads nowhere. */
function route() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  try {
    const [name = '', ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
    return { name, rest, params: new URLSearchParams(query) };
  } catch {
    return { name: '', rest: [], params: new URLSearchParams() };
  }
}

function leave() {
  if (!current) return;
  current.abort.abort();
  current.cleanups.forEach((fn) => fn());
  current = null;
}

function show() {
  leave();
  if (!token.get()) {
    signIn();
    return;
  }
  const { name, rest, params } = route();
  if (!VIEWS[name]) {
    location.replace('#/live');
    return;
  }
  $('sign-in').hidden = true;
  $('nav').hidden = $('tools').hidden = false;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const view = $('view');
  view.replaceChildren();
  current = { abort: new AbortController(), cleanups: [] };
  const context = {
    params, rest, signal: current.abort.signal,
    onLeave: (fn) => current.cleanups.push(fn),
    rerender: show,
  };
  const module = name === 'events' && rest.length ? event : VIEWS[name];
  const moved = shown !== null && shown !== module.title;
  shown = module.title;
  Promise.resolve(module.render(view, context)).then(() => {
    if (moved) view.querySelector('h1')?.focus();
  }, (e) => {
    if (e.name === 'AbortError' || e.status === 401) return;
    view.append(message('error', e instanceof TypeError ? `The hub did not answer (${e.message}). Is it running?`
      : e.message));
  });
  document.title = `${module.title} · Gatehouse console`;
}

function signIn(reason) {
  leave();
  $('view').replaceChildren();
  $('nav').hidden = $('tools').hidden = true;
  $('sign-in').hidden = false;
  fill($('sign-in-message'), reason ?? '');
  $('token').focus();
  document.title = 'Sign in · Gatehouse console';
}

$('sign-in-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const candidate = $('token').value.trim();
  const messageEl = $('sign-in-message');
  const button = e.submitter ?? $('sign-in-form').querySelector('button');
  button.disabled = true;
  fill(messageEl, 'Checking the token with the hub…');
  try {
    await verify(candidate);
    token.set(candidate);
    $('token').value = '';
    fill(messageEl, '');
    show();
    $('main').focus();
  } catch (err) {
    fill(messageEl, err.status === 401
      ? 'The hub did not accept this token (401 Unauthorized). Check GATEHOUSE_ADMIN_TOKEN or the admin-token file in the hub\'s data directory.'
      : `The hub could not be asked: ${err.message}`);
  } finally {
    button.disabled = false;
  }
});

onUnauthorized(() => {
  token.clear();
  signIn('The hub no longer accepts the token of this session (401 Unauthorized): it may have been changed. Sign in again.');
});

$('sign-out').addEventListener('click', () => {
  token.clear();
  signIn('Signed out. The token is no longer kept in this tab.');
});

/** The bar names the operator the actions are recorded as (the name is asked at the first action). */
function showOperator() {
  const name = operator.get();
  $('operator').textContent = name ? `Operator: ${name}` : 'Operator: not set';
}
$('operator').addEventListener('click', () => askOperator());
document.addEventListener('gatehouse:operator', showOperator);
showOperator();

$('zone').value = zone.get();
$('zone').addEventListener('change', () => {
  zone.set($('zone').value);
  show();
});

async function pollHealth() {
  const badge = $('hub-health');
  try {
    const { status, body } = await publicJson('health/ready');
    badge.textContent = status === 200 ? 'hub ready' : `hub not ready${body?.problems ? `: ${body.problems[0]}` : ''}`;
    badge.className = `hub-health ${status === 200 ? 'ok' : 'bad'}`;
  } catch {
    badge.textContent = 'hub unreachable';
    badge.className = 'hub-health bad';
  }
}

window.addEventListener('hashchange', show);
pollHealth();
setInterval(pollHealth, 15_000);
show();
