package io.gatehouse.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One payload per message type, in the shapes of the protocol reference's samples. The recognition push
 * carries a ~30 KB base64 face snapshot (the size issue #6 sets its target for); the other events a ~1 KB one.
 */
final class BenchPayloads {
    static final String RECOGNITION_30KB = "sense-recognition-v1.3.0-30kb";
    static final String REMOTE_AUTH_30KB = "sense-remote-auth-request-v1.3.0-30kb";

    private BenchPayloads() {
    }

    static Map<String, String> all() {
        String face30k = BenchImages.jpegBase64(30_000);
        String face1k = BenchImages.jpegBase64(1_000);
        Map<String, String> payloads = new LinkedHashMap<>();
        payloads.put(RECOGNITION_30KB, recognition(face30k));
        payloads.put("sense-recognition-v0.0.8", """
                {"type":0,"data":{"recognizeStatus":2,"deviceSN":"PS71HD01MC22C00014","recognizeScore":0.9837,
                 "livenessScore":0.9073,"mask":1,"rgb_image":"%s","pass":true,"mode":0,
                 "user":{"name":"Q","user_id":1,"type":1,"ic_number":"111","job_number":"2222"},"timestamp":1660625866}}
                """.formatted(face1k));
        payloads.put("sense-alarm-v1.3.0", """
                {"type":1,"data":{"trace_id":"SPX-1767225602000-004-3Adb4v","description":"tamper switch opened",
                 "code":10001,"event_time":1767225602000,"status":1,"alarm_photo":"%s"}}
                """.formatted(face1k));
        payloads.put("sense-remote-auth-request-v1.3.0", remoteAuth(face1k));
        payloads.put(REMOTE_AUTH_30KB, remoteAuth(face30k));
        payloads.put("sophon-event-V5", """
                {"reg_pic":"%1$s","ext_data":{"person_type":5,"device_ip":"192.0.2.43","device_type":"0",
                 "spot_pic":"%1$s","recognize_face":"%1$s"},"identity_id":"666666",
                 "device_id":"04f98265-1fad-47e5-9dda-66e191272055","identity_info":{"addTime":1594111791,
                 "image_id":"5282249a-044d-43a2-9a97-0e4fee3832f5","name":"小明","type":5},"score":0.6232,
                 "timestamp":1767225605020,"group_name":"default_group","identity_name":"小明","event_id":"e0a1","video_id":"v0"}
                """.formatted(face1k));
        payloads.put("sophon-event-V6", """
                {"event_id":"8c1f","timestamp":1767225606020,"identity_id":"100000","identity_name":"小王",
                 "user_type":"employee","score":82.05,"media_device_ip":"192.0.2.44",
                 "media_device_id":"04f98265-1fad-47e5-9dda-66e191272055","media_device_type":"rtsp",
                 "register_image":"data:image/jpeg;base64,%1$s","recognize_face_image":"data:image/jpeg;base64,%1$s",
                 "recognize_face_attr":{"gender":"male","age":30,"glasses":false}}
                """.formatted(face1k));
        payloads.put("sense-remote-auth-answer", """
                {"code":200,"msg":"OK","data":{"pass":false,"customtips":"不在通行时间","user_id":"111","user_name":"xxx","verify_code":5}}""");
        payloads.put("sense-push-answer", "{\"code\":200,\"message\":\"success\",\"data\":{\"pass\":true,\"customtips\":\"Hello\"}}");
        payloads.put("sense-subscribe-config", "{\"event_dest\":\"https://192.0.2.10:8443/eventRcv\",\"enabled\":true}");
        payloads.put("sense-device-functions", """
                {"device_run_type":1,"mode":0,"strong_hint":true,"avatar_status":1,"name_status":1,"record":true,
                 "record_image":true,"alarm_record":true,"auth_mode":1,"remote_authentication_address":"http://192.0.2.10:4321/auth/",
                 "remote_auth_timeout_to_local_auth":5}""");
        payloads.put("sense-records-query", "{\"begin_time\":1767225000,\"end_time\":1767229000,\"offset\":0,\"limit\":100,\"sort\":0}");
        payloads.put("sense-records-page", "{\"code\":200,\"msg\":\"OK\",\"data\":{\"offset\":0,\"limit\":1,\"count\":1,\"total\":1,\"items\":["
                + recognition("").substring("{\"type\":0,\"data\":".length(), recognition("").length() - 1) + "]}}");
        payloads.put("sense-login-request", "{\"username\":\"admin\",\"password\":\"pwd\",\"validTime\":5}");
        payloads.put("sense-login-answer", "{\"code\":200,\"msg\":\"OK\",\"data\":{\"token\":\"eyJhbGciOiJIUzI1NiJ9.e30.c2ln\"}}");
        payloads.put("sense-door-command", "{\"open_mode\":0,\"card_number\":\"12345\"}");
        payloads.put("sense-envelope", "{\"code\":401,\"msg\":\"Unauthorized\",\"data\":null}");
        payloads.put("sophon-config-V5", "{\"need_face\":true,\"need_register\":true,\"event_list\":"
                + "[\"04f98265-1fad-47e5-9dda-66e191272055\",\"f9f0768f-497c-45f3-9307-ae80a9d89390\"]}");
        payloads.put("sophon-config-V6", "{\"with_face_image\":true,\"with_register_image\":false,"
                + "\"media_device_ids\":[\"04f98265-1fad-47e5-9dda-66e191272055\"]}");
        payloads.put("sophon-device-list", "{\"data\":{\"devices_list\":[{\"device_id\":\"2c1a6a12-ecf4-4490-a2fc-8d7a5023bfcd\","
                + "\"name\":\"lobby\"},{\"device_id\":\"04f98265-1fad-47e5-9dda-66e191272055\",\"name\":\"gate-2\"}]}}");
        return payloads;
    }

    /** The UTF-8 bytes of the payload named {@code name}, a key of {@link #all()}. */
    static byte[] bytes(String name) {
        String json = all().get(name);
        if (json == null) {
            throw new IllegalArgumentException("no payload " + name);
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A v1.3.0 remote-authorization request with the given snapshot. */
    static String remoteAuth(String snapshot) {
        return """
                {"deviceSN":"PSC700C0MC22F02542","recognizeStatus":2,"recognizeScore":0.9237,"entry_mode":1,"mask":0,
                 "rgb_image":"%s","bodyTemperature":0.0,"timestamp":1767225604,"qrcode_content":"",
                 "user":{"name":"科恩","ic_number":"","id_number":"","job_number":"","pin":"",
                 "user_id":"4bf5d479-f64e-4e35-907b-23a162b5d80f","remark":"","guest_time_start":0,"guest_time_end":0,
                 "type":1,"groups":[]}}
                """.formatted(snapshot);
    }

    /** A v1.3.0 push: CJK name, two groups, the given snapshot. */
    static String recognition(String snapshot) {
        return """
                {"type":0,"data":{"deviceSN":"PSC700C0MC22F02542","recognitionType":1,"entry_mode":1,"abnormal_type":0,
                 "uuid":"4d3987c1-a3b3-470b-9fb7-e114772c069c","recognizeScore":0.9302,"mask":0,"mode":3,
                 "rgb_image":"%s","bodyTemperature":36.4,"pass":true,"timestamp":1767225600,
                 "user":{"name":"王五","ic_number":"12345","id_number":"","job_number":"23385","pin":"","user_id":"5",
                 "remark":"","guest_time_start":0,"guest_time_end":0,"type":1,
                 "groups":[{"id":"3","name":"研发"},{"id":"4","name":"一楼"}]}}}""".formatted(snapshot).replace("\n", "");
    }
}
