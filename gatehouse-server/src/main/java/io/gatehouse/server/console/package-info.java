/**
 * The web console: plain HTML, CSS and JavaScript modules under {@code gatehouse-console/} on the classpath, served
 * at {@code /console/} with no build step and no token. The page itself holds nothing secret; everything it shows
 * comes from the {@code /api} endpoints, which it calls with the admin token the operator signs in with. The
 * console's own files are revalidated on each load (so an upgraded hub is picked up at once) and are sent with a
 * content security policy that allows only the hub's own scripts: a device-supplied name that slipped past the
 * console's escaping still could not run.
 */
package io.gatehouse.server.console;
