package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.sink.RecordingContext;
import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Nylas sink task's failure paths against the Nylas emulator: a refused API key, malformed records, an
 * expired grant, and one action failing while the rest of its batch lands.
 */
class NylasSinkTaskFailurePathsTest {
    private static final String TOPIC = "salesforce.task";
    private static final AtomicInteger IDS = new AtomicInteger(1);
    private static final AtomicInteger OFFSETS = new AtomicInteger();
    private static NylasEmulator nylas;

    private NylasSinkTask task;
    private RecordingContext context;

    @BeforeAll
    static void startEmulator() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();
    }

    @AfterAll
    static void stopEmulator() {
        nylas.close();
    }

    @AfterEach
    void stopTask() {
        nylas.faults().reset();
        if (task != null) {
            task.stop();
        }
    }

    private void start(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(
                "nylas.api.url", nylas.baseUrl(),
                "nylas.api.key", nylas.apiKey(),
                "nylas.retry.backoff.ms", "20",
                "grant.expired.check.interval.ms", "200"));
        props.putAll(extra);
        task = new NylasSinkTask();
        context = new RecordingContext();
        context.assignment.add(new TopicPartition(TOPIC, 0));
        task.initialize(context);
        task.start(props);
    }

    /** put() does not wait for its actions: come back (as Connect does) until every outcome is taken. */
    private void drain() throws InterruptedException {
        await("every action ended and harvested", () -> task.actionsInFlight() == 0, () -> task.put(List.of()));
    }

    static String taskId() {
        return String.format("00T%012dAAA", IDS.getAndIncrement());
    }

    static SinkRecord record(Object value) {
        return record(value, value instanceof Struct s ? s.schema() : null);
    }

    static SinkRecord record(Object value, Schema schema) {
        return new SinkRecord(TOPIC, 0, null, null, schema, value, OFFSETS.getAndIncrement());
    }

    /** Waits up to 30 s for the condition, running {@code poll} (on this thread: the task's) between checks. */
    static void await(String what, BooleanSupplier condition, Runnable poll) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (condition.getAsBoolean()) {
                        return true;
                    }
                    poll.run();
                    return false;
                });
    }

    // ------------------------------------------------------------------ the API key

    @Test
    void aRevokedApiKeyFailsTheTaskNamingTheSettingNeverTheValue() throws Exception {
        String grant = nylas.createGrant("keyrep@example.com", "google");
        String key = nylas.apiKey();
        start(Map.of());
        task.put(List.of(record(Changes.taskValue(taskId(), "keyrep@example.com")))); // grants resolved and cached
        drain();
        assertEquals(1, nylas.sendCount(grant));
        nylas.rotateApiKey("nyk_new_key_the_task_does_not_have");
        try {
            task.put(List.of(record(Changes.taskValue(taskId(), "keyrep@example.com"))));
            // the refusal arrives with the action's outcome: the next put() (or preCommit) fails the task
            ConnectException e = assertThrows(ConnectException.class, () -> await("the task to fail",
                    () -> false, () -> task.put(List.of())));
            assertTrue(e.getMessage().contains("nylas.api.key"), e.getMessage());
            assertFalse(e.getMessage().contains(key), "the key's value never appears");
            assertTrue(context.dlq.isEmpty(), "a bad key is not the record's fault: " + context.reasons());
        } finally {
            nylas.rotateApiKey(key);
        }
        assertEquals(1, nylas.sendCount(grant));
    }

    // ------------------------------------------------------------------ malformed input

    @Test
    void malformedSchemalessRecordsAreDeadLetteredOneByOneAndTheRestIsSent() throws Exception {
        String grant = nylas.createGrant("malformed@example.com", "google");
        start(Map.of());
        List<SinkRecord> batch = new ArrayList<>();
        Map<String, Object> badId = Changes.taskValue("../../v3/grants", "malformed@example.com");
        Map<String, Object> overflow = Changes.taskValue(taskId(), "malformed@example.com");
        overflow.put("system_modstamp", "99999999999999999999999");
        Map<String, Object> unparsable = Changes.taskValue(taskId(), "malformed@example.com");
        unparsable.put("system_modstamp", "yesterday at noon");
        Map<String, Object> missing = Changes.taskValue(taskId(), "malformed@example.com");
        missing.remove("sobject");
        Map<String, Object> wrongType = Changes.taskValue(taskId(), "malformed@example.com");
        wrongType.put("fields", List.of("Subject"));
        Map<String, Object> eventOverflow = eventValue(Map.of("StartDateTime", "2026-03-01T10:00:00Z",
                "DurationInMinutes", "1e300"));
        Map<String, Object> eventFarFuture = eventValue(Map.of("StartDateTime", "+999999999-12-31T00:00:00Z",
                "IsAllDayEvent", "true"));
        for (Object v : List.of(badId, overflow, unparsable, missing, wrongType, eventOverflow, eventFarFuture,
                "a plain string")) {
            batch.add(record(v));
        }
        String good = taskId();
        batch.add(record(Changes.taskValue(good, "malformed@example.com")));

        task.put(batch);

        drain(); // a value only the writer finds bad (the far-future date) is reported with its outcome
        assertEquals(8, context.dlq.size(), context.reasons());
        String reasons = context.reasons();
        assertTrue(reasons.contains("not a Salesforce record ID"), reasons);
        assertTrue(reasons.contains("is not a time"), reasons);
        assertTrue(reasons.contains("without sobject"), reasons);
        assertTrue(reasons.contains("not a map"), reasons);
        assertTrue(reasons.contains("ArithmeticException: long overflow"), reasons);
        assertTrue(reasons.contains("DateTimeException"), reasons);
        assertTrue(reasons.contains("not a Struct or map"), reasons);
        assertEquals(1, nylas.sendCount(grant), "the good record of the batch is sent");
        context.timeouts.clear(); // the wake-ups asked while the send ran
        task.put(List.of());
        assertTrue(context.timeouts.isEmpty(), "nothing waits to run again: " + context.timeouts);
    }

    private Map<String, Object> eventValue(Map<String, String> times) {
        Map<String, Object> v = Changes.taskValue(String.format("00U%012dAAA", IDS.getAndIncrement()),
                "malformed@example.com");
        v.put("sobject", "Event");
        Map<String, Object> fields = new HashMap<>(times);
        fields.put("Subject", "Call");
        fields.put("Owner.Email", "malformed@example.com");
        fields.put("CreatedById", Changes.OWNER);
        v.put("fields", fields);
        return v;
    }

    @Test
    void malformedStructRecordsAreDeadLetteredOneByOne() throws Exception {
        String grant = nylas.createGrant("malformed-struct@example.com", "google");
        start(Map.of());
        Map<String, String> fields = new HashMap<>(Changes.sendableTask());
        fields.put("Owner.Email", "malformed-struct@example.com");
        fields.put("CreatedById", Changes.OWNER);
        fields.put("CreatedDate", Instant.now().toString());
        Struct badId = SalesforceSchemas.record("Task", "00T-not-an-id", "created", Instant.now(), Changes.OWNER,
                Changes.OWNER, null, false, fields, "soql", Instant.now());
        Map<String, String> eventFields = new HashMap<>(Map.of("Subject", "Call", "StartDateTime",
                "2026-03-01T10:00:00Z", "DurationInMinutes", "1e300", "Owner.Email", "malformed-struct@example.com",
                "CreatedById", Changes.OWNER));
        Struct overflow = SalesforceSchemas.record("Event", "00U000000000777AAA", "created", Instant.now(),
                Changes.OWNER, Changes.OWNER, null, false, eventFields, "soql", Instant.now());
        Schema other = SchemaBuilder.struct().name("something.Else").field("x", Schema.INT32_SCHEMA).build();
        Struct unexpected = new Struct(other).put("x", 1);
        Struct good = SalesforceSchemas.record("Task", taskId(), "created", Instant.now(), Changes.OWNER,
                Changes.OWNER, null, false, fields, "soql", Instant.now());

        Map<String, String> badTime = new HashMap<>(eventFields);
        badTime.put("StartDateTime", "next Tuesday-ish");
        Struct unparsable = SalesforceSchemas.record("Event", "00U000000000778AAA", "created", Instant.now(),
                Changes.OWNER, Changes.OWNER, null, false, badTime, "soql", Instant.now());

        task.put(List.of(record(badId), record(overflow), record(unexpected), record(unparsable), record(good)));
        drain();

        assertEquals(4, context.dlq.size(), context.reasons());
        assertTrue(context.reasons().contains("ArithmeticException: long overflow"), context.reasons());
        assertTrue(context.reasons().contains("event without StartDateTime"), context.reasons());
        assertTrue(context.reasons().contains("not a Salesforce record ID"), context.reasons());
        assertTrue(context.reasons().contains("unsupported record shape"), context.reasons());
        assertEquals(1, nylas.sendCount(grant));
    }

    // ------------------------------------------------------------------ expired grants

    @Test
    void anExpiredGrantsRecordsWaitUncommittedAndAreSentOnceWhenItIsValidAgain() throws Exception {
        String a = nylas.createGrant("park-a@example.com", "google");
        String b = nylas.createGrant("park-b@example.com", "google");
        start(Map.of());
        nylas.expireGrant(a);
        SinkRecord first = record(Changes.taskValue(taskId(), "park-a@example.com"));
        SinkRecord other = record(Changes.taskValue(taskId(), "park-b@example.com"));
        SinkRecord second = record(Changes.taskValue(taskId(), "park-a@example.com"));
        task.put(List.of(first, other, second));
        drain(); // A's two actions parked, B's sent

        assertEquals(1, nylas.sendCount(b), "the other grant goes on");
        assertEquals(0, nylas.sendCount(a));
        assertTrue(context.dlq.isEmpty(), context.reasons());
        TopicPartition tp = new TopicPartition(TOPIC, 0);
        Map<TopicPartition, OffsetAndMetadata> committed =
                task.preCommit(Map.of(tp, new OffsetAndMetadata(second.kafkaOffset() + 1)));
        assertEquals(first.kafkaOffset(), committed.get(tp).offset(), "nothing past the oldest waiting record");
        context.timeouts.clear(); // the wake-ups asked while the actions ran
        task.put(List.of());
        assertFalse(context.timeouts.isEmpty(), "the task asks to be woken for the grant check");

        task.put(List.of()); // still expired: nothing moves
        assertEquals(0, nylas.sendCount(a));
        nylas.restoreGrant(a);
        await("both of A's sends", () -> nylas.sendCount(a) == 2, () -> task.put(List.of()));
        Awaitility.await("no third send of A's").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> nylas.sendCount(a) == 2);
        task.put(List.of());
        drain();
        assertEquals(2, nylas.sendCount(a), "each waiting send went out exactly once");
        assertEquals(1, nylas.sendCount(b));
        assertTrue(context.dlq.isEmpty(), context.reasons());
        assertEquals(second.kafkaOffset() + 1,
                task.preCommit(Map.of(tp, new OffsetAndMetadata(second.kafkaOffset() + 1))).get(tp).offset());
    }

    @Test
    void recordsOfAGrantThatStaysExpiredGoToTheDlqAfterTheMaximumAge() throws Exception {
        String a = nylas.createGrant("stale@example.com", "google");
        start(Map.of("grant.expired.max.age.ms", "300"));
        nylas.expireGrant(a);
        task.put(List.of(record(Changes.taskValue(taskId(), "stale@example.com"))));
        assertTrue(context.dlq.isEmpty());
        await("the DLQ entry", () -> context.dlq.size() == 1, () -> task.put(List.of()));
        assertTrue(context.reasons().contains("grant.expired.max.age.ms"), context.reasons());
        assertEquals(0, nylas.sendCount(a));
    }

    // ------------------------------------------------------------------ bounded, per-item retries

    @Test
    void oneSendFailingWith503RetriesAloneAndReachesTheDlqAfterTheConfiguredAttempts() throws Exception {
        String ok = nylas.createGrant("retry-ok@example.com", "google");
        String failing = nylas.createGrant("retry-bad@example.com", "google");
        start(Map.of("nylas.retry.max.attempts", "3"));
        // Retry-After: 1 (with 0, OkHttp itself repeats a 503 once, which would blur the count)
        nylas.faults().retryAfterSeconds(1).onlyPaths(".*/grants/" + failing + "/messages/send")
                .errorRate("503", 1.0);
        List<SinkRecord> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(record(Changes.taskValue(taskId(), "retry-ok@example.com")));
        }
        batch.add(10, record(Changes.taskValue(taskId(), "retry-bad@example.com")));
        long callsBefore = nylas.requestCount();
        long faultsBefore = nylas.faults().injectedCount();

        task.put(batch);
        await("the other 20", () -> nylas.sendCount(ok) == 20, () -> task.put(List.of()));
        assertTrue(context.dlq.isEmpty(), "the 20 landed while the failing send still waits: " + context.reasons());
        await("the failing send in the DLQ", () -> context.dlq.size() == 1, () -> task.put(List.of()));

        assertEquals(20, nylas.sendCount(ok), "and only once: the batch never ran again");
        assertEquals(0, nylas.sendCount(failing));
        assertTrue(context.reasons().contains("gave up after 3 attempts"), context.reasons());
        assertEquals(3, nylas.faults().injectedCount() - faultsBefore, "the failing send was tried 3 times");
        long calls = nylas.requestCount() - callsBefore + nylas.faults().injectedCount() - faultsBefore;
        System.out.printf("[figures] 21 sends, 1 failing with 503, 3 attempts: %d Nylas calls in all%n", calls);
        assertTrue(calls <= 21 * 2 + 2 * 2 + 2, "bounded: " + calls);
    }
}
