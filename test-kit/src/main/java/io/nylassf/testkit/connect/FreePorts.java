package io.nylassf.testkit.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback ports free at the time of asking, for endpoints a test configures by port number. */
public final class FreePorts {
    private FreePorts() {
    }

    public static int one() {
        return take(1).get(0);
    }

    /** {@code n} distinct ports: all held open together while chosen, so none is handed out twice. */
    public static List<Integer> take(int n) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used
                }
            }
        }
    }
}
