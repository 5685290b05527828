package io.gatehouse.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The detection rules of docs/PROTOCOLS.md, one by one: which fields make which message. (Every sample's
 * dialect, version included, is checked by {@link SampleRoundTripTest}.)
 */
class DialectDetectorTest {

    private static MessageKind detect(String json) throws DecodeException {
        return DialectDetector.detect(Json.standard().parse(json));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type":0,"data":{}}                                          | RECOGNITION
            {"type":1,"data":{}}                                          | ALARM
            {"type":7,"data":{}}                                          | RECOGNITION
            {"deviceSN":"S","pass":true,"timestamp":1}                    | RECOGNITION
            {"trackID":3,"timestamp":1}                                   | RECOGNITION
            {"deviceSN":"S","recognizeStatus":2,"timestamp":1}            | REMOTE_AUTH_REQUEST
            {"deviceSN":"S","mode":0,"qrcode_content":"","timestamp":1}   | REMOTE_AUTH_REQUEST
            {"code":200,"msg":"OK","data":{"token":"t"}}                  | LOGIN_ANSWER
            {"code":200,"msg":"OK","data":{"offset":0,"items":[]}}        | RECORDS_PAGE
            {"code":200,"message":"success","data":{"pass":true}}         | PUSH_ANSWER
            {"code":200,"msg":"success","data":{"pass":true}}             | PUSH_ANSWER
            {"code":200,"msg":"OK","data":{"pass":true}}                  | REMOTE_AUTH_ANSWER
            {"code":200,"msg":"success","data":{"pass":true,"verify_code":2}} | REMOTE_AUTH_ANSWER
            {"code":401,"msg":"Unauthorized","data":null}                 | ENVELOPE
            {"data":{"devices_list":[]}}                                  | SOPHON_DEVICE_LIST
            {"event_dest":"http://h/"}                                    | SUBSCRIBE_CONFIG
            {"auth_mode":1}                                               | DEVICE_FUNCTIONS
            {"username":"admin","password":"p"}                           | LOGIN_REQUEST
            {"open_mode":0}                                               | DOOR_COMMAND
            {"event_list":[]}                                             | SOPHON_CONFIG
            {"media_device_ids":[]}                                       | SOPHON_CONFIG
            {"device_id":"c","score":1,"timestamp":1}                     | SOPHON_EVENT
            {"user_type":"vip","score":1,"timestamp":1}                   | SOPHON_EVENT
            {"limit":10}                                                  | RECORDS_QUERY
            """)
    void tellsTheMessageByItsFields(String json, MessageKind kind) throws Exception {
        assertThat(detect(json)).isEqualTo(kind);
    }

    @Test
    void refusesWhatNoDocumentDescribesListingItsFields() {
        assertThatThrownBy(() -> detect("{\"hello\":1,\"world\":2}"))
                .hasMessage("not a documented device message; its fields are hello, world");
        assertThatThrownBy(() -> detect("{}")).hasMessage("not a documented device message; its fields are none");
        assertThatThrownBy(() -> detect("\"text\"")).hasMessage("expected a JSON object, found string");
    }
}
