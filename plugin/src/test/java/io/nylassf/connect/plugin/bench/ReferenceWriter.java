package io.nylassf.connect.plugin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain Java writer to compare the connector with: reads the same records from Kafka with a plain consumer
 * (partition 0 of the kind's topic, from a given offset), gets an OAuth token by client credentials as the
 * connector does, and writes over HTTP to its own emulated org. Subclasses decide how records become calls.
 * One thread, synchronous calls, no lookups (so no WhoId/WhatId links: less work than the connector does).
 */
abstract class ReferenceWriter {
    static final String API = "/services/data/v62.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final RecordKind kind;
    private final String bootstrap;
    private final String loginUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private String token;
    private String instanceUrl;
    private Thread background;
    private volatile long written;

    ReferenceWriter(String name, RecordKind kind, String bootstrap, String loginUrl) {
        this.name = name;
        this.kind = kind;
        this.bootstrap = bootstrap;
        this.loginUrl = loginUrl;
    }

    /** Writes one poll's worth of records (Nylas JSON payloads, in offset order). */
    abstract void write(List<JsonNode> payloads) throws IOException, InterruptedException;

    /** Data calls made (the token grant excluded: the emulator does not count it either). */
    long calls() {
        return calls.get();
    }

    /**
     * Reads offsets {@code [from, to)} and writes them, stopping early at {@code deadlineMillis} (epoch): the
     * per-record recipe at 100 ms cannot write 10,000 records in a benchmark's time. Returns records written.
     */
    long runRange(long from, long to, long deadlineMillis) throws Exception {
        stop.set(false);
        written = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(from)) {
            while (consumer.position(partition()) < to && System.currentTimeMillis() < deadlineMillis) {
                List<JsonNode> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.offset() < to) {
                        batch.add(JSON.readTree(r.value()).path("payload"));
                    }
                }
                writeTimed(batch, deadlineMillis);
            }
        }
        return written;
    }

    /** Starts writing everything from {@code from} on, in a background thread, until {@link #stopStream()}. */
    void startStream(long from) throws InterruptedException {
        stop.set(false);
        written = 0;
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        background = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(from)) {
                consumer.position(partition()); // connected and positioned before the stream starts
                ready.countDown();
                while (!stop.get()) {
                    List<JsonNode> batch = new ArrayList<>();
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        batch.add(JSON.readTree(r.value()).path("payload"));
                    }
                    writeTimed(batch, Long.MAX_VALUE);
                }
            } catch (Exception e) {
                System.err.println("BENCH reference writer " + name + " failed: " + e);
            }
        }, "bench-" + name);
        background.setDaemon(true);
        background.start();
        ready.await(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    void stopStream() throws InterruptedException {
        stop.set(true);
        background.join(120_000);
    }

    private void writeTimed(List<JsonNode> batch, long deadlineMillis) throws IOException, InterruptedException {
        // chunk a poll so the time box is honoured within ~one call even for the per-record writer
        for (int i = 0; i < batch.size() && System.currentTimeMillis() < deadlineMillis && !stop.get(); i += chunk()) {
            List<JsonNode> part = batch.subList(i, Math.min(batch.size(), i + chunk()));
            write(part);
            written += part.size();
        }
    }

    /** Records handed to {@link #write} at once. */
    abstract int chunk();

    private KafkaConsumer<byte[], byte[]> consumer(long from) {
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        c.assign(List.of(partition()));
        c.seek(partition(), from);
        return c;
    }

    private TopicPartition partition() {
        return new TopicPartition(kind.topic, 0);
    }

    /** One authenticated data call; fails on anything but 2xx (a benchmark must not count failed writes). */
    JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        if (token == null) {
            authenticate();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(instanceUrl + API + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        calls.incrementAndGet();
        if (r.statusCode() / 100 != 2) {
            throw new IOException(name + ": " + method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body().isBlank() ? null : JSON.readTree(r.body());
    }

    private void authenticate() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + enc(BenchOrg.CLIENT_ID) + "&client_secret="
                + enc(BenchOrg.CLIENT_SECRET);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(loginUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(name + ": token grant -> " + r.statusCode() + " " + r.body());
        }
        JsonNode body = JSON.readTree(r.body());
        token = body.path("access_token").asText();
        instanceUrl = body.path("instance_url").asText();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
