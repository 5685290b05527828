/**
 * Weekly schedules with exception days: when, in a door's local wall-clock time, an access rule applies.
 * Windows are half-open ({@code 08:00-18:00} admits 17:59:59 and refuses 18:00:00) and never cross midnight;
 * an exception day (a holiday) replaces the weekly pattern for its whole date.
 */
package io.gatehouse.core.policy.schedule;
