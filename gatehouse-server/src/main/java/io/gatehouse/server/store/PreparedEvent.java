package io.gatehouse.server.store;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.AlarmEvent;
import io.gatehouse.core.event.DeviceEvent;
import io.gatehouse.core.event.EventImage;
import io.gatehouse.core.event.EventJson;
import io.gatehouse.core.store.EventType;
import io.gatehouse.core.store.Ingested;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event made ready for its row: the columns the queries filter on, the JSON view, the payload without image
 * bytes, and the images to write to the blob store first. Built off the writer thread, so the writer only runs SQL.
 *
 * @param images the distinct images, each once, event images first
 * @param imageKinds one entry per image reference of the event (position order), naming its kind
 */
record PreparedEvent(
        Ingested ingested,
        EventType type,
        String kind,
        String personId,
        String personName,
        Integer passed,
        Integer alarmCode,
        Integer alarmStatus,
        Long lateByMillis,
        String eventJson,
        String payloadJson,
        List<BlobImage> images,
        List<ImageRef> imageRefs) {

    /** The event's {@code position}-th image reference. */
    record ImageRef(int position, String sha256, String kind) {
    }

    static PreparedEvent of(Ingested in, Duration lateThreshold) {
        DeviceEvent event = in.event();
        PayloadImages.Stripped stripped = PayloadImages.strip(event.original(), event.images());
        Map<String, BlobImage> distinct = new LinkedHashMap<>();
        List<ImageRef> refs = new ArrayList<>();
        for (EventImage image : event.images()) {
            distinct.putIfAbsent(image.sha256(), BlobImage.of(image));
            refs.add(new ImageRef(refs.size(), image.sha256(), image.kind().name()));
        }
        for (BlobImage extra : stripped.unclassified()) {
            distinct.putIfAbsent(extra.sha256(), extra);
            refs.add(new ImageRef(refs.size(), extra.sha256(), extra.kind()));
        }
        Duration delay = Duration.between(event.occurredAt(), in.receivedAt());
        Long lateBy = delay.compareTo(lateThreshold) > 0 ? delay.toMillis() : null;
        String json = EventJson.render(event).toString();
        String payload = stripped.payload().toString();
        List<BlobImage> images = List.copyOf(distinct.values());
        if (event instanceof AccessEvent access) {
            return new PreparedEvent(in, EventType.ACCESS, access.kind().name(), access.person().id(),
                    access.person().name(), access.outcome().passed() == null ? null : access.outcome().passed() ? 1 : 0,
                    null, null, lateBy, json, payload, images, refs);
        }
        AlarmEvent alarm = (AlarmEvent) event;
        return new PreparedEvent(in, EventType.ALARM, null, alarm.userId(), null, null, alarm.rawCode(),
                alarm.rawStatus(), lateBy, json, payload, images, refs);
    }

    String dedupeKey() {
        return ingested.event().dedupeKey();
    }
}
