// The modal dialogs of actions that change something at a site (a door, a pinned certificate) and of the
// operator's name. A dialog says what will happen and waits for confirmation; the hub's answer is shown in place.
// When the hub refuses or the device fails, the dialog stays open with what was entered, so that trying again
// costs nothing and nothing typed is lost.

import { HubError, operator } from './api.js';
import { fill, h, message } from './dom.js';

/** The words for an action that failed: the hub's reason and its code, or why the hub could not be asked. */
export function failure(e) {
  if (e instanceof HubError) {
    const code = e.body?.error ? ` ${e.body.error}` : '';
    return `Not done (HTTP ${e.status}${code}): ${e.message}`;
  }
  if (e instanceof TypeError) return `Not done: the hub did not answer (${e.message}). Is it running?`;
  return e.message;
}

/**
 * Shows a modal dialog: a title, content (nodes, form fields among them), Cancel and a confirm button. On confirm,
 * run(form) does the action and resolves to the words of its success; a rejection is shown as an error and the
 * dialog stays open. settled() is called after each attempt, succeeded or not. The dialog closes when signal
 * aborts (the view was left). Resolves, once it is closed, to whether the action succeeded.
 */
export function confirmDialog({ title, content, confirm, run, settled, closeOnSuccess = false, signal }) {
  const status = h('div', { class: 'dialog-status', 'aria-live': 'polite' });
  const ok = h('button', { type: 'submit', class: 'confirm' }, confirm);
  const cancel = h('button', { type: 'button', class: 'quiet cancel' }, 'Cancel');
  const form = h('form', { novalidate: true }, h('h2', null, title), content, status,
    h('div', { class: 'dialog-buttons' }, cancel, ok));
  const dialog = h('dialog', { class: 'action' }, form);
  document.body.append(dialog);
  let busy = false;
  let succeeded = false;

  const close = () => dialog.open && dialog.close();
  cancel.addEventListener('click', close);
  // Escape must not hide an action on its way: its answer would have nowhere to go
  dialog.addEventListener('cancel', (e) => busy && e.preventDefault());
  signal?.addEventListener('abort', close);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (succeeded) {
      close();
      return;
    }
    busy = ok.disabled = cancel.disabled = true;
    fill(status, message('info', 'Asking the hub…'));
    try {
      const done = await run(form);
      succeeded = true;
      if (closeOnSuccess) {
        close();
        return;
      }
      fill(status, h('p', { class: 'message success', role: 'status' }, done));
      form.querySelectorAll('input, select, textarea').forEach((el) => { el.disabled = true; });
      cancel.hidden = true;
      ok.textContent = 'Close';
    } catch (err) {
      fill(status, message('error', failure(err)));
    } finally {
      busy = ok.disabled = cancel.disabled = false;
      settled?.(succeeded);
    }
    ok.focus();
  });

  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(succeeded);
    });
    dialog.showModal();
  });
}

/** Asks for the operator's name (prefilled with the one kept); resolves to whether a name is now kept. */
export function askOperator(signal) {
  const name = h('input', { name: 'operator', id: 'f-operator', value: operator.get() ?? '', maxlength: '100',
    autocomplete: 'name', spellcheck: 'false', required: true });
  const content = [
    h('p', null, 'Your name goes into the hub\'s audit log with every door you open and every certificate you'
      + ' accept. This browser remembers it; change it with Operator in the bar.'),
    h('div', { class: 'field' }, h('label', { for: 'f-operator' }, 'Operator name'), name),
  ];
  queueMicrotask(() => name.focus());
  return confirmDialog({
    title: 'Who is at the console?', content, confirm: 'Save', closeOnSuccess: true, signal,
    run: async () => {
      const problem = operator.problem(name.value);
      if (problem) {
        name.setAttribute('aria-invalid', 'true');
        throw new Error(problem);
      }
      operator.set(name.value);
      document.dispatchEvent(new CustomEvent('gatehouse:operator'));
    },
  });
}

/** Runs action() once the operator's name is known, asking for it first when it is not. */
export async function asOperator(action, signal) {
  if (operator.problem(operator.get()) && !(await askOperator(signal))) return;
  action();
}
