package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All four connectors from the packaged zip, with known and distinctive secrets (Salesforce client secret, JWT
 * private key, refresh token, Nylas API key, webhook secret) given through the worker's FileConfigProvider, plus
 * one connector given a (refused) API key inline. After traffic, an expired Salesforce token, Nylas 500s, a failed
 * task and a dead-lettered record, none of the secrets appears in the worker logs (every level of our code), the
 * REST status traces, the task configs the REST API returns, the DLQ headers or any JMX attribute.
 */
class SecretsNeverLeakIT {
    private static final String CLIENT_SECRET = "cs-Wq7sCLIENTSECRETz91";
    private static final String REFRESH_TOKEN = "rt-5XREFRESHTOKENpl0kq2";
    private static final String NYLAS_KEY = "nyk_APIKEYSECRET7731abc";
    private static final String WEBHOOK_SECRET = "whsec_WEBHOOKSECRET4410x";
    private static final String INLINE_KEY = "nyk_INLINEREFUSEDKEY9920";
    private static final KeyPair JWT_KEYS = rsaKeys();
    private static final String PRIVATE_KEY_BASE64 = Base64.getEncoder().encodeToString(JWT_KEYS.getPrivate().getEncoded());

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .workers(1)
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "secrets-plugin-path")))
            .workerProp("config.providers", "file")
            .workerProp("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider")
            .build();

    private static final ConcurrentLinkedQueue<String> LOG = new ConcurrentLinkedQueue<>();
    private static AbstractAppender appender;
    private static SalesforceEmulator salesforce;
    private static NylasEmulator nylas;
    private static Path secrets;

    @BeforeAll
    static void start() throws Exception {
        appender = new AbstractAppender("secrets-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage()).append(' ')
                        .append(event.getContextData().toMap());
                if (event.getThrown() != null) {
                    StringWriter w = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(w));
                    line.append(' ').append(w);
                }
                LOG.add(line.toString());
            }
        };
        appender.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        ctx.updateLoggers();
        Configurator.setLevel("io.nylassf", Level.TRACE);
        Configurator.setLevel("org.apache.kafka.connect", Level.INFO);

        salesforce = SalesforceEmulator.builder()
                .clientCredentials("secrets-client", CLIENT_SECRET, Org.INTEGRATION_USERNAME)
                .refreshToken("secrets-client", REFRESH_TOKEN)
                .jwtConsumer("secrets-jwt", (RSAPublicKey) JWT_KEYS.getPublic(), Org.INTEGRATION_USERNAME)
                .build().start();
        nylas = NylasEmulator.builder().apiKey(NYLAS_KEY).rateLimitPerSecond(0).build().start();
        secrets = Files.createTempDirectory("secrets-it").resolve("secrets.properties");
        Properties p = new Properties();
        p.setProperty("client.secret", CLIENT_SECRET);
        p.setProperty("refresh.token", REFRESH_TOKEN);
        p.setProperty("nylas.key", NYLAS_KEY);
        p.setProperty("webhook.secret", WEBHOOK_SECRET);
        p.setProperty("jwt.key", "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64,
                "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(JWT_KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        try (var out = Files.newOutputStream(secrets)) {
            p.store(out, "written by SecretsNeverLeakIT");
        }
        for (String topic : List.of("nylas.messages", "nylas.events", "nylas.contacts", "nylas.grants",
                "salesforce.task", "salesforce.event", "salesforce.opportunity")) {
            CONNECT.cluster().kafka().createTopic(topic, 1);
        }
    }

    @AfterAll
    static void stop() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender("secrets-capture");
        ctx.updateLoggers();
        Configurator.setLevel("io.nylassf", Level.INFO);
        Configurator.setLevel("org.apache.kafka.connect", Level.WARN);
        if (nylas != null) {
            nylas.close();
        }
        if (salesforce != null) {
            salesforce.close();
        }
    }

    private static String secret(String key) {
        return "${file:" + secrets + ":" + key + "}";
    }

    private static Map<String, String> common(String connectorClass) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", connectorClass);
        c.put("tasks.max", "1");
        c.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("key.converter.schemas.enable", "false");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", "false");
        return c;
    }

    private static List<String> leaks(String where, String text) {
        List<String> found = new ArrayList<>();
        Map<String, String> values = Map.of("client secret", CLIENT_SECRET, "refresh token", REFRESH_TOKEN,
                "Nylas API key", NYLAS_KEY, "webhook secret", WEBHOOK_SECRET, "inline key", INLINE_KEY);
        values.forEach((name, v) -> {
            if (text.contains(v)) {
                found.add(name + " in " + where);
            }
        });
        String flat = text.replaceAll("\\s|\\\\n", "");
        for (int i = 0; i + 24 <= PRIVATE_KEY_BASE64.length(); i += 24) {
            if (flat.contains(PRIVATE_KEY_BASE64.substring(i, i + 24))) {
                found.add("private key material in " + where);
                break;
            }
        }
        return found;
    }

    @Test
    void noSecretLeavesItsPlace() throws Exception {
        String grant = nylas.createGrant("rep@ourco.test", "google");
        Map<String, String> source = common("io.nylassf.connect.source.nylas.NylasSourceConnector");
        source.put("nylas.api.url", nylas.baseUrl());
        source.put("nylas.api.key", secret("nylas.key"));
        source.put("nylas.grant.ids", grant);
        source.put("topic.prefix", "nylas");
        source.put("poll.interval.ms", "500");
        source.put("window.lag.ms", "500");
        source.put("webhook.enabled", "true");
        source.put("webhook.port", "0");
        source.put("webhook.secret", secret("webhook.secret"));
        CONNECT.putConnector("nylas-source", source);

        Map<String, String> sink = common("io.nylassf.connect.sink.salesforce.SalesforceSinkConnector");
        sink.put("topics", "nylas.messages,nylas.contacts");
        sink.put("salesforce.login.url", salesforce.baseUrl());
        sink.put("salesforce.auth.method", "jwt_bearer");
        sink.put("salesforce.client.id", "secrets-jwt");
        sink.put("salesforce.username", Org.INTEGRATION_USERNAME);
        sink.put("salesforce.jwt.private.key", secret("jwt.key"));
        sink.put("salesforce.internal.domains", "ourco.test");
        sink.put("behavior.on.unmatched.message", "create_lead");
        sink.put("errors.tolerance", "all");
        sink.put("errors.deadletterqueue.topic.name", "secrets.dlq");
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        sink.put("errors.deadletterqueue.context.headers.enable", "true");
        CONNECT.putConnector("salesforce-sink", sink);

        Map<String, String> sfSource = common("io.nylassf.connect.source.salesforce.SalesforceSourceConnector");
        sfSource.put("salesforce.login.url", salesforce.baseUrl());
        sfSource.put("salesforce.auth.method", "refresh_token");
        sfSource.put("salesforce.client.id", "secrets-client");
        sfSource.put("salesforce.client.secret", secret("client.secret"));
        sfSource.put("salesforce.refresh.token", secret("refresh.token"));
        sfSource.put("poll.interval.ms", "500");
        sfSource.put("salesforce.read.lag.ms", "0");
        CONNECT.putConnector("salesforce-source", sfSource);

        Map<String, String> nylasSink = common("io.nylassf.connect.sink.nylas.NylasSinkConnector");
        nylasSink.put("topics", "salesforce.task,salesforce.event");
        nylasSink.put("nylas.api.url", nylas.baseUrl());
        nylasSink.put("nylas.api.key", secret("nylas.key"));
        CONNECT.putConnector("nylas-sink", nylasSink);

        // given inline, and refused by Nylas: the task fails, and the key must not be in its trace or the logs
        Map<String, String> inline = new HashMap<>(nylasSink);
        inline.put("topics", "salesforce.task");
        inline.put("nylas.api.key", INLINE_KEY);
        inline.put("consumer.override.group.id", "inline-key");
        CONNECT.putConnector("nylas-sink-inline", inline);

        for (String n : List.of("nylas-source", "salesforce-sink", "salesforce-source", "nylas-sink")) {
            CONNECT.awaitRunning(n, 1);
        }
        // traffic, with faults on both sides
        for (int i = 0; i < 5; i++) {
            nylas.addMessage(grant, io.nylassf.testkit.nylas.NylasMessage.create().subject("s" + i)
                    .from("Ann", "ann@customer.test").to("Rep", "rep@ourco.test"));
        }
        salesforce.org().insert("Task", Map.of("Subject", "a task"));
        salesforce.expireAllTokens();
        nylas.faults().failNext("500", 3);
        CONNECT.cluster().kafka().produce("nylas.messages", "bad", "{\"not\":\"a message\"}");
        nylas.addMessage(grant, io.nylassf.testkit.nylas.NylasMessage.create().subject("after faults")
                .from("Ann", "ann@customer.test").to("Rep", "rep@ourco.test"));
        waitUntil("messages in Salesforce", Duration.ofSeconds(90),
                () -> salesforce.org().query("SELECT Id FROM Task WHERE Nylas_Message_Id__c != null").records().size() >= 6);
        List<ConsumerRecord<byte[], byte[]>> dlq = CONNECT.consume(1, Duration.ofSeconds(60), "secrets.dlq");
        // a Task the inline-key sink must send: resolving its owner's grant asks Nylas, which refuses the key
        String owner = "005000000000001AAA";
        CONNECT.cluster().kafka().produce("salesforce.task", "\"Task:00T000000000077AAA\"", "{\"sobject\":\"Task\","
                + "\"id\":\"00T000000000077AAA\",\"change_type\":\"created\",\"system_modstamp\":"
                + System.currentTimeMillis() + ",\"owner_id\":\"" + owner + "\",\"last_modified_by_id\":\""
                + owner + "\",\"own_change\":false,\"fields\":{\"Subject\":\"Hi\",\"Description\":\"x\","
                + "\"TaskSubtype\":\"Email\",\"Status\":\"Not Started\",\"Who.Email\":\"ann@customer.test\","
                + "\"Owner.Email\":\"rep@ourco.test\",\"CreatedById\":\"" + owner + "\",\"CreatedDate\":\""
                + java.time.Instant.now() + "\"}}");
        waitUntil("the inline-key task failed", Duration.ofSeconds(60), () -> "FAILED".equals(CONNECT.rest()
                .get("connectors/nylas-sink-inline/status").body().path("tasks").path(0).path("state").asText()));

        List<String> found = new ArrayList<>();
        String logs = String.join("\n", LOG);
        assertTrue(LOG.size() > 50, "the logs were captured: " + LOG.size() + " lines");
        found.addAll(leaks("worker logs", logs));
        for (String n : List.of("nylas-source", "salesforce-sink", "salesforce-source", "nylas-sink",
                "nylas-sink-inline")) {
            found.addAll(leaks("status of " + n, CONNECT.rest().get("connectors/" + n + "/status").raw()));
            if (!n.equals("nylas-sink-inline")) {
                // Connect puts the ${file:...} placeholders back into task configs; an inline value is returned as
                // given by GET /connectors/{name}/config and /tasks (Connect's behaviour; hence config providers)
                found.addAll(leaks("task configs of " + n, CONNECT.rest().get("connectors/" + n + "/tasks").raw()));
                found.addAll(leaks("config of " + n, CONNECT.rest().get("connectors/" + n + "/config").raw()));
            }
        }
        String trace = CONNECT.rest().get("connectors/nylas-sink-inline/status").body().path("tasks").path(0)
                .path("trace").asText();
        assertTrue(trace.contains("nylas.api.key"), "the failure names the setting: " + trace);
        for (ConsumerRecord<byte[], byte[]> r : dlq) {
            StringBuilder h = new StringBuilder();
            for (Header header : r.headers()) {
                h.append(header.key()).append('=').append(header.value() == null ? ""
                        : new String(header.value(), StandardCharsets.UTF_8)).append('\n');
            }
            assertTrue(h.toString().contains("__connect.errors.exception.message"), h.toString());
            found.addAll(leaks("DLQ headers", h.toString()));
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        int attributes = 0;
        for (String domain : List.of("kafka.connect:*")) {
            for (ObjectName name : server.queryNames(new ObjectName(domain), null)) {
                for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
                    if (!a.isReadable()) {
                        continue;
                    }
                    try {
                        found.addAll(leaks("JMX " + name + " " + a.getName(),
                                String.valueOf(server.getAttribute(name, a.getName()))));
                        attributes++;
                    } catch (Exception ignored) {
                        // some runtime attributes cannot be read outside their thread
                    }
                }
            }
        }
        assertTrue(attributes > 20, "read " + attributes + " JMX attributes");
        System.out.printf("SECRETS: %d log lines, %d DLQ record(s), %d JMX attributes, 5 statuses checked; leaks: %s%n",
                LOG.size(), dlq.size(), attributes, found);
        assertEquals(List.of(), found);
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
