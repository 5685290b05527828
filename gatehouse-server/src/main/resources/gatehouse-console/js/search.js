// The frame of every searchable list (events, alarms, decisions): a filter form whose values live in the URL's
// fragment (bookmarkable, back button), the results, and "load more" paging with the API's cursor.

import { field, fill, h, input, message, select } from './dom.js';
import { inputTime, instantOf } from './format.js';

const RANGES = [['last hour', 3600], ['last 24 h', 86400], ['last 7 days', 7 * 86400]];

/**
 * spec: {title, route, fields, table() → {table, tbody}, fetch(query, cursor, signal) → {items, next},
 * row(item) → element(s) for the tbody}. A field is {name, label, kind: 'time' | 'text' | 'select',
 * options, placeholder, more} (more: shown under "More filters").
 */
export async function searchView(view, { params, signal, rerender }, spec) {
  // searching again with the same filters reloads the results
  const go = (hash) => {
    if (location.hash === hash) rerender();
    else location.hash = hash;
  };
  const form = filterForm(spec, params, go);
  const status = h('p', { class: 'result-status', role: 'status' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  const { table, tbody } = spec.table();
  table.hidden = true;
  const results = h('div', { class: 'results' }, table);
  view.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, spec.title)), form, status, results,
    h('div', { class: 'pager' }, more));

  const query = Object.fromEntries([...params].filter(([, v]) => v !== ''));
  let cursor = null;
  let shown = 0;
  const load = async () => {
    more.disabled = true;
    fill(status, 'Loading…');
    try {
      const page = await spec.fetch(query, cursor, signal);
      page.items.forEach((item) => tbody.append(...[spec.row(item)].flat()));
      shown += page.items.length;
      cursor = page.next;
      more.hidden = !cursor;
      fill(status, shown === 0 ? 'Nothing matches these filters.'
        : `${shown} shown${cursor ? ', more match' : ', that is all'}.`);
      table.hidden = shown === 0;
    } catch (e) {
      if (e.name === 'AbortError' || e.status === 401) return;
      fill(status, message('error', `The hub refused the search: ${e.message}`));
      markInvalid(form, e.field);
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', load);
  await load();
}

function filterForm(spec, params, go) {
  const controls = spec.fields.map((f) => [f, control(f, params.get(f.name))]);
  const main = controls.filter(([f]) => !f.more).map(([f, c]) => field(f.label, c, f.hint));
  const extra = controls.filter(([f]) => f.more);
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': `${spec.title} filters` },
    h('div', { class: 'grid' }, main),
    extra.length ? h('details', { open: extra.some(([f]) => params.get(f.name)) || null },
      h('summary', null, 'More filters'),
      h('div', { class: 'grid' }, extra.map(([f, c]) => field(f.label, c, f.hint)))) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Search'),
      h('button', { type: 'reset', class: 'quiet' }, 'Clear'),
      spec.fields.some((f) => f.name === 'from') ? h('span', { class: 'ranges' }, 'Quick:',
        RANGES.map(([label, seconds]) => h('button', {
          type: 'button', class: 'link',
          onclick: () => {
            form.elements.from.value = inputTime(new Date(Date.now() - seconds * 1000).toISOString());
            form.elements.until.value = '';
            form.requestSubmit();
          },
        }, label))) : null));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const query = new URLSearchParams();
    for (const [f, c] of controls) {
      const value = f.kind === 'time' ? instantOf(c.value) : c.value.trim();
      if (value) query.set(f.name, value);
    }
    go(`#/${spec.route}${query.size ? `?${query}` : ''}`);
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    go(`#/${spec.route}`);
  });
  return form;
}

function control(f, value) {
  if (f.kind === 'select') return select(f.name, [['', f.blank ?? 'any'], ...f.options], value ?? '');
  if (f.kind === 'time') return input(f.name, inputTime(value), { type: 'datetime-local', step: '1' });
  return input(f.name, value, { placeholder: f.placeholder ?? '', maxlength: '200' });
}

function markInvalid(form, name) {
  const el = name && form.elements[name];
  if (!el) return;
  el.setAttribute('aria-invalid', 'true');
  el.closest('details')?.setAttribute('open', '');
  el.focus();
}

/** [value, label] options from names: ['PASSAGE'] → [['PASSAGE', 'passage']]. */
export const named = (...names) => names.map((n) => [n, n.toLowerCase().replaceAll('_', ' ')]);
export const yesNo = (yes, no) => [['true', yes], ['false', no]];
export const LIMITS = [['50', '50'], ['100', '100'], ['200', '200'], ['500', '500']];
