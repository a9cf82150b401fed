package dev.queuebench.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a free TCP port on the loopback interface. */
final class FreePorts {
    private FreePorts() {
    }

    /**
     * A port the kernel considers free right now. Another process may take it before Redis binds it;
     * {@link EmbeddedRedis} retries with a new port when that happens.
     */
    static int loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedRedis.HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on the loopback interface: " + e.getMessage(), e);
        }
    }
}
