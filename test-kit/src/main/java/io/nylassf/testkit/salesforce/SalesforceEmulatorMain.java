package io.nylassf.testkit.salesforce;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a standalone process for curl and manual tests:
 * {@code java -cp test-kit.jar:... io.nylassf.testkit.salesforce.SalesforceEmulatorMain [port] [staticToken] [clientId clientSecret]}.
 */
public final class SalesforceEmulatorMain {
    private SalesforceEmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8443;
        SalesforceEmulator.Builder b = SalesforceEmulator.builder().port(port);
        if (args.length > 1) {
            b.staticToken(args[1]);
        }
        if (args.length > 3) {
            b.clientCredentials(args[2], args[3], null);
        }
        SalesforceEmulator sf = b.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sf::close));
        System.out.println("Salesforce emulator listening on " + sf.baseUrl());
        new CountDownLatch(1).await();
    }
}
