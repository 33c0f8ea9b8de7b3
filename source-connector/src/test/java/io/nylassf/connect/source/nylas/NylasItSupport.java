package io.nylassf.connect.source.nylas;

import org.awaitility.core.ConditionTimeoutException;
import static org.awaitility.Awaitility.await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Shared pieces of the Nylas source ITs: connector configs and reading the topics back. */
final class NylasItSupport {
    static final String CONNECTOR_CLASS = NylasSourceConnector.class.getName();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record as the JSON converter (schemas off) wrote it. */
    record Rec(String topic, int partition, JsonNode key, JsonNode value) {
        String id() {
            return key.path("id").asText();
        }

        String grant() {
            return key.path("grant_id").asText();
        }

        String via() {
            return value.path("observed_via").asText();
        }
    }

    private NylasItSupport() {
    }

    static Map<String, String> config(String name, String apiUrl, String apiKey, String prefix, List<String> grants) {
        Map<String, String> c = new HashMap<>();
        c.put("name", name);
        c.put("connector.class", CONNECTOR_CLASS);
        c.put("tasks.max", "1");
        c.put("nylas.api.url", apiUrl);
        c.put("nylas.api.key", apiKey);
        c.put("nylas.grant.ids", String.join(",", grants));
        c.put("topic.prefix", prefix);
        c.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("key.converter.schemas.enable", "false");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", "false");
        c.put("topic.creation.default.replication.factor", "1");
        c.put("topic.creation.default.partitions", "3");
        c.put("poll.interval.ms", "300");
        c.put("window.lag.ms", "1500");
        c.put("nylas.grant.recheck.interval.ms", "500");
        c.put("backoff.initial.ms", "100");
        c.put("backoff.max.ms", "2000");
        return c;
    }

    static List<Rec> parse(List<ConsumerRecord<byte[], byte[]>> raw) {
        List<Rec> out = new ArrayList<>(raw.size());
        for (ConsumerRecord<byte[], byte[]> r : raw) {
            try {
                out.add(new Rec(r.topic(), r.partition(), JSON.readTree(r.key()), JSON.readTree(r.value())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Everything in the topics now (reads until nothing new arrives for a second). */
    static List<Rec> all(ConnectClusterExtension connect, String... topics) {
        return parse(connect.consumeAll(Duration.ofSeconds(1), topics));
    }

    /** Waits until the records matching {@code filter} number at least {@code n}, then returns all of them. */
    static List<Rec> awaitCount(ConnectClusterExtension connect, int n, Duration timeout, Predicate<Rec> filter,
                                String... topics) {
        List<Rec>[] got = new List[]{List.of()};
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                try {
                    got[0] = all(connect, topics).stream().filter(filter).toList();
                } catch (AssertionError topicNotThereYet) {
                    got[0] = List.of();
                }
                return got[0].size() >= n;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Timed out with " + got[0].size() + " of " + n + " records in "
                    + String.join(",", topics));
        }
        return got[0];
    }

    /** Occurrences per object id. */
    static Map<String, Long> countById(List<Rec> recs) {
        return recs.stream().collect(Collectors.groupingBy(Rec::id, Collectors.counting()));
    }

    static Map<String, Long> duplicates(List<Rec> recs) {
        return countById(recs).entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
