package io.gatehouse.app;

import io.gatehouse.server.Hub;
import io.gatehouse.server.HubConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse serve}: run the hub until interrupted. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        header = "Run the hub: receive device events, answer the doors, store and serve the events.",
        description = "Starts the Gatehouse hub with its embedded store. It runs until Ctrl-C (SIGINT) or SIGTERM,"
                + " then stops cleanly.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port of the API and the device receivers (default: ${DEFAULT-VALUE}).")
    int port = HubConfig.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = HubConfig.defaults().bindHost();

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory: database, images, admin token (default: ${DEFAULT-VALUE}).")
    Path data = HubConfig.defaults().dataDir();

    @Override
    public Integer call() throws Exception {
        HubConfig config = new HubConfig(bind, port, data, null, System.getenv("GATEHOUSE_ADMIN_TOKEN"));
        CountDownLatch stopped = new CountDownLatch(1);
        try (Hub hub = Hub.start(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "gatehouse-shutdown"));
            stopped.await();
        }
        return 0;
    }
}
