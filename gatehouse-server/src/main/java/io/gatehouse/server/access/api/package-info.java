/**
 * The access-control admin API under {@code /api/access}: CRUD, bulk import and export (JSON, CSV) of the
 * directory, screen tips, the decision log and the authorizer's health. Every refusal is a JSON body with the
 * field and the reason.
 */
package io.gatehouse.server.access.api;
