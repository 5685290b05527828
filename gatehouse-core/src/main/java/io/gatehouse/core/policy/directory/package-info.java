/**
 * The access-control directory: people (by the terminal's {@code user_id}), groups, sites, doors, weekly
 * schedules, access rules and anti-passback pairs, and the immutable {@link
 * io.gatehouse.core.policy.directory.Directory} snapshot that holds them with the indexes a decision uses.
 * Settings (thresholds, fail-mode, tip language) fall back door → site → defaults.
 */
package io.gatehouse.core.policy.directory;
