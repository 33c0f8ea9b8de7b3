package io.nylassf.connect.common.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reason tag of a dead letter: a short, bounded name an alert can select on, not the whole message. A Salesforce
 * status code in the message ({@code DUPLICATES_DETECTED}, {@code FIELD_CUSTOM_VALIDATION_EXCEPTION}) is the reason;
 * otherwise the kind of the failure.
 */
public final class DeadLetterReasons {
    private static final Pattern STATUS_CODE = Pattern.compile("\\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\\b");

    private DeadLetterReasons() {
    }

    /** The reason of a dead letter described by a message (a Salesforce error, a decoding failure). */
    public static String of(String message) {
        if (message == null) {
            return "unknown";
        }
        Matcher m = STATUS_CODE.matcher(message);
        return m.find() ? m.group(1).toLowerCase() : "invalid-record";
    }

    /** The reason of a dead letter that failed with {@code failure}. */
    public static String of(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        return switch (name) {
            case "NotAuthorizedException" -> "not-authorized";
            case "RecordDecodeException", "DataException" -> "invalid-record";
            default -> {
                String fromMessage = of(failure.getMessage());
                yield "invalid-record".equals(fromMessage) ? kebab(name.replace("Exception", "")) : fromMessage;
            }
        };
    }

    private static String kebab(String camel) {
        return camel.isEmpty() ? "error" : camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
