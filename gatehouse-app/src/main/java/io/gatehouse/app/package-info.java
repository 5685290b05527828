/**
 * The {@code gatehouse} command line (picocli): one class per subcommand, each a thin layer over the
 * modules that do the work. The shaded jar's entry point is {@link io.gatehouse.app.Gatehouse}.
 */
package io.gatehouse.app;
