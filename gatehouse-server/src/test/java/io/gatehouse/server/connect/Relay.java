package io.gatehouse.server.connect;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * A network path between the hub and a device that can silently stop carrying bytes, without closing anything:
 * a switch that died or a cable pulled far away, the failure only pings can notice. TCP in, TCP out on loopback;
 * a side that closes closes the other.
 */
final class Relay implements AutoCloseable {
    private final NetServer server;
    private final NetClient client;
    private volatile boolean blackhole;

    Relay(Vertx vertx, String targetHost, int targetPort) {
        Context context = vertx.getOrCreateContext();
        Promise<NetServer> started = Promise.promise();
        NetClient[] out = new NetClient[1];
        context.runOnContext(v -> {
            out[0] = vertx.createNetClient();
            vertx.createNetServer().connectHandler(in -> {
                in.pause();
                out[0].connect(targetPort, targetHost).onSuccess(upstream -> {
                    pipe(in, upstream);
                    pipe(upstream, in);
                    in.resume();
                }).onFailure(e -> in.close());
            }).listen(0, "127.0.0.1").onComplete(started);
        });
        this.server = Blocking.await(started.future());
        this.client = out[0];
    }

    private void pipe(NetSocket from, NetSocket to) {
        from.handler(bytes -> {
            if (!blackhole) {
                to.write(bytes);
            }
        });
        from.closeHandler(v -> to.close());
    }

    int port() {
        return server.actualPort();
    }

    /** On: every byte either way is dropped, and no connection is closed. Off: bytes flow again. */
    void blackhole(boolean on) {
        blackhole = on;
    }

    @Override
    public void close() {
        Blocking.await(server.close().compose(v -> client.close()));
    }
}
