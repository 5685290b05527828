package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDemoStartsTheHubAndTheSiteAndSaysWhereToLook() {
        CommandRun run = new CommandRun();

        int status = run.execute("demo", "--port", "0", "--data", dir.resolve("demo").toString(), "--duration", "1");

        assertThat(status).as(run.err.toString()).isZero();
        assertThat(run.out.toString())
                .contains("Gatehouse demo is running", "/console/", "admin token:", "/api/events/stream", "/api/authorizations")
                .contains("entrance", "lab-door", "remote authorization", "yard-box", "3 cameras");
    }

    @Test
    void aDirectoryTheDemoDidNotMakeIsNeverEmptied() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.txt"), "precious");

        assertThatThrownBy(() -> DemoCommand.fresh(mine)).isInstanceOf(IOException.class).hasMessageContaining("--data");
        assertThat(mine.resolve("thesis.txt")).exists();

        Path demo = dir.resolve("demo");
        DemoCommand.fresh(demo);
        Files.writeString(demo.resolve("gatehouse.db"), "old run");
        DemoCommand.fresh(demo);
        assertThat(demo.resolve("gatehouse.db")).doesNotExist();
    }
}
