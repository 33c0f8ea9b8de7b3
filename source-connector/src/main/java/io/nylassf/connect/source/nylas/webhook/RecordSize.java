package io.nylassf.connect.source.nylas.webhook;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * An estimate of the memory a record holds: its strings (one byte a character, as the JVM stores Latin-1 text) and
 * bytes, plus a small overhead per value. The webhook intake counts this against its byte bound, because a
 * notification's size says nothing of the record made from it: a {@code .truncated} notification of a few hundred
 * bytes names a message whose fetched body may be hundreds of kilobytes.
 */
final class RecordSize {
    private static final long OVERHEAD = 16;

    private RecordSize() {
    }

    static long of(SourceRecord record) {
        return 4 * OVERHEAD + of(record.key()) + of(record.value());
    }

    private static long of(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof CharSequence s) {
            return OVERHEAD + s.length();
        }
        if (value instanceof byte[] b) {
            return OVERHEAD + b.length;
        }
        if (value instanceof ByteBuffer b) {
            return OVERHEAD + b.remaining();
        }
        long n = OVERHEAD;
        if (value instanceof Struct s) {
            for (Field f : s.schema().fields()) {
                n += of(s.get(f));
            }
        } else if (value instanceof Collection<?> c) {
            for (Object e : c) {
                n += of(e);
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                n += of(e.getKey()) + of(e.getValue());
            }
        }
        return n;
    }
}
