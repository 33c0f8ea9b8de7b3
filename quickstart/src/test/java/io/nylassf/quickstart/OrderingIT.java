package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.sandbox.SandboxSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Line 4 of the reliability matrix: meetings are edited several times on each side (2 in the normal suite, 3 in
 * the chaos profile) (in the reps' calendars and in
 * Salesforce), each version reaching its topic before the next edit; once both sinks applied the last version,
 * every record of both topics is produced again twice, shuffled, so the sinks see old versions after new ones and
 * the same version twice. The newest version must stand on both sides in every case, and nothing is created.
 */
class OrderingIT {
    private static final long SEED = Long.getLong("reliability.seed", 19);
    private static final int VERSIONS = Integer.getInteger("reliability.ordering.versions", 2);

    @Test
    void shuffledAndReplayedVersionsNeverOverwriteTheNewest(@TempDir Path data) throws Exception {
        try (ReliabilityCluster cluster = ReliabilityCluster.start(data, new SandboxSpec(SEED, 3, 24, 60, 18, 8, 4,
                2, 14))) {
            List<String> meetings = cluster.meetingBurst(Integer.getInteger("reliability.ordering.meetings", 12));
            long t0 = System.nanoTime();
            cluster.awaitSettled(Duration.ofMinutes(4), Duration.ofSeconds(5), "the backfill");
            phase("backfill settled", t0);
            await("the meetings reach the calendars").atMost(Duration.ofMinutes(2)).until(() ->
                    LoopLedger.read(cluster.nylas(), cluster.salesforce(), cluster.sandbox().grantIds(), List.of(),
                            meetings).closed());
            phase("meetings on the calendars", t0);
            // the calendar events that started in Nylas (with their Salesforce Event) and the Salesforce meetings
            Map<String, JsonNode> calendar = new LinkedHashMap<>();
            for (String g : cluster.sandbox().grantIds()) {
                for (JsonNode e : cluster.nylas().events(g)) {
                    if (!e.path("metadata").path("key1").asText("").startsWith("sf:")
                            && !"cancelled".equals(e.path("status").asText())) {
                        calendar.put(e.path("id").asText(), e);
                    }
                }
            }
            for (int v = 1; v <= VERSIONS; v++) {
                String suffix = " v" + v;
                List<String> calendarTitles = new ArrayList<>();
                for (JsonNode e : calendar.values()) {
                    String title = e.path("title").asText() + suffix;
                    cluster.nylas().updateEvent(e.path("grant_id").asText(), e.path("calendar_id").asText(),
                            e.path("id").asText(), Map.of("title", title));
                    calendarTitles.add(title);
                }
                List<String> subjects = new ArrayList<>();
                for (String m : meetings) {
                    Map<String, Object> event = cluster.salesforce().org().get("Event", m);
                    String subject = baseSubject(event) + suffix;
                    cluster.salesforce().org().updateAs((String) event.get("OwnerId"), "Event", m,
                            Map.of("Subject", subject));
                    subjects.add(subject);
                }
                // each version is in its topic before the next edit, so the topics hold every version
                AtomicReference<String> missing = new AtomicReference<>();
                try {
                    await("version " + v + " in both topics").atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofSeconds(2)).until(() -> {
                                List<String> a = missing(cluster, "nylas.events", calendarTitles);
                                List<String> b = missing(cluster, "salesforce.event", subjects);
                                missing.set("nylas.events lacks " + a + "; salesforce.event lacks " + b);
                                return a.isEmpty() && b.isEmpty();
                            });
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError("version " + v + " did not reach its topic: " + missing.get(), e);
                }
                phase("version " + v + " in both topics", t0);
            }
            String newest = " v" + VERSIONS;
            await("both sinks applied the newest version").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> newestInSalesforce(cluster, calendar.keySet(), newest) == calendar.size()
                            && newestInNylas(cluster, meetings, newest) == meetings.size());
            phase("newest version applied", t0);
            Census before = cluster.census();

            // every record of both topics again, twice, in a random order
            int replayed = 0;
            for (String topic : List.of("nylas.events", "salesforce.event")) {
                List<ProducerRecord<byte[], byte[]>> again = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : cluster.topics().readAll(topic)) {
                    for (int i = 0; i < 2; i++) {
                        again.add(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers()));
                    }
                }
                Collections.shuffle(again, new Random(SEED));
                cluster.topics().produce(again);
                replayed += again.size();
            }
            await("both sinks read the shuffled replay").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(2)).until(() ->
                            cluster.topics().lag("salesforce-sink", List.of("nylas.events")) == 0
                                    && cluster.topics().lag("nylas-sink", List.of("salesforce.event")) == 0);
            // a moment more for writes the last batch planned
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30)).until(() -> true);
            phase("shuffled replay read", t0);
            int sfNewest = newestInSalesforce(cluster, calendar.keySet(), newest);
            int nylasNewest = newestInNylas(cluster, meetings, newest);
            SyncLedger l = cluster.ledger();
            System.out.printf("OrderingIT -> %d records replayed shuffled; newest version stands for %d of %d "
                            + "Salesforce Events and %d of %d calendar events; %s%n", replayed, sfNewest,
                    calendar.size(), nylasNewest, meetings.size(), l);
            ReliabilityReport.write("line-4", meetings.size() + " Salesforce meetings and " + calendar.size()
                    + " calendar events, " + VERSIONS + " versions each, seed " + SEED, List.of(
                    ReliabilityReport.row("records produced again (every record of both topics twice, shuffled)",
                            replayed),
                    ReliabilityReport.row("Salesforce Events holding the newest calendar version",
                            sfNewest + " of " + calendar.size()),
                    ReliabilityReport.row("calendar events holding the newest Salesforce version",
                            nylasNewest + " of " + meetings.size()),
                    ReliabilityReport.row("records created or sent by the replay",
                            before.equals(cluster.census()) ? 0 : "counts moved: " + before + " → " + cluster.census()),
                    ReliabilityReport.row("duplicated in Salesforce", l.duplicateRecords())));
            assertEquals(calendar.size(), sfNewest, "Salesforce Events holding the newest calendar version");
            assertEquals(meetings.size(), nylasNewest, "calendar events holding the newest Salesforce version");
            assertEquals(0, l.duplicateRecords(), "duplicated: " + l);
            assertEquals(before, cluster.census(), "nothing created or sent by the replay");
        }
    }

    private static void phase(String what, long t0) {
        System.out.printf("OrderingIT %5.1f s: %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    private static String baseSubject(Map<String, Object> event) {
        return ((String) event.get("Subject")).replaceAll(" v\\d+$", "");
    }

    /** Which of {@code texts} no record of the topic holds as a JSON string value. */
    private static List<String> missing(ReliabilityCluster cluster, String topic, List<String> texts) {
        List<String> values = cluster.topics().readAll(topic).stream().filter(r -> r.value() != null)
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
        return texts.stream().filter(t -> values.stream().noneMatch(v -> v.contains("\"" + t + "\""))).toList();
    }

    private static int newestInSalesforce(ReliabilityCluster cluster, Iterable<String> nylasEventIds, String newest) {
        Map<String, String> subjects = new LinkedHashMap<>();
        cluster.salesforce().org().all("Event").forEach(e -> {
            if (e.get("Nylas_Event_Id__c") != null) {
                subjects.put(e.get("Nylas_Event_Id__c").toString(), String.valueOf(e.get("Subject")));
            }
        });
        int n = 0;
        for (String id : nylasEventIds) {
            n += subjects.getOrDefault(id, "").endsWith(newest) ? 1 : 0;
        }
        return n;
    }

    private static int newestInNylas(ReliabilityCluster cluster, List<String> meetings, String newest) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (String g : cluster.sandbox().grantIds()) {
            for (JsonNode e : cluster.nylas().events(g)) {
                String tag = e.path("metadata").path("key1").asText("");
                if (tag.startsWith("sf:")) {
                    titles.put(tag.substring(3), e.path("title").asText());
                }
            }
        }
        return (int) meetings.stream().filter(m -> titles.getOrDefault(m, "").endsWith(newest)).count();
    }
}
