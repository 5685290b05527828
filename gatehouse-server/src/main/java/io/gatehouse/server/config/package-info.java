/**
 * The hub's configuration sources: a catalog of settings, each with a default, and their resolution from a YAML
 * file, {@code GATEHOUSE_*} environment variables and command-line flags, in that order of precedence (flag wins).
 * Errors name the setting and the source that gave the bad value.
 */
package io.gatehouse.server.config;
