package io.nylassf.connect.sink.salesforce.record;

import io.nylassf.connect.sink.record.Fields;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A file on a Nylas message as the record lists it ({@code attachments[]} of {@code NylasSchemas.MESSAGE}). */
public record NylasAttachment(String id, String filename, String contentType, Long size, boolean inline) {
    /** The external ID field's length. */
    static final int KEY_MAX = 255;

    /** The attachments of a message record's value; entries without an id are left out. */
    public static List<NylasAttachment> of(Fields v) {
        List<NylasAttachment> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (Fields a : v.list("attachments")) {
            String id = a.str("id");
            if (id != null && !id.isBlank()) {
                Object size = a.raw("size");
                out.add(new NylasAttachment(id, a.str("filename"), a.str("content_type"),
                        size instanceof Number n ? n.longValue() : null, Boolean.TRUE.equals(a.bool("is_inline"))));
            }
        }
        return out;
    }

    /**
     * The value of the ContentVersion external ID: {@code <message id>/<attachment id>} (attachment ids are only
     * promised unique within their message), or its SHA-256 when that is over 255 characters.
     */
    public String key(String messageId) {
        String k = messageId + "/" + id;
        if (k.length() <= KEY_MAX) {
            return k;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(k.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name shown in Salesforce: the file name, else the id. */
    public String title() {
        return filename == null || filename.isBlank() ? "attachment-" + id : filename;
    }
}
