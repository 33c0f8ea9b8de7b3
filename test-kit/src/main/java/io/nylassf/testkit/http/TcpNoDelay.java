package io.nylassf.testkit.http;

/**
 * The JDK HttpServer writes response headers and body separately; without TCP_NODELAY, Nagle's algorithm meets
 * the client's delayed ACK and every keep-alive request waits ~40 ms (about 90 requests/second in total).
 * The server reads {@code sun.net.httpserver.nodelay} once, when its first instance in the JVM is created, so
 * this must run before any JDK HttpServer starts; an explicit setting by the user wins.
 */
public final class TcpNoDelay {
    private TcpNoDelay() {
    }

    public static void enable() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
}
