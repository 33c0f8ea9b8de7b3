package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading queried Salesforce records (maps as the REST API returns them). */
final class SfRecords {
    private static final Logger log = LoggerFactory.getLogger(SfRecords.class);

    private SfRecords() {
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static String id(Map<String, Object> record) {
        return str(record.get("Id"));
    }

    /**
     * The record to update when several match: the most recently modified, lowest ID on ties, so every task
     * and every replay picks the same one.
     */
    static Map<String, Object> mostRecent(List<Map<String, Object>> records) {
        if (records == null || records.isEmpty()) {
            return null;
        }
        return records.stream().max(Comparator.<Map<String, Object>, Instant>comparing(
                        r -> Optional.ofNullable(SfValues.parseDateTime(r.get("LastModifiedDate"))).orElse(Instant.EPOCH))
                .thenComparing(SfRecords::id, Comparator.reverseOrder())).orElse(null);
    }

    /** {@link #mostRecent}, saying so when the choice was not obvious. */
    static Map<String, Object> pick(List<Map<String, Object>> records, String what) {
        Map<String, Object> r = mostRecent(records);
        if (records.size() > 1) {
            log.warn("{} matches {} Salesforce records; updating the most recently modified, {}", what,
                    records.size(), r.get("Id"));
        }
        return r;
    }

    static String sobjectOf(Map<String, Object> record) {
        Object attrs = record.get("attributes");
        if (attrs instanceof Map<?, ?> m && m.get("type") != null) {
            return m.get("type").toString();
        }
        return sobjectOfId(id(record));
    }

    static String sobjectOfId(String id) {
        if (id == null || id.length() < 3) {
            return null;
        }
        return switch (id.substring(0, 3)) {
            case "003" -> "Contact";
            case "00Q" -> "Lead";
            case "001" -> "Account";
            case "00T" -> "Task";
            case "00U" -> "Event";
            case "02s" -> "EmailMessage";
            case "006" -> "Opportunity";
            default -> null;
        };
    }
}
