/**
 * The emulated Sophon SE box: its camera list over REST (port 5555) and its WebSocket (port 5679), which sends
 * nothing until a client's configuration arrives and then streams, in the box's one document version (V5 or
 * V6), the recognitions of the listed cameras only, with images only when asked for.
 */
package io.gatehouse.simulator.sophon;
