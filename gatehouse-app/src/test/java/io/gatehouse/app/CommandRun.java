package io.gatehouse.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs one {@code gatehouse} subcommand in the test's JVM and keeps what it printed. */
final class CommandRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int execute(String command, String... args) {
        return execute(command, ignored -> { }, args);
    }

    /** As {@link #execute(String, String...)}, after {@code setUp} has been given the subcommand's object. */
    int execute(String command, Consumer<Object> setUp, String... args) {
        CommandLine cli = Gatehouse.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        setUp.accept(cli.getSubcommands().get(command).getCommand());
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }
}
