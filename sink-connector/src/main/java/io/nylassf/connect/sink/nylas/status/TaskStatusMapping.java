package io.nylassf.connect.sink.nylas.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a send's outcome writes on its Task (pure). A field name that is null is not written (its setting is empty).
 * <ul>
 *   <li>Sent: {@code Status = Completed}, the message id field, the send time, status {@value #SENT}, the error
 *   cleared.</li>
 *   <li>Failed for good: status {@value #FAILED} ({@value #REFUSED} when not authorized) and the reason, cut to 255
 *   characters; the Task's own Status is left alone, so it stays open for the rep.</li>
 * </ul>
 */
public final class TaskStatusMapping {
    public static final String SENT = "Sent";
    public static final String FAILED = "Failed";
    public static final String REFUSED = "Refused";
    public static final int ERROR_LENGTH = 255;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** One Task's fields to write; {@code fields} values may be null (clears the field). */
    public record Update(String taskId, Map<String, Object> fields) {
    }

    private final String messageIdField;
    private final String sentAtField;
    private final String statusField;
    private final String errorField;

    public TaskStatusMapping(String messageIdField, String sentAtField, String statusField, String errorField) {
        this.messageIdField = messageIdField;
        this.sentAtField = sentAtField;
        this.statusField = statusField;
        this.errorField = errorField;
    }

    public Update sent(String taskId, String messageId, Instant sentAt) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Status", "Completed");
        put(f, messageIdField, messageId);
        put(f, sentAtField, sentAt == null ? null : DATE_TIME.format(sentAt));
        put(f, statusField, SENT);
        put(f, errorField, null);
        return new Update(taskId, f);
    }

    /** Null when no field would be written (both the status and the error field are off). */
    public Update failed(String taskId, String reason, boolean notAuthorized) {
        if (statusField == null && errorField == null) {
            return null;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        put(f, statusField, notAuthorized ? REFUSED : FAILED);
        put(f, errorField, cut(reason));
        return new Update(taskId, f);
    }

    /** A later update of the same Task wins field by field; a success always wins over a failure. */
    static Update merge(Update older, Update newer) {
        if (older == null) {
            return newer;
        }
        boolean olderSent = "Completed".equals(older.fields().get("Status"));
        boolean newerSent = "Completed".equals(newer.fields().get("Status"));
        if (olderSent && !newerSent) {
            return older;
        }
        Map<String, Object> f = new LinkedHashMap<>(older.fields());
        f.putAll(newer.fields());
        return new Update(newer.taskId(), f);
    }

    static String cut(String reason) {
        if (reason == null) {
            return null;
        }
        String oneLine = reason.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= ERROR_LENGTH ? oneLine : oneLine.substring(0, ERROR_LENGTH - 1) + "…";
    }

    private static void put(Map<String, Object> f, String field, Object value) {
        if (field != null) {
            f.put(field, value);
        }
    }
}
