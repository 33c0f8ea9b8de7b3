package io.nylassf.connect.sink.salesforce.files;

import io.nylassf.connect.sink.salesforce.record.NylasAttachment;

import java.util.List;
import java.util.Locale;

/**
 * Which attachments become Salesforce Files (pure): not inline images (signature logos, unless asked for), not
 * over the size cap, and of an allowed content type ({@code type/subtype}, {@code type/*}, a prefix ending in
 * {@code *}, or {@code *} for any). A file's listed size is checked first and its downloaded size again, since
 * Nylas says the listed size may differ from the file's.
 */
public record AttachmentRules(long maxBytes, List<String> contentTypes, boolean includeInline) {
    /** Why an attachment is not copied; {@code null} decisions mean "copy it". */
    public enum Skip {
        INLINE("inline"), TOO_LARGE("too-large"), CONTENT_TYPE("content-type"), NOT_FOUND("not-found"),
        BUDGET("budget"), REJECTED("rejected");

        private final String tag;

        Skip(String tag) {
            this.tag = tag;
        }

        /** The metric tag ({@code attachments-skipped-total{reason=...}}). */
        public String tag() {
            return tag;
        }
    }

    public AttachmentRules {
        contentTypes = contentTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                .toList();
    }

    /** Why {@code a} is not copied, judged on its metadata; null when it is. */
    public Skip judge(NylasAttachment a) {
        if (a.inline() && !includeInline) {
            return Skip.INLINE;
        }
        if (a.size() != null && a.size() > maxBytes) {
            return Skip.TOO_LARGE;
        }
        return allowed(a.contentType()) ? null : Skip.CONTENT_TYPE;
    }

    /** Whether downloaded content of this length may be copied. */
    public boolean fits(long length) {
        return length <= maxBytes;
    }

    boolean allowed(String contentType) {
        if (contentType == null) {
            return contentTypes.contains("*");
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        t = (semi < 0 ? t : t.substring(0, semi)).trim();
        for (String allowed : contentTypes) {
            if (allowed.equals(t) || allowed.endsWith("*") && t.startsWith(allowed.substring(0, allowed.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
