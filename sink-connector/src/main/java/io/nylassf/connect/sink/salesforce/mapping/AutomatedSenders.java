package io.nylassf.connect.sink.salesforce.mapping;

import io.nylassf.connect.sink.salesforce.record.NylasMessage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells mail that no person wrote (pure): newsletters and mailing lists ({@code List-Unsubscribe}, RFC 2369, or
 * {@code List-Id}), auto-replies and robots ({@code Auto-Submitted} other than {@code no}, RFC 3834;
 * {@code Precedence: bulk|list|junk}) and addresses whose local part matches one of the configured patterns
 * (no-reply, mailer-daemon, notifications...). Such a sender never becomes a Lead.
 */
public final class AutomatedSenders {
    /** The default patterns, matched case-insensitively anywhere in an address's local part. */
    public static final List<String> DEFAULT_PATTERNS = List.of("no-?reply", "do-?not-?reply", "mailer-daemon",
            "postmaster", "notifications?", "bounces?", "newsletters?");

    private static final Pattern BULK_PRECEDENCE = Pattern.compile("(?i)\\s*(bulk|list|junk)\\s*");

    private final Pattern address;

    public AutomatedSenders(List<String> patterns) {
        this.address = patterns.isEmpty() ? null : Pattern.compile(patterns.stream().map(p -> "(?:" + p + ")")
                .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE);
    }

    /** Whether the message's headers say a machine or a list sent it. */
    public static boolean bulkHeaders(Map<String, String> headers) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            String value = h.getValue() == null ? "" : h.getValue();
            if (name.equals("list-unsubscribe") || name.equals("list-id")) {
                return true;
            }
            if (name.equals("auto-submitted") && !value.isBlank() && !value.trim().equalsIgnoreCase("no")) {
                return true;
            }
            if (name.equals("precedence") && BULK_PRECEDENCE.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the address's local part matches a configured pattern. */
    public boolean automatedAddress(String email) {
        if (address == null || email == null) {
            return false;
        }
        int at = email.indexOf('@');
        return address.matcher(at < 0 ? email : email.substring(0, at)).find();
    }

    /** Whether a Lead may be made for {@code email} from this message: a person, not a machine or a list. */
    public boolean automated(NylasMessage m, String email) {
        return bulkHeaders(m.headers()) || automatedAddress(email);
    }
}
