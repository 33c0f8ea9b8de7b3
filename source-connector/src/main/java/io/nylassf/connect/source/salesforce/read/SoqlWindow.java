package io.nylassf.connect.source.salesforce.read;

import io.nylassf.connect.common.salesforce.Soql;
import io.nylassf.connect.source.salesforce.offset.ObjectOffset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The SOQL of one window: rows changed after the offset, oldest first, {@code Id} breaking ties.
 *
 * <pre>
 * SELECT f1, f2, ... FROM Task
 *  WHERE (SystemModstamp &gt;= :wm+1ms OR (SystemModstamp &gt;= :wm AND SystemModstamp &lt; :wm+1ms AND Id &gt; :lastId))
 *    AND SystemModstamp &lt;= :now-lag
 *  ORDER BY SystemModstamp, Id LIMIT n
 * </pre>
 *
 * The upper bound keeps the window behind rows still being committed: {@code SystemModstamp} is stamped inside a
 * transaction, so a long one can commit a row after others with a later stamp were read. Without the bound the
 * watermark would pass that row and it would never be read.
 *
 * The watermark is a millisecond bucket rather than an exact {@code =}: Salesforce renders date-times to the
 * millisecond, so a stored stamp with finer precision (as some stores keep) still falls in its bucket instead of
 * being read again and again. Run through {@code queryAll} so deleted rows show up with {@code IsDeleted = true}.
 */
public final class SoqlWindow {
    private static final DateTimeFormatter LITERAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SoqlWindow() {
    }

    /** @param offset where the object stands, or null; {@code startFrom} applies only without an offset */
    public static String query(String sobject, List<String> fields, ObjectOffset offset, Instant startFrom,
                               int limit) {
        return query(sobject, fields, offset, startFrom, null, limit);
    }

    /** @param upTo the newest stamp to read ({@code now - lag}), or null for no upper bound */
    public static String query(String sobject, List<String> fields, ObjectOffset offset, Instant startFrom,
                               Instant upTo, int limit) {
        StringBuilder q = new StringBuilder("SELECT ").append(String.join(", ", fields)).append(" FROM ")
                .append(sobject);
        String lower = null;
        if (offset != null) {
            Instant wm = bucket(offset.systemModstamp());
            String next = literal(wm.plusMillis(1));
            lower = "SystemModstamp >= " + next;
            if (offset.lastId() != null) {
                lower = "(" + lower + " OR (SystemModstamp >= " + literal(wm) + " AND SystemModstamp < " + next
                        + " AND Id > " + Soql.quote(offset.lastId()) + "))";
            }
        } else if (startFrom != null) {
            lower = "SystemModstamp >= " + literal(bucket(startFrom));
        }
        String upper = upTo == null ? null : "SystemModstamp <= " + literal(bucket(upTo));
        if (lower != null || upper != null) {
            q.append(" WHERE ").append(lower == null ? upper : upper == null ? lower : lower + " AND " + upper);
        }
        return q.append(" ORDER BY SystemModstamp, Id LIMIT ").append(limit).toString();
    }

    public static Instant bucket(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    static String literal(Instant t) {
        return LITERAL.format(t);
    }
}
