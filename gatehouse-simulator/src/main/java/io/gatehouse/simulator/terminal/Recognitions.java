package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.sense.AbnormalType;
import io.gatehouse.protocol.sense.RecognitionType;
import io.gatehouse.protocol.sense.RecognizeStatus;
import io.gatehouse.protocol.sense.RemoteAuthRequest;
import io.gatehouse.protocol.sense.SenseGroup;
import io.gatehouse.protocol.sense.SenseRecognition;
import io.gatehouse.protocol.sense.SenseUser;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.simulator.device.FaceImages;
import io.gatehouse.simulator.roster.Credential;
import io.gatehouse.simulator.roster.Person;
import io.gatehouse.simulator.roster.PersonType;
import io.gatehouse.simulator.roster.Roster;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Turns a walk-up into the terminal's messages: the recognition record and the remote-authorization request,
 * as protocol-library records. The library's writers then emit exactly the fields of the terminal's version.
 */
final class Recognitions {
    private final String serial;
    private final SenseVersion version;
    private final FaceImages images;
    private final RandomGenerator random;
    private final boolean distinctSnapshots;
    private int track;

    Recognitions(String serial, SenseVersion version, FaceImages images, RandomGenerator random,
                 boolean distinctSnapshots) {
        this.serial = serial;
        this.version = version;
        this.images = images;
        this.random = random;
        this.distinctSnapshots = distinctSnapshots;
    }

    Walkup walkup(Person person, Credential credential) {
        boolean stranger = person == null;
        double score = stranger ? 0.30 + random.nextDouble() * 0.30 : 0.88 + random.nextDouble() * 0.11;
        return new Walkup(person, credential, Instant.now(), round(score, 4), round(0.90 + random.nextDouble() * 0.09, 4),
                random.nextInt(3), round(36.0 + random.nextDouble() * 1.2, 1), UUID.randomUUID().toString());
    }

    /** The face local verification sees: only a library person inside their window passes. */
    static boolean localPass(Walkup walkup) {
        Person person = walkup.person();
        return person != null && person.type() != PersonType.BLACKLIST
                && person.withinWindow(walkup.at());
    }

    static int abnormalType(Walkup walkup) {
        Person person = walkup.person();
        return person != null && !person.withinWindow(walkup.at()) ? AbnormalType.VISITOR_OUTSIDE_VALIDITY.code() : 0;
    }

    SenseRecognition record(Walkup w, boolean pass, int mode, boolean withImage, SenseUser identified) {
        SenseUser user = identified != null ? identified : user(w.person());
        return new SenseRecognition(version, serial, ++track, recognizeStatus(w).code(), recognitionType(w).code(),
                w.uuid(), w.score(), w.liveness(), w.mask(), mode, w.credential().entryMode().code(), abnormalType(w),
                withImage ? snapshot(w) : "", pass, w.at().getEpochSecond(), w.temperature(), user,
                Map.of());
    }

    RemoteAuthRequest authRequest(Walkup w, boolean withImage) {
        String qr = w.credential() == Credential.QR_CODE && w.person() != null ? "QR-" + w.person().id() : "";
        return new RemoteAuthRequest(version, serial, recognizeStatus(w).code(), w.score(),
                w.credential().entryMode().code(), w.mask(), withImage ? snapshot(w) : "",
                w.temperature(), w.at().getEpochSecond(), qr, user(w.person()), Map.of());
    }

    /** The face snapshot of this walk-up: the person's shared face, or that face made this capture's own. */
    private String snapshot(Walkup w) {
        return distinctSnapshots ? images.faceBase64(w.personId(), w.uuid()) : images.faceBase64(w.personId());
    }

    private static RecognizeStatus recognizeStatus(Walkup w) {
        return w.stranger() ? RecognizeStatus.STRANGER : RecognizeStatus.IN_LIBRARY;
    }

    private static RecognitionType recognitionType(Walkup w) {
        return w.stranger() ? RecognitionType.STRANGER : w.person().type().recognitionType();
    }

    private SenseUser user(Person p) {
        if (p == null) {
            return SenseUser.STRANGER;
        }
        long start = p.visitFrom() == null ? 0 : p.visitFrom().toEpochMilli();
        long end = p.visitUntil() == null ? 0 : p.visitUntil().toEpochMilli();
        return new SenseUser(p.name(), p.id(), p.type().userType().code(version), p.icNumber(), p.jobNumber(),
                p.idNumber(), start, end, "", "", p.groups().stream().map(g -> new SenseGroup(groupId(g), g)).toList(),
                Map.of());
    }

    /** The user a server named when it identified a stranger ({@code auth_mode} 3). */
    SenseUser identified(String userId, String userName) {
        return new SenseUser(userName, userId, 1, "", "", "", 0L, 0L, "", "", List.of(), Map.of());
    }

    static String groupId(String name) {
        return Integer.toString(Math.floorMod(name.hashCode(), 9000) + 1000);
    }

    static boolean isStranger(String personId) {
        return Roster.STRANGER.equals(personId);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
