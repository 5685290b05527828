/** Who may call the admin API: the bearer token, its generation and storage. */
package io.gatehouse.server.auth;
