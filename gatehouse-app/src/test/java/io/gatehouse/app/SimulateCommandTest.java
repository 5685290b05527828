package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse simulate} starts the devices on their documented ports, prints the table and stops. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    private final CommandRun run = new CommandRun();

    private int simulate(String... args) {
        return run.execute("simulate", args);
    }

    @Test
    void printsTerminalsThenBoxesOnConsecutiveAddressesWithTheirDocumentedPorts() {
        int status = simulate("--terminals", "1", "--se-boxes", "1", "--cameras", "2", "--rate", "2",
                "--password", "PASS", "--first-address", "127.0.7.1", "--control-port", "-1", "--duration", "1");

        assertThat(status).isZero();
        assertThat(run.out.toString())
                .containsPattern("terminal +PSC700C0MC22F00001 +v1\\.3\\.0 +127\\.0\\.7\\.1 +https 8000 +admin / PASS")
                .containsPattern("se-box +SE5-00001 +V5 +127\\.0\\.7\\.2 +rest 5555, websocket 5679")
                .contains("SE5-00001 cameras:");
    }

    @Test
    void refusesAnUnknownVersionAndABadRosterClearly() throws Exception {
        assertThat(simulate("--versions", "v9.9.9", "--control-port", "-1")).isEqualTo(2);
        assertThat(run.err.toString()).contains("unknown SenseNebula Pass version v9.9.9");

        Path roster = Files.writeString(dir.resolve("roster.json"), "[{\"id\":\"x1\",\"name\":\"A\"}]");
        assertThat(simulate("--roster", roster.toString(), "--control-port", "-1")).isEqualTo(2);
        assertThat(run.err.toString()).contains("[0].id").contains("digits");
    }
}
