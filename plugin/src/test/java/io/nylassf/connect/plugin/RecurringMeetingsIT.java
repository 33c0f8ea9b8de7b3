package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.FreePorts;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.connect.PluginMetricsJmx;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recurring meetings both ways on a real Connect cluster, the four connectors loaded from the packaged plugin: a
 * weekly series in a rep's calendar becomes one Salesforce Event per occurrence carrying the series id; a cancelled
 * occurrence's Event goes; a retitled series retitles every Event (read by windows, then, with webhooks trusted and
 * windows stretched to the backstop, through the master's notification); a deleted series takes its Events with it;
 * and a recurring Event a rep creates in Salesforce reaches the calendar as its occurrences, never as one meeting.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecurringMeetingsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().workers(1)
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "it-plugin-path")))
            .build();

    static SalesforceEmulator sf;
    static NylasEmulator nylas;
    static String grant;
    static String master;
    static Map<String, String> source;
    static String endpoint;

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.builder()
                .clientCredentials("app", "secret", Org.INTEGRATION_USERNAME).build().start();
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();
        grant = nylas.createGrant(Org.REP_USERNAME, "google");
        for (String t : List.of("nylas.messages", "nylas.events", "nylas.contacts", "nylas.grants",
                "salesforce.task", "salesforce.event", "salesforce.opportunity")) {
            CONNECT.cluster().kafka().createTopic(t, 1);
        }

        source = new HashMap<>(OutboundFixture.JSON_CONVERTERS);
        source.putAll(Map.of("connector.class", "io.nylassf.connect.source.nylas.NylasSourceConnector",
                "tasks.max", "1", "nylas.api.url", nylas.baseUrl(), "nylas.api.key", nylas.apiKey(),
                "topic.prefix", "nylas", "nylas.objects", "events", "poll.interval.ms", "500", "window.lag.ms", "500",
                "webhook.enabled", "true", "events.recurring.horizon.days", "60"));
        // the endpoint is up from the start, but until a subscription exists windows read every poll interval;
        // once it does, they wait the (long) backstop interval and changes arrive by notification
        int port = FreePorts.one();
        endpoint = "http://127.0.0.1:" + port + "/nylas/webhook";
        source.put("webhook.port", Integer.toString(port));
        source.put("webhook.public.url", endpoint);
        source.put("webhook.health.check.interval.ms", "1000");
        source.put("backstop.interval.ms", "600000");
        CONNECT.putConnector("nylas-source", source);
        Map<String, String> sink = new HashMap<>(OutboundFixture.JSON_CONVERTERS);
        sink.putAll(Map.of("connector.class", "io.nylassf.connect.sink.salesforce.SalesforceSinkConnector",
                "tasks.max", "1", "topics", "nylas.events", "salesforce.login.url", sf.baseUrl(),
                "salesforce.auth.method", "client_credentials", "salesforce.client.id", "app",
                "salesforce.client.secret", "secret", "salesforce.internal.domains", "nylassf.example",
                "salesforce.linger.ms", "200"));
        CONNECT.putConnector("salesforce-sink", sink);

        Map<String, String> sfSource = new HashMap<>(OutboundFixture.JSON_CONVERTERS);
        sfSource.putAll(Map.of("connector.class", "io.nylassf.connect.source.salesforce.SalesforceSourceConnector",
                "tasks.max", "1", "salesforce.login.url", sf.baseUrl(), "salesforce.auth.method",
                "client_credentials", "salesforce.client.id", "app", "salesforce.client.secret", "secret",
                "salesforce.integration.usernames", Org.INTEGRATION_USERNAME, "poll.interval.ms", "300",
                "salesforce.read.lag.ms", "1000"));
        CONNECT.putConnector("salesforce-source", sfSource);
        Map<String, String> nylasSink = new HashMap<>(OutboundFixture.JSON_CONVERTERS);
        nylasSink.putAll(Map.of("connector.class", "io.nylassf.connect.sink.nylas.NylasSinkConnector",
                "tasks.max", "1", "topics", "salesforce.event", "nylas.api.url", nylas.baseUrl(),
                "nylas.api.key", nylas.apiKey()));
        CONNECT.putConnector("nylas-sink", nylasSink);
        for (String n : List.of("nylas-source", "salesforce-sink", "salesforce-source", "nylas-sink")) {
            CONNECT.awaitRunning(n, 1);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        OutboundFixture.close(sf, nylas);
    }

    /** The Events of the series, by Nylas id. */
    static Map<String, Map<String, Object>> seriesEvents() {
        return sf.org().query("SELECT Id, Subject, StartDateTime, Nylas_Event_Id__c, Nylas_Series_Id__c FROM Event"
                + " WHERE Nylas_Series_Id__c = '" + master + "'").records().stream()
                .collect(Collectors.toMap(r -> (String) r.get("Nylas_Event_Id__c"), r -> r));
    }

    static void nextSecond() throws InterruptedException {
        Thread.sleep(1_100); // Nylas stamps changes in seconds: the next change is newer than the last
    }

    @Test
    @Order(1)
    void aWeeklySeriesBecomesOneEventPerOccurrenceLinkedToTheSeries() {
        Instant first = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        master = nylas.addEvent(grant, "primary", Map.of("title", "Weekly pipeline review",
                "participants", List.of(Map.of("email", "ada@acme.test", "name", "Ada")),
                "recurrence", List.of("RRULE:FREQ=WEEKLY;COUNT=6"),
                "when", Map.of("start_time", first.getEpochSecond(), "end_time", first.getEpochSecond() + 1800)))
                .get("id").asText();
        waitUntil("six Events for the series", WAIT, () -> seriesEvents().size() == 6);
        Map<String, Map<String, Object>> events = seriesEvents();
        for (Map<String, Object> e : events.values()) {
            assertTrue(((String) e.get("Nylas_Event_Id__c")).startsWith(master + "_"), e.toString());
            assertEquals("Weekly pipeline review", e.get("Subject"));
        }
        assertEquals(6, events.values().stream().map(e -> e.get("StartDateTime")).distinct().count());
        assertEquals(0, sf.org().query("SELECT Id FROM Event WHERE Nylas_Event_Id__c = '" + master + "'")
                .totalSize(), "the master is not a meeting of its own");
    }

    @Test
    @Order(2)
    void aCancelledOccurrenceLosesItsEvent() throws InterruptedException {
        nextSecond();
        String third = seriesEvents().keySet().stream().sorted().toList().get(2);
        nylas.deleteEvent(grant, "primary", third);
        waitUntil("the cancelled occurrence's Event removed", WAIT, () -> seriesEvents().size() == 5
                && !seriesEvents().containsKey(third));
    }

    @Test
    @Order(3)
    void aRetitledSeriesRetitlesEveryOccurrence() throws InterruptedException {
        nextSecond();
        nylas.updateEvent(grant, "primary", master, Map.of("title", "Pipeline review (new format)"));
        waitUntil("every occurrence retitled", WAIT, () -> {
            Map<String, Map<String, Object>> events = seriesEvents();
            return events.size() == 5 && events.values().stream()
                    .allMatch(e -> "Pipeline review (new format)".equals(e.get("Subject")));
        });
    }

    @Test
    @Order(4)
    void aNotificationAboutTheSeriesBringsEveryOccurrenceWithoutWaitingForAWindow() throws InterruptedException {
        ObjectNode webhook = nylas.registerWebhook(endpoint, "message.created", "event.created", "event.updated",
                "event.deleted", "grant.expired", "grant.updated");
        source.put("webhook.secret", webhook.get("webhook_secret").asText());
        CONNECT.putConnector("nylas-source", source);
        waitUntil("webhooks trusted: windows wait the 10-minute backstop", WAIT,
                () -> metric("webhooks-healthy") == 1 && metric("backstop-interval-ms") == 600_000);
        nextSecond();
        nylas.updateEvent(grant, "primary", master, Map.of("title", "Pipeline review (by notification)"));
        waitUntil("every occurrence retitled through the master's notification", Duration.ofSeconds(30), () ->
                seriesEvents().size() == 5 && seriesEvents().values().stream()
                        .allMatch(e -> "Pipeline review (by notification)".equals(e.get("Subject"))));
        assertTrue(nylas.webhookDeliveries().stream().anyMatch(d -> d.type().equals("event.updated")
                && d.status() == 200), "delivered and acknowledged");
    }

    static long metric(String name) {
        Number v = PluginMetricsJmx.task("nylas-source", 0, name);
        return v == null ? -1 : v.longValue();
    }

    @Test
    @Order(5)
    void aDeletedSeriesTakesEveryOccurrencesEventWithIt() throws InterruptedException {
        nextSecond();
        assertTrue(nylas.deleteEvent(grant, "primary", master));
        waitUntil("no Event left for the deleted series", WAIT, () -> seriesEvents().isEmpty());
    }

    @Test
    @Order(6)
    void aRecurringSalesforceEventReachesTheCalendarAsItsOccurrences() {
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusDays(7).with(java.time.DayOfWeek.MONDAY);
        Instant start = monday.atTime(15, 0).toInstant(ZoneOffset.UTC);
        String sfMaster = OutboundFixture.asRep(sf, "Event", Map.of("Subject", "Customer office hours",
                "StartDateTime", start.toString(), "DurationInMinutes", 45, "IsRecurrence", true,
                "RecurrenceType", "RecursWeekly", "RecurrenceInterval", 1, "RecurrenceDayOfWeekMask", 2,
                "RecurrenceStartDateTime", start.toString(),
                "RecurrenceEndDateOnly", monday.plusWeeks(3).toString()));
        List<String> occurrences = sf.org().query("SELECT Id FROM Event WHERE RecurrenceActivityId = '" + sfMaster
                + "'").records().stream().map(r -> (String) r.get("Id")).toList();
        assertEquals(4, occurrences.size());
        waitUntil("each occurrence on the calendar", WAIT, () -> occurrences.stream()
                .allMatch(id -> OutboundFixture.taggedEvents(nylas, grant, id).size() == 1));
        Set<Long> starts = occurrences.stream()
                .map(id -> OutboundFixture.taggedEvents(nylas, grant, id).get(0))
                .map(e -> e.path("when").path("start_time").asLong()).collect(Collectors.toSet());
        assertEquals(4, starts.size(), "four meetings, a week apart");
        OutboundFixture.barrier(sf, nylas, grant, WAIT);
        assertEquals(List.of(), OutboundFixture.taggedEvents(nylas, grant, sfMaster),
                "the series master is not written as one meeting");
        List<ObjectNode> titled = nylas.events(grant).stream()
                .filter(e -> "Customer office hours".equals(e.path("title").asText())).toList();
        assertEquals(4, titled.size());
    }
}
