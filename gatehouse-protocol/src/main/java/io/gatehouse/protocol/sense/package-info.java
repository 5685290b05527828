/**
 * The SenseNebula Pass S7/S8 terminal's Web API: one record per message (recognition and alarm events,
 * remote-authorization request and answer, configuration bodies, history query and page, login, door
 * command, the {@code {code,msg,data}} envelope) and enumerations of its documented codes. A recognition
 * record serves every firmware version; its {@link io.gatehouse.protocol.sense.SenseVersion} decides which fields are
 * written and how codes whose meaning changed are read.
 */
package io.gatehouse.protocol.sense;
