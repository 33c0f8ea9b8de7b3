package io.nylassf.connect.sink.salesforce.files;

import io.nylassf.connect.sink.salesforce.mapping.FieldLimits;
import io.nylassf.connect.sink.salesforce.record.NylasAttachment;

import java.util.List;
import java.util.Locale;

/**
 * The attachments a message carried, as a few lines of text for the activity's description (pure): the file
 * names and sizes a rep sees on the Task whether or not the files themselves are copied. Inline images (logos,
 * signatures) are left out; a long list is cut after {@value #MAX_LINES} files.
 */
public final class AttachmentListing {
    static final int MAX_LINES = 50;
    static final String HEADING = "Attachments:";

    private AttachmentListing() {
    }

    /** {@code "Attachments:\n- quote.pdf (12 KB)\n..."}, or null when there is nothing to list. */
    public static String of(List<NylasAttachment> attachments) {
        List<NylasAttachment> files = attachments.stream().filter(a -> !a.inline()).toList();
        if (files.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder(HEADING);
        for (int k = 0; k < files.size() && k < MAX_LINES; k++) {
            NylasAttachment a = files.get(k);
            s.append("\n- ").append(a.title().strip());
            if (a.size() != null) {
                s.append(" (").append(size(a.size())).append(')');
            }
        }
        if (files.size() > MAX_LINES) {
            s.append("\n- … and ").append(files.size() - MAX_LINES).append(" more");
        }
        return s.toString();
    }

    /** {@code text} and the listing, within {@code max} characters: the text is cut, never the listing. */
    public static String append(String text, List<NylasAttachment> attachments, int max) {
        String listing = of(attachments);
        if (listing == null) {
            return text;
        }
        if (listing.length() >= max) {
            return listing.substring(0, max - 1) + "…";
        }
        if (text == null || text.isBlank()) {
            return listing;
        }
        String sep = "\n\n";
        int room = max - listing.length() - sep.length();
        String body = room < 2 ? "…" : FieldLimits.truncate(text, room);
        return body + sep + listing;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
