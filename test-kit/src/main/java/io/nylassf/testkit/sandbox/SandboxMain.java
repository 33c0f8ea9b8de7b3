package io.nylassf.testkit.sandbox;

import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Runs both emulators as one standalone process, seeded with a generated sandbox, and prints their URLs and
 * credentials. {@code --out FILE} also writes them as a properties file for scripts (the quickstart reads it).
 *
 * <pre>
 * java -cp ... io.nylassf.testkit.sandbox.SandboxMain --salesforce-port 8181 --nylas-port 8282 --seed 42
 * </pre>
 */
public final class SandboxMain {
    public static final int DEFAULT_SALESFORCE_PORT = 8181;
    public static final int DEFAULT_NYLAS_PORT = 8282;
    public static final String CLIENT_ID = "sandbox-client";
    public static final String CLIENT_SECRET = "sandbox-secret";
    public static final String NYLAS_API_KEY = "nyk_sandbox";

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        SandboxSpec d = SandboxSpec.quickstart();
        SandboxSpec spec = new SandboxSpec(longOpt(opts, "seed", d.seed()), intOpt(opts, "grants", d.grants()),
                intOpt(opts, "contacts", d.contacts()), intOpt(opts, "messages", d.messages()),
                intOpt(opts, "events", d.events()), intOpt(opts, "companies", d.companies()),
                intOpt(opts, "accounts", d.accounts()), intOpt(opts, "opportunities", d.opportunities()),
                intOpt(opts, "days", d.days()));
        String host = opts.getOrDefault("host", "127.0.0.1");
        SalesforceEmulator salesforce = SalesforceEmulator.builder().host(host)
                .port(intOpt(opts, "salesforce-port", DEFAULT_SALESFORCE_PORT))
                .clientCredentials(CLIENT_ID, CLIENT_SECRET, Org.INTEGRATION_USERNAME)
                .build().start();
        NylasEmulator nylas = NylasEmulator.builder().host(host).port(intOpt(opts, "nylas-port", DEFAULT_NYLAS_PORT))
                .apiKey(NYLAS_API_KEY).build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            nylas.close();
            salesforce.close();
        }));
        Sandbox.Loaded loaded = Sandbox.load(new SandboxGenerator(spec, Instant.now()).generate(), nylas, salesforce);

        Properties p = new Properties();
        p.setProperty("salesforce.url", salesforce.baseUrl());
        p.setProperty("salesforce.client.id", CLIENT_ID);
        p.setProperty("salesforce.client.secret", CLIENT_SECRET);
        p.setProperty("salesforce.integration.username", Org.INTEGRATION_USERNAME);
        p.setProperty("nylas.url", nylas.baseUrl());
        p.setProperty("nylas.api.key", NYLAS_API_KEY);
        p.setProperty("nylas.grant.ids", String.join(",", loaded.grantIds()));
        p.setProperty("sandbox.contacts", String.valueOf(loaded.data().contactCount()));
        p.setProperty("sandbox.messages", String.valueOf(loaded.data().messageCount()));
        p.setProperty("sandbox.events", String.valueOf(loaded.data().eventCount()));
        p.setProperty("sandbox.accounts", String.valueOf(loaded.accountIdByDomain().size()));
        if (opts.containsKey("out")) {
            Path out = Path.of(opts.get("out"));
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "sandbox emulators");
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("Salesforce emulator: %s  (client_credentials: %s / %s)%n", salesforce.baseUrl(), CLIENT_ID,
                CLIENT_SECRET);
        System.out.printf("Nylas emulator:      %s  (API key %s)%n", nylas.baseUrl(), NYLAS_API_KEY);
        System.out.printf("Sandbox: %d grants, %d contacts, %d messages, %d events, %d accounts%n",
                loaded.grantIds().size(), loaded.data().contactCount(), loaded.data().messageCount(),
                loaded.data().eventCount(), loaded.accountIdByDomain().size());
        System.out.println("Grants: " + String.join(",", loaded.grantIds()));
        System.out.flush();
        Thread.currentThread().join();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    private static int intOpt(Map<String, String> opts, String name, int dflt) {
        return opts.containsKey(name) ? Integer.parseInt(opts.get(name)) : dflt;
    }

    private static long longOpt(Map<String, String> opts, String name, long dflt) {
        return opts.containsKey(name) ? Long.parseLong(opts.get(name)) : dflt;
    }
}
