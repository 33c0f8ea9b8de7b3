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
 *  WHERE SystemModstamp &gt;= :wm+1ms OR (SystemModstamp &gt;= :wm AND SystemModstamp &lt; :wm+1ms AND Id &gt; :lastId)
 *  ORDER BY SystemModstamp, Id LIMIT n
 * </pre>
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
        StringBuilder q = new StringBuilder("SELECT ").append(String.join(", ", fields)).append(" FROM ")
                .append(sobject);
        if (offset != null) {
            Instant wm = bucket(offset.systemModstamp());
            String next = literal(wm.plusMillis(1));
            q.append(" WHERE SystemModstamp >= ").append(next);
            if (offset.lastId() != null) {
                q.append(" OR (SystemModstamp >= ").append(literal(wm)).append(" AND SystemModstamp < ").append(next)
                        .append(" AND Id > ").append(Soql.quote(offset.lastId())).append(')');
            }
        } else if (startFrom != null) {
            q.append(" WHERE SystemModstamp >= ").append(literal(bucket(startFrom)));
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
