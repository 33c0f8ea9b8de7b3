package io.nylassf.connect.plugin.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Struct;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Produces Nylas records straight to the input topics, remembering when each was handed to the producer (the
 * start of its produce-to-Salesforce latency). Either as fast as possible (a backfill) or at a fixed rate from a
 * background thread (a stream), each record sent at {@code start + i / rate}.
 */
final class BenchProducer implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final ConcurrentMap<String, Long> producedAtMillis = new ConcurrentHashMap<>();

    BenchProducer(KafkaProducer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** Sends {@code prefix-0 .. prefix-(n-1)} as fast as the producer takes them; returns when all are acked. */
    long backfill(RecordKind kind, String prefix, int n) {
        return backfill(kind.topic, kind, prefix, n);
    }

    long backfill(String topic, RecordKind kind, String prefix, int n) {
        long first = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            send(topic, kind, prefix, i);
        }
        producer.flush();
        return first;
    }

    /** A stream at {@code ratePerSecond} for {@code seconds}; {@link Stream#await()} returns the count sent. */
    Stream stream(RecordKind kind, String prefix, int ratePerSecond, int seconds) {
        Stream s = new Stream(kind, prefix, ratePerSecond, ratePerSecond * seconds);
        s.thread.start();
        return s;
    }

    private void send(String topic, RecordKind kind, String prefix, int i) {
        Struct value = BenchRecords.record(kind, prefix, i);
        producedAtMillis.put(value.getString("id"), System.currentTimeMillis());
        producer.send(new ProducerRecord<>(topic, BenchRecords.key(topic, value), BenchRecords.value(topic, value)));
    }

    /** When the id was handed to the producer, or null. */
    Long producedAt(String id) {
        return producedAtMillis.get(id);
    }

    @Override
    public void close() {
        producer.close();
    }

    final class Stream {
        final int count;
        private final Thread thread;

        private Stream(RecordKind kind, String prefix, int rate, int count) {
            this.count = count;
            this.thread = new Thread(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    long due = start + (long) (i * 1_000_000_000.0 / rate);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    send(kind.topic, kind, prefix, i);
                }
                producer.flush();
            }, "bench-stream-" + prefix);
            thread.setDaemon(true);
        }

        int await() throws InterruptedException {
            thread.join();
            return count;
        }
    }
}
