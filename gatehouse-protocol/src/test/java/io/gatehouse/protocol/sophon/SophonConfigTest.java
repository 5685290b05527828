package io.gatehouse.protocol.sophon;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.protocol.json.DecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration a client sends on port 5679 before the box streams anything: V5 (seed 004)
 * need_face/need_register/event_list, V6 with_face_image/with_register_image/media_device_ids.
 */
class SophonConfigTest {

    /** Seed 004 step (5), verbatim: a Python dict literal, not JSON. */
    static final String SEED_004_PYTHON_LITERAL = """
            {
                'need_face':True,\s
                'need_register':True,\s
                'event_list':["04f98265-1fad-47e5-9dda-66e191272055", "f9f0768f-497c-45f3-9307-ae80a9d89390", "804b1218-218e-4465-8e1f-c305a5981001", "9483034a-da64-4db0-b223-64e87d5567db"]
            }
            """;

    /** What seed 004's sample client really sends: json.dumps of that dict. */
    static final String SEED_004_JSON_DUMPS = "{\"need_face\": true, \"need_register\": true, \"event_list\": "
            + "[\"04f98265-1fad-47e5-9dda-66e191272055\", \"f9f0768f-497c-45f3-9307-ae80a9d89390\", "
            + "\"804b1218-218e-4465-8e1f-c305a5981001\", \"9483034a-da64-4db0-b223-64e87d5567db\"]}";

    @Test
    void readsTheV5Sample() throws Exception {
        String json = sample("sophon-ws-config-v5.json");
        SophonConfig c = decode(json, SophonConfig.class);

        assertThat(c.version()).isEqualTo(SophonVersion.V5);
        assertThat(c.wantsFace()).isTrue();
        assertThat(c.wantsRegistered()).isTrue();
        assertThat(c.cameras()).containsExactly("04f98265-1fad-47e5-9dda-66e191272055", "f9f0768f-497c-45f3-9307-ae80a9d89390");
        assertThat(written(c)).isEqualTo(compact(json));
    }

    @Test
    void readsTheV6Sample() throws Exception {
        String json = sample("sophon-ws-config-v6.json");
        SophonConfig c = decode(json, SophonConfig.class);

        assertThat(c.version()).isEqualTo(SophonVersion.V6);
        assertThat(c.wantsFace()).isTrue();
        assertThat(c.wantsRegistered()).isFalse();
        assertThat(c.cameras()).containsExactly("04f98265-1fad-47e5-9dda-66e191272055");
        assertThat(written(c)).isEqualTo(compact(json));
    }

    @Test
    void readsWhatSeed004sSampleClientSends() throws Exception {
        SophonConfig c = decode(SEED_004_JSON_DUMPS, SophonConfig.class);

        assertThat(c.version()).isEqualTo(SophonVersion.V5);
        assertThat(c.cameras()).hasSize(4);
        assertThat(written(c)).isEqualTo(compact(SEED_004_JSON_DUMPS));
    }

    @Test
    void refusesSeed004sPythonLiteralWithAClearReason() {
        assertThatThrownBy(() -> decode(SEED_004_PYTHON_LITERAL))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.path()).isEmpty();
                    assertThat(e.reason()).startsWith("malformed JSON at line 2, column 5:")
                            .endsWith("(this looks like a Python dict literal, with single-quoted names or True/False/None;"
                                    + " send JSON, as Python's json.dumps writes it)");
                });
        assertThatThrownBy(() -> decode("{\"need_face\": True, \"event_list\": []}"))
                .hasMessageContaining("Python dict literal");
    }

    @Test
    void absentSettingsMeanTheDocumentedDefaults() throws Exception {
        SophonConfig c = decode("{\"event_list\":[]}", SophonConfig.class);

        assertThat(c.wantsFace()).isFalse();
        assertThat(c.wantsRegistered()).isFalse();
        assertThat(c.cameras()).isEmpty();
        assertThat(written(SophonConfig.of(SophonVersion.V6, false, true, List.of("c1"))))
                .isEqualTo("{\"with_face_image\":false,\"with_register_image\":true,\"media_device_ids\":[\"c1\"]}");
    }
}
