/**
 * JSON plumbing shared by every dialect: strict parsing with bounded limits ({@link io.gatehouse.protocol.json.Json}),
 * a tolerant field reader that names the path of every error ({@link io.gatehouse.protocol.json.FieldReader}),
 * and a writer that emits only the fields a message has. Dialect classes never touch Jackson's parser directly.
 */
package io.gatehouse.protocol.json;
