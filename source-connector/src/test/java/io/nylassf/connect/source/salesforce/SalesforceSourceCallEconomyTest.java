package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.source.salesforce.read.PollInterval;
import io.nylassf.testkit.connect.InMemoryPluginMetrics;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Salesforce source's API economy, counted at the emulator: every poll reads all of a task's objects in one
 * Composite call, the wait stretches while nothing changes, and nothing is read while the org's daily allocation
 * is down to the reserve.
 */
class SalesforceSourceCallEconomyTest {
    private SalesforceEmulator sf;
    private SalesforceSourceTask task;
    private final InMemoryPluginMetrics metrics = new InMemoryPluginMetrics("salesforce-source", 0);

    @BeforeEach
    void start() {
        sf = SalesforceEmulator.builder().clientCredentials("c", "s", Org.INTEGRATION_USERNAME).build().start();
    }

    @AfterEach
    void stop() {
        if (task != null) {
            task.stop();
        }
        sf.close();
        metrics.close();
    }

    @Test
    void threeObjectsAreReadInOneCallPerPoll() throws Exception {
        String account = sf.org().insert("Account", Map.of("Name", "Acme"));
        sf.org().insert("Task", Map.of("Subject", "Call", "WhatId", account));
        sf.org().insert("Event", Map.of("Subject", "Meet", "StartDateTime", "2026-12-06T10:00:00Z",
                "EndDateTime", "2026-12-06T10:30:00Z"));
        task = start(Map.of("poll.interval.ms", "100", "poll.max.interval.ms", "100"));
        List<SourceRecord> read = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            read.addAll(orEmpty(task.poll()));
            return read.size() >= 2;
        });
        sf.resetApiCallCount();
        long compositeBefore = sf.compositeReadCalls();
        for (int i = 0; i < 5; i++) {
            pollOnce();
        }
        long polls = sf.compositeReadCalls() - compositeBefore;
        assertTrue(polls >= 3, "polls made: " + polls);
        assertEquals(polls, sf.apiCallCount(), "one call per poll for Task, Event and Opportunity together");
    }

    @Test
    void opportunitiesCarryTheirPrimaryContactAndOwnerTimeZoneForOneMoreCallOnlyWhenTheyChanged() throws Exception {
        sf.org().update("User", sf.org().repUserId(), Map.of("TimeZoneSidKey", "America/Los_Angeles"));
        String ada = sf.org().insert("Contact", Map.of("LastName", "Lovelace", "Email", "ada@acme.test"));
        String bob = sf.org().insert("Contact", Map.of("LastName", "Builder", "Email", "bob@acme.test"));
        String won = sf.org().insertAs(sf.org().repUserId(), "Opportunity", Map.of("Name", "Acme",
                "StageName", "Closed Won", "CloseDate", "2026-12-04", "OwnerId", sf.org().repUserId()));
        String other = sf.org().insert("Opportunity", Map.of("Name", "Solo", "StageName", "Prospecting",
                "CloseDate", "2026-12-04"));
        sf.org().insert("OpportunityContactRole", Map.of("OpportunityId", won, "ContactId", bob, "IsPrimary", false));
        sf.org().insert("OpportunityContactRole", Map.of("OpportunityId", won, "ContactId", ada, "IsPrimary", true));
        task = start(Map.of("poll.interval.ms", "100", "poll.max.interval.ms", "100", "salesforce.read.lag.ms", "0"));
        sf.resetApiCallCount();
        List<SourceRecord> read = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            read.addAll(orEmpty(task.poll()));
            return read.size() >= 2;
        });
        assertEquals(2, sf.apiCallCount(), "the windows' Composite call, then one query for the primary contacts");
        Map<String, Map<String, String>> fields = new HashMap<>();
        for (SourceRecord r : read) {
            org.apache.kafka.connect.data.Struct v = (org.apache.kafka.connect.data.Struct) r.value();
            fields.put(v.getString("id"), v.getMap("fields").entrySet().stream().collect(HashMap::new,
                    (m, e) -> m.put((String) e.getKey(), (String) e.getValue()), HashMap::putAll));
        }
        assertEquals("ada@acme.test", fields.get(won).get("PrimaryContact.Email"));
        assertEquals("Lovelace", fields.get(won).get("PrimaryContact.Name"));
        assertEquals("America/Los_Angeles", fields.get(won).get("Owner.TimeZoneSidKey"));
        assertTrue(!fields.get(other).containsKey("PrimaryContact.Email"), "no primary contact, no key");

        sf.resetApiCallCount();
        long compositeBefore = sf.compositeReadCalls();
        for (int i = 0; i < 5; i++) {
            pollOnce();
        }
        assertEquals(sf.compositeReadCalls() - compositeBefore, sf.apiCallCount(),
                "idle polls stay at one call: no contact-role query without Opportunity changes");
    }

    @Test
    void theWaitDoublesWhileIdleAndComesBackWithTheFirstChange() {
        PollInterval interval = new PollInterval(5_000, 60_000);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(interval.after(false));
        }
        assertEquals(List.of(10_000L, 20_000L, 40_000L, 60_000L, 60_000L, 60_000L), waits);
        assertEquals(5_000L, interval.after(true));
        // an idle hour at the longest wait, one call a poll: 60 calls at most
        assertTrue(Duration.ofHours(1).toMillis() / 60_000 <= 60);
    }

    @Test
    void anIdleOrgCostsFewerCallsAsTheWaitStretches() throws Exception {
        task = start(Map.of("poll.interval.ms", "100", "poll.max.interval.ms", "1600", "salesforce.read.lag.ms", "0"));
        sf.resetApiCallCount();
        long deadline = System.currentTimeMillis() + 4_000;
        while (System.currentTimeMillis() < deadline) {
            task.poll();
        }
        long idleCalls = sf.compositeReadCalls();
        // fixed 100 ms polls would cost ~40 calls in 4 s; doubling to 1.6 s costs about 100+200+400+800+1600: 6
        assertTrue(idleCalls <= 8, "calls while idle: " + idleCalls);
        sf.org().insert("Task", Map.of("Subject", "New work"));
        long changedAt = System.currentTimeMillis();
        List<SourceRecord> read = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            read.addAll(orEmpty(task.poll()));
            return !read.isEmpty();
        });
        assertTrue(System.currentTimeMillis() - changedAt <= 1_600 + 1_500, "read within the longest wait");
    }

    @Test
    void aBurstOfAThousandChangesCostsACallPerFullPage() throws Exception {
        task = start(Map.of("poll.interval.ms", "100", "poll.max.interval.ms", "100", "salesforce.read.lag.ms", "0",
                "salesforce.batch.size", "500"));
        pollOnce();
        for (int i = 0; i < 1_000; i++) {
            sf.org().insert("Task", Map.of("Subject", "Burst " + i));
        }
        sf.resetApiCallCount();
        List<SourceRecord> read = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            read.addAll(orEmpty(task.poll()));
            return read.size() >= 1_000;
        });
        long calls = sf.apiCallCount();
        System.out.println("1,000 changes read in " + calls + " calls");
        // two full pages of 500 (the second stops before its last millisecond bucket), then the rest
        assertTrue(calls <= 4, "calls for the burst: " + calls);
    }

    @Test
    void nothingIsReadWhileTheOrgIsDownToTheReserve() throws Exception {
        task = start(Map.of("poll.interval.ms", "100", "poll.max.interval.ms", "100",
                "salesforce.api.reserve.percent", "10", "salesforce.api.budget.check.interval.ms", "500"));
        pollOnce();
        sf.setApiUsage(sf.dailyApiLimit() - sf.dailyApiLimit() / 20);
        pollOnce();
        sf.org().insert("Task", Map.of("Subject", "Waits for the budget"));
        long before = sf.apiCallCount();
        long until = System.currentTimeMillis() + 2_000;
        while (System.currentTimeMillis() < until) {
            assertTrue(orEmpty(task.poll()).isEmpty(), "no reads under the reserve");
        }
        assertTrue(sf.apiCallCount() - before <= 6, "only the rare /limits probes: " + (sf.apiCallCount() - before));
        sf.setApiUsage(0);
        List<SourceRecord> read = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            read.addAll(orEmpty(task.poll()));
            return !read.isEmpty();
        });
    }

    @Test
    void reconciliationReReadsRecentTasksAndEventsInsideThePollsOwnCalls() throws Exception {
        sf.org().insert("Task", Map.of("Subject", "Call"));
        sf.org().insert("Event", Map.of("Subject", "Meet", "StartDateTime", "2026-12-06T10:00:00Z",
                "EndDateTime", "2026-12-06T10:30:00Z"));
        task = start(Map.of("poll.interval.ms", "100", "poll.max.interval.ms", "100", "salesforce.read.lag.ms", "0",
                "reconcile.interval.ms", "1000", "reconcile.lookback.days", "7"));
        List<SourceRecord> read = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            read.addAll(orEmpty(task.poll()));
            return read.size() >= 2;
        });
        assertTrue(read.stream().allMatch(r -> "soql".equals(via(r))), "the normal reads first");
        sf.resetApiCallCount();
        long compositeBefore = sf.compositeReadCalls();
        List<SourceRecord> reconciled = new ArrayList<>();
        long until = System.currentTimeMillis() + 2_500;
        while (System.currentTimeMillis() < until) {
            orEmpty(task.poll()).stream().filter(r -> "reconcile".equals(via(r))).forEach(reconciled::add);
        }
        assertTrue(reconciled.size() >= 2, "the Task and the Event re-read at least once: " + reconciled.size());
        assertTrue(reconciled.stream().anyMatch(r -> r.topic().endsWith(".task"))
                && reconciled.stream().anyMatch(r -> r.topic().endsWith(".event")));
        assertEquals(sf.compositeReadCalls() - compositeBefore, sf.apiCallCount(),
                "no call of its own: the reconciliation rides in the polls' Composite calls");
        SourceRecord last = reconciled.get(reconciled.size() - 1);
        assertTrue(Map.of("reconcile", "Task").equals(last.sourcePartition())
                || Map.of("reconcile", "Event").equals(last.sourcePartition()), "a run's last record: "
                + last.sourcePartition());
        assertTrue(last.sourceOffset().containsKey("last_run"));
    }

    private static String via(SourceRecord r) {
        return ((org.apache.kafka.connect.data.Struct) r.value()).getString("observed_via");
    }

    private void pollOnce() throws InterruptedException {
        long until = System.currentTimeMillis() + 150;
        while (System.currentTimeMillis() < until) {
            task.poll();
        }
    }

    private static List<SourceRecord> orEmpty(List<SourceRecord> r) {
        return r == null ? List.of() : r;
    }

    private SalesforceSourceTask start(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("salesforce.login.url", sf.baseUrl(),
                "salesforce.auth.method", "client_credentials", "salesforce.client.id", "c",
                "salesforce.client.secret", "s", "task.objects", "Task,Event,Opportunity",
                "salesforce.own.changes", "mark"));
        props.putAll(extra);
        SalesforceSourceTask t = new SalesforceSourceTask();
        t.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return props;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return metrics.pluginMetrics();
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return new OffsetStorageReader() {
                    @Override
                    public <T> Map<String, Object> offset(Map<String, T> partition) {
                        return null;
                    }

                    @Override
                    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> ps) {
                        return Map.of();
                    }
                };
            }
        });
        t.start(props);
        return t;
    }
}
