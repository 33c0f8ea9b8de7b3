package io.nylassf.connect.sink.salesforce.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one task wrote to or read from Salesforce recently, so batches can spare lookups: a Nylas object's record
 * (its Id, sObject and the modified-at stamp it holds) and an email's person. Bounded (least recently used dropped
 * first) and short-lived (entries expire after a TTL); thread-safe, as batches are written on several threads.
 *
 * <p>An entry only ever lets the sink skip work, never write a value it did not read: a change newer than an entry's
 * stamp still reads the record so the conflict rules see what a person typed.
 */
public final class LookupCache {
    /** A record the sink wrote or read, and the source modified time it holds (null when unknown). */
    record Written(String id, String sobject, Instant stamp) {
    }

    private record Entry(Object value, long expiresAtMillis) {
    }

    private final int maxEntries;
    private final long ttlMillis;
    private final Clock clock;
    private final Map<String, Entry> entries;

    /** @param maxEntries 0 turns the cache off */
    public LookupCache(int maxEntries, Duration ttl) {
        this(maxEntries, ttl, Clock.systemUTC());
    }

    LookupCache(int maxEntries, Duration ttl, Clock clock) {
        this.maxEntries = Math.max(0, maxEntries);
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > LookupCache.this.maxEntries;
            }
        };
    }

    /** A cache that remembers nothing. */
    public static LookupCache disabled() {
        return new LookupCache(0, Duration.ZERO);
    }

    public boolean enabled() {
        return maxEntries > 0 && ttlMillis > 0;
    }

    Written record(String itemKey) {
        return (Written) get("r:" + itemKey);
    }

    void putRecord(String itemKey, Written w) {
        put("r:" + itemKey, w);
    }

    void forgetRecord(String itemKey) {
        remove("r:" + itemKey);
    }

    Person person(String email) {
        return (Person) get("e:" + email.toLowerCase(Locale.ROOT));
    }

    void putPerson(String email, Person p) {
        put("e:" + email.toLowerCase(Locale.ROOT), p);
    }

    void forgetPerson(String email) {
        remove("e:" + email.toLowerCase(Locale.ROOT));
    }

    /** The owner found for a User lookup key ({@link GrantOwners}), {@link Owner#NONE} for a miss, or null. */
    Owner owner(String key) {
        return (Owner) get("u:" + key);
    }

    void putOwner(String key, Owner o) {
        put("u:" + key, o);
    }

    public synchronized int size() {
        return entries.size();
    }

    private synchronized Object get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (clock.millis() >= e.expiresAtMillis()) {
            entries.remove(key);
            return null;
        }
        return e.value();
    }

    private synchronized void put(String key, Object value) {
        if (enabled() && value != null) {
            entries.put(key, new Entry(value, clock.millis() + ttlMillis));
        }
    }

    private synchronized void remove(String key) {
        entries.remove(key);
    }
}
