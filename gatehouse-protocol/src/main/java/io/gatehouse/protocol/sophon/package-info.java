/**
 * The Sophon SE5-series AI box: the camera list of its REST API on port 5555, and the configuration and
 * recognition events of its WebSocket on port 5679, in the V5 (seed 004) and V6 shapes.
 */
package io.gatehouse.protocol.sophon;
