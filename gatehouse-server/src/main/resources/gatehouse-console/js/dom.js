// Every element the console shows is built here from text and properties: nothing is ever parsed as HTML,
// so a name a device sent (treat it as hostile) can only ever appear as text.

const SAFE_HREF = /^(#|blob:|\.{0,2}\/)/;

/**
 * h('a', {href: '#/events/4', class: 'row'}, 'text', otherNode): an element with attributes, listeners
 * (onclick: fn) and children (strings become text nodes; null, undefined and false are skipped).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'value' || key === 'checked' || key === 'selected') {
      el[key] = value;
    } else {
      if ((key === 'href' || key === 'src') && !SAFE_HREF.test(String(value))) {
        throw new Error(`refusing ${key} ${value}: only the console's own links`);
      }
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces everything inside el with children. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A labelled form control: <div class="field"><label for=id>text</label>control</div>. */
export function field(text, control, hint) {
  const id = control.id || (control.id = `f-${control.name}`);
  return h('div', { class: 'field' }, h('label', { for: id }, text), control,
    hint ? h('small', { class: 'hint' }, hint) : null);
}

/** A <select> whose options are [value, label] pairs; the first is usually ['', 'any']. */
export function select(name, options, value) {
  return h('select', { name, id: `f-${name}` },
    options.map(([v, label]) => h('option', { value: v, selected: v === (value ?? '') }, label)));
}

export function input(name, value, props = {}) {
  return h('input', { name, id: `f-${name}`, value: value ?? '', spellcheck: 'false', ...props });
}

/** A message in the view: kind is 'error', 'empty' or 'info'. Errors are announced to screen readers. */
export function message(kind, ...text) {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : null }, ...text);
}

/** A definition list of [term, value] pairs, skipping absent values. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v != null && v !== '')
    .map(([term, value]) => [h('dt', null, term), h('dd', null, value)]));
}
