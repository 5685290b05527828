package io.gatehouse.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gatehouse} command. Each subcommand is one class in this package. */
@Command(
        name = "gatehouse",
        mixinStandardHelpOptions = true,
        versionProvider = Gatehouse.Version.class,
        description = "Event hub for face-recognition access control: receives every recognition and alarm from"
                + " SenseNebula Pass terminals and Sophon SE boxes, answers the doors, stores and serves the events.",
        subcommands = {ServeCommand.class, DemoCommand.class, SimulateCommand.class, InspectCommand.class, CheckDiskCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Run 'gatehouse help COMMAND' for the options of one command."})
public final class Gatehouse implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Gatehouse()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.getSubcommands().get("serve").getCommandSpec().usageMessage().footer(ServeCommand.footer());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Gatehouse.class.getPackage().getImplementationVersion();
            return new String[] {"gatehouse " + (version == null ? "development build" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
