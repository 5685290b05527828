-- MQTT targets: the topic each event is published to (a template with {deviceId} and {type}) and the broker user.
ALTER TABLE forward_targets ADD COLUMN topic TEXT;
ALTER TABLE forward_targets ADD COLUMN username TEXT;
