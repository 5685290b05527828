// What an operator can do to a device from the Devices view: open its door (POST /api/devices/{id}/door, the
// terminal's /v1/device/door with its documented modes) and accept the certificate a terminal now presents (POST
// /api/devices/{id}/certificate). Each is confirmed in a dialog first and sent as the operator, so the hub's audit
// log says who did it.

import { act, operator } from './api.js';
import { facts, field, h } from './dom.js';
import { asOperator, confirmDialog } from './dialog.js';

/**
 * The door modes as the API names them (open_mode 0, 1 and 2 of /v1/device/door): [mode, label, what the door does,
 * the confirm button, the words of success].
 */
export const DOOR_MODES = [
  ['open', 'Open once', 'opens, and closes again after the terminal\'s delay', 'Open the door',
    'The terminal opened the door'],
  ['always-open', 'Hold open', 'stays open until told otherwise', 'Hold the door open',
    'The terminal holds the door open'],
  ['always-closed', 'Keep closed', 'stays locked until told otherwise', 'Keep the door closed',
    'The terminal keeps the door closed'],
];

/** Why the console offers no door for this device (as the API lists it), or null when it does. */
export function noDoor(d) {
  if (d.kind === 'se-box') return 'No door: an SE box has no door command, it only reports what its cameras see.';
  if (d.passwordSet === false) {
    return 'No remote door: the terminal is registered without a password, so the hub does not connect to it.';
  }
  return null;
}

const FINGERPRINT = '([0-9A-Fa-f]{2}(?::?[0-9A-Fa-f]{2}){31})';

/** The pinned and the presented fingerprint of a CERTIFICATE_CHANGED terminal: the state's reason names both. */
export function fingerprints(d, reason) {
  const named = (words) => new RegExp(`${words} sha256 ${FINGERPRINT}`).exec(reason ?? '')?.[1] ?? null;
  return { pinned: d.pinnedCertificateSha256 ?? named('pinned certificate is'), presented: named('now presents') };
}

/** 'ab01…' as 'AB:01:…', the way openssl and the terminals' screens print a fingerprint. */
export function colons(hex) {
  return hex.replaceAll(':', '').toUpperCase().match(/../g).join(':');
}

function as() {
  return h('p', { class: 'as' }, 'Recorded in the audit log as ', h('strong', null, operator.get()), '.');
}

/** The door dialog for a terminal: a mode, an optional reason, confirmation, the terminal's answer. */
export function openDoor(d, label, { signal, settled }) {
  asOperator(() => {
    const reason = h('input', { name: 'reason', id: 'f-reason', maxlength: '200', spellcheck: 'false',
      placeholder: 'e.g. courier at the lab' });
    const modes = h('fieldset', { class: 'modes' }, h('legend', null, 'Mode'),
      DOOR_MODES.map(([mode, name, effect], i) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: 'mode', value: mode, checked: i === 0 }),
        h('span', null, h('strong', null, name), h('small', null, `The door ${effect}.`)))));
    const mode = () => DOOR_MODES.find(([m]) => m === modes.querySelector('input:checked').value);
    modes.addEventListener('change', () => {
      modes.closest('form').querySelector('button.confirm').textContent = mode()[3];
    });
    const content = [
      h('p', null, 'Sends the door command to ', h('strong', null, label), ' through the hub, once: it is never'
        + ' repeated on its own.'),
      modes, field('Reason (optional; for the audit log)', reason), as()];
    confirmDialog({
      title: 'Open door', content, confirm: DOOR_MODES[0][3], signal, settled,
      run: async () => {
        const [chosen, , , , done] = mode();
        const answer = await act(`api/devices/${encodeURIComponent(d.id)}/door`,
          { mode: chosen, reason: reason.value.trim() || undefined });
        return `${done} (open_mode ${answer.openMode}). Audit entry #${answer.auditSeq}.`;
      },
    });
  }, signal);
}

/** The dialog that accepts the certificate a CERTIFICATE_CHANGED terminal now presents. */
export function acceptCertificate(d, label, reason, { signal, settled }) {
  asOperator(() => {
    const { pinned, presented } = fingerprints(d, reason);
    const typed = h('input', { name: 'sha256', id: 'f-sha256', class: 'hash', spellcheck: 'false', size: '70',
      placeholder: 'AB:01:… (64 hex digits)' });
    const content = [
      h('p', null, h('strong', null, label), ' presents another TLS certificate than the one the hub pinned, and the'
        + ' hub refuses to talk to it until someone accepts the new one.'),
      facts([['Pinned until now', pinned ? h('code', { class: 'hash' }, colons(pinned)) : 'none'],
        ['Presented now', presented ? h('code', { class: 'hash presented' }, colons(presented))
          : 'not named by the hub; type it below']]),
      h('p', { class: 'warning' }, 'Accept only after checking the new fingerprint on the terminal itself (its'
        + ' screen, or openssl x509 -fingerprint -sha256 on its certificate). A certificate nobody checked lets'
        + ' whoever holds it pose as this terminal.'),
      presented ? null : field('New fingerprint (SHA-256)', typed), as()];
    confirmDialog({
      title: 'Accept new certificate', content, confirm: 'Accept new certificate', signal, settled,
      run: async () => {
        const answer = await act(`api/devices/${encodeURIComponent(d.id)}/certificate`,
          { sha256: presented ?? typed.value.trim() });
        return `Pinned ${colons(answer.pinnedCertificateSha256)}; the hub reconnects to the terminal now.`
          + ` Audit entry #${answer.auditSeq}.`;
      },
    });
  }, signal);
}
