package io.nylassf.connect.sink.record;

import io.nylassf.connect.common.time.Timestamps;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Uniform read access to a record value that is either a Connect {@link Struct} (JSON or Avro converter with
 * schemas) or a schemaless {@link Map} with the same field names. Times may be {@link Date}s, epoch numbers
 * (milliseconds; values under 10^11 are taken as Nylas' seconds) or date-time strings as {@link Timestamps} reads
 * them. Both sinks read record values through this class.
 */
public final class Fields {
    private final Struct struct;
    private final Map<?, ?> map;

    private Fields(Struct struct, Map<?, ?> map) {
        this.struct = struct;
        this.map = map;
    }

    /** Null when the value is neither a Struct nor a Map. */
    public static Fields of(Object value) {
        if (value instanceof Struct s) {
            return new Fields(s, null);
        }
        if (value instanceof Map<?, ?> m) {
            return new Fields(null, m);
        }
        return null;
    }

    public Object raw(String name) {
        if (struct != null) {
            Field f = struct.schema().field(name);
            return f == null ? null : struct.get(f);
        }
        return map.get(name);
    }

    public String str(String name) {
        Object v = raw(name);
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    public Boolean bool(String name) {
        Object v = raw(name);
        if (v instanceof Boolean b) {
            return b;
        }
        return v == null ? null : Boolean.parseBoolean(v.toString());
    }

    public Instant time(String name) {
        return toInstant(raw(name), name);
    }

    static Instant toInstant(Object v, String name) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant();
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof Number n) {
            return Timestamps.ofEpochSecondsOrMillis(n.longValue());
        }
        String s = v.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        Instant parsed = Timestamps.parseInstant(s);
        if (parsed != null) {
            return parsed;
        }
        try {
            return Timestamps.ofEpochSecondsOrMillis(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new RecordDecodeException("INVALID_TIME", "field '" + name + "' is not a time: " + s);
        }
    }

    public Fields child(String name) {
        return of(raw(name));
    }

    public List<Fields> list(String name) {
        Object v = raw(name);
        List<Fields> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                Fields f = of(o);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    public List<String> strings(String name) {
        Object v = raw(name);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o != null) {
                    out.add(o.toString());
                }
            }
        }
        return out;
    }

    public Map<String, String> stringMap(String name) {
        Object v = raw(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, val) -> {
                if (k != null) {
                    out.put(k.toString(), val == null ? null : val.toString());
                }
            });
        } else if (v instanceof Struct s) {
            for (Field f : s.schema().fields()) {
                Object val = s.get(f);
                out.put(f.name(), val == null ? null : val.toString());
            }
        }
        return out;
    }

    /** The value as a map; nested Structs become maps too (so the Nylas sink can walk CDC payloads). */
    public Map<String, Object> toMap() {
        if (struct != null) {
            return structToMap(struct);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Struct s ? structToMap(s) : v));
        return out;
    }

    private static Map<String, Object> structToMap(Struct s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : s.schema().fields()) {
            Object v = s.get(f);
            out.put(f.name(), v instanceof Struct nested ? structToMap(nested) : v);
        }
        return out;
    }
}
