/**
 * The link between a remote-authorization decision and the passage record the terminal pushes afterwards (same
 * device, same person, times within a tolerance), and the query that shows both: asked, answered allow or deny by
 * which rule in how long, and whether the door then opened.
 */
package io.gatehouse.server.ingest.link;
