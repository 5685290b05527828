/**
 * The hub's outbound side of its devices: connectors that log in to SenseNebula Pass terminals and keep them
 * configured (record push, remote authorization) by read-modify-write, hold one {@code /v1/event} WebSocket per
 * terminal and one configured WebSocket per Sophon SE box, and report payloads, states, pinned certificates and
 * device facts to a {@link io.gatehouse.server.connect.ConnectorListener}. TLS to devices is trust on first use
 * by default. Each connector lives on one Vert.x event loop of its own; nothing here decodes events (the
 * ingestion pipeline does) or stores anything (the registry does).
 *
 * <pre>{@code
 * ConnectorListener registry = ...;   // onPayload -> ingestion, onState -> status, onCertificatePinned -> persist
 * DeviceEndpoint door = new DeviceEndpoint("door-1", "10.0.0.21", 8000, true, "admin", password,
 *         TlsTrust.pinned(storedSha256));                  // or TlsTrust.firstUse()
 * TerminalPlan plan = new TerminalPlan(hubUrl + "/devices/push/" + token, hubUrl + "/devices/auth/" + token, 5, true);
 * TerminalConnector terminal = TerminalConnector.start(vertx, door, plan, registry, ConnectorSettings.production());
 * terminal.client().openDoor(new DoorCommand(0, null));     // the same login and pin
 * terminal.acceptCertificate(newSha256);                    // after an operator checked a CERTIFICATE_CHANGED
 *
 * SophonConnector box = SophonConnector.start(vertx, DeviceEndpoint.seBox("box-1", "10.0.0.30", 5555, 5679),
 *         List.of(), SophonVersion.V5, registry, ConnectorSettings.production());   // List.of(): every camera
 * terminal.stop(); box.stop();
 * }</pre>
 */
package io.gatehouse.server.connect;
