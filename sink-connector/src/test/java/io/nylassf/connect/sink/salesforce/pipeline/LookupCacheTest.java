package io.nylassf.connect.sink.salesforce.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The cache's bounds: least recently used out first, entries expire, 0 turns it off. */
class LookupCacheTest {
    final AtomicLong now = new AtomicLong(1_000);
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    static LookupCache.Written w(String id) {
        return new LookupCache.Written(id, "Contact", Instant.EPOCH);
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirst() {
        LookupCache cache = new LookupCache(2, Duration.ofHours(1), clock);
        cache.putRecord("a", w("1"));
        cache.putRecord("b", w("2"));
        assertNotNull(cache.record("a")); // a is now the most recently used
        cache.putPerson("x@acme.com", new Person("003X", "Contact", null));
        assertNull(cache.record("b"));
        assertNotNull(cache.record("a"));
        assertEquals("003X", cache.person("X@acme.com").id(), "emails are matched case-insensitively");
        assertEquals(2, cache.size());
    }

    @Test
    void entriesExpireAfterTheTtl() {
        LookupCache cache = new LookupCache(10, Duration.ofSeconds(60), clock);
        cache.putRecord("a", w("1"));
        now.addAndGet(59_999);
        assertNotNull(cache.record("a"));
        now.addAndGet(1);
        assertNull(cache.record("a"));
        assertEquals(0, cache.size());
    }

    @Test
    void zeroEntriesOrTtlTurnItOffAndForgettingRemoves() {
        LookupCache off = new LookupCache(0, Duration.ofHours(1), clock);
        off.putRecord("a", w("1"));
        assertFalse(off.enabled());
        assertNull(off.record("a"));
        assertFalse(new LookupCache(10, Duration.ZERO, clock).enabled());

        LookupCache cache = new LookupCache(10, Duration.ofHours(1), clock);
        cache.putRecord("a", w("1"));
        cache.putPerson("x@acme.com", new Person("003X", "Contact", null));
        cache.forgetRecord("a");
        cache.forgetPerson("x@acme.com");
        assertNull(cache.record("a"));
        assertNull(cache.person("x@acme.com"));
    }
}
