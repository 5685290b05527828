/**
 * The people emulated devices recognise: employees, visitors with validity windows, blacklisted people and
 * strangers, each with the credential they present (face, card, QR code, PIN, ID card). The standard roster
 * covers every case; a JSON roster file replaces it.
 */
package io.gatehouse.simulator.roster;
