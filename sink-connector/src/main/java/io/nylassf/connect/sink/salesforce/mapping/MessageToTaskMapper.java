package io.nylassf.connect.sink.salesforce.mapping;

import io.nylassf.connect.sink.salesforce.files.AttachmentListing;
import io.nylassf.connect.sink.salesforce.record.NylasMessage;
import io.nylassf.connect.sink.salesforce.record.Participant;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Nylas message → a completed email Task, or an EmailMessage for orgs with Enhanced Email (pure). */
public final class MessageToTaskMapper {
    public static final int SUBJECT_MAX = 255;
    public static final int DESCRIPTION_MAX = 32_000;
    public static final String NO_SUBJECT = "(no subject)";
    /** Fields Salesforce accepts on Task creation only. */
    public static final Set<String> TASK_CREATE_ONLY = Set.of("TaskSubtype");

    private static final Pattern BLOCKS = Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1>");
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>|</h[1-6]>");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n([ \\t]*\\n)+");

    private final FieldMapping mapping;
    private final ZoneId zone;
    private final Set<String> internalDomains;

    public MessageToTaskMapper(FieldMapping mapping, ZoneId zone, Set<String> internalDomains) {
        this.mapping = mapping;
        this.zone = zone;
        this.internalDomains = Set.copyOf(internalDomains);
    }

    public FieldMapping mapping() {
        return mapping;
    }

    /**
     * The people the message was exchanged with, in order (from, to, cc, bcc), without duplicates and without
     * the organisation's own domains: candidates for {@code WhoId}.
     */
    public List<String> counterpartEmails(NylasMessage m) {
        Set<String> out = new LinkedHashSet<>();
        for (List<Participant> list : List.of(m.from(), m.to(), m.cc(), m.bcc())) {
            for (Participant p : list) {
                if (p.email() != null && !isInternal(p.email())) {
                    out.add(p.email());
                }
            }
        }
        return new ArrayList<>(out);
    }

    public boolean isInternal(String email) {
        String d = DomainNormalizer.ofEmail(email);
        return d != null && internalDomains.contains(d);
    }

    /** The name shown on a participant with this email, if any. */
    public static String nameOf(NylasMessage m, String email) {
        for (List<Participant> list : List.of(m.from(), m.to(), m.cc(), m.bcc())) {
            for (Participant p : list) {
                if (email.equals(p.email()) && p.name() != null) {
                    return p.name();
                }
            }
        }
        return null;
    }

    /** Task fields: Subject ≤255, Description ≤32,000 (body as text, else snippet), Completed email activity. */
    public Map<String, Object> task(NylasMessage m, String whoId, String whatId) {
        return task(m, whoId, whatId, zone);
    }

    /**
     * Like {@link #task(NylasMessage, String, String)}, with {@code ActivityDate} the message's date in
     * {@code ownerZone} (the owner's {@code TimeZoneSidKey}), or in the configured zone when null.
     */
    public Map<String, Object> task(NylasMessage m, String whoId, String whatId, ZoneId ownerZone) {
        ZoneId zone = ownerZone == null ? this.zone : ownerZone;
        Map<String, String> attrs = new LinkedHashMap<>(m.attributes());
        attrs.put("body", description(m));
        Map<String, Object> out = mapping.apply("Task", attrs);
        out.putIfAbsent("Subject", NO_SUBJECT);
        out.put("Subject", FieldLimits.truncate(out.get("Subject").toString(), SUBJECT_MAX));
        out.put("Status", "Completed");
        out.put("TaskSubtype", "Email");
        out.put("Type", "Email");
        if (m.date() != null) {
            out.put("ActivityDate", SfValues.date(m.date().atZone(zone).toLocalDate()));
        }
        if (whoId != null) {
            out.put("WhoId", whoId);
        }
        if (whatId != null) {
            out.put("WhatId", whatId);
        }
        return out;
    }

    /** EmailMessage fields (Enhanced Email): addresses, bodies, date, direction, sent status. */
    public Map<String, Object> emailMessage(NylasMessage m, String relatedToId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Subject", FieldLimits.truncate("EmailMessage", "Subject", m.subject() == null ? NO_SUBJECT : m.subject()));
        if (m.body() != null) {
            out.put("HtmlBody", FieldLimits.truncate("EmailMessage", "HtmlBody", m.body()));
            out.put("TextBody", FieldLimits.truncate("EmailMessage", "TextBody", htmlToText(m.body())));
        } else if (m.snippet() != null) {
            out.put("TextBody", m.snippet());
        }
        if (!m.from().isEmpty()) {
            out.put("FromAddress", m.from().get(0).email());
            if (m.from().get(0).name() != null) {
                out.put("FromName", FieldLimits.truncate("EmailMessage", "FromName", m.from().get(0).name()));
            }
            out.put("Incoming", !isInternal(m.from().get(0).email()));
        }
        putAddresses(out, "ToAddress", m.to());
        putAddresses(out, "CcAddress", m.cc());
        putAddresses(out, "BccAddress", m.bcc());
        if (m.date() != null) {
            out.put("MessageDate", SfValues.dateTime(m.date()));
        }
        out.put("Status", "3");
        if (m.threadId() != null) {
            out.put("ThreadIdentifier", FieldLimits.truncate("EmailMessage", "ThreadIdentifier", m.threadId()));
        }
        m.headers().forEach((k, v) -> {
            if ("Message-ID".equalsIgnoreCase(k) && v != null) {
                out.put("MessageIdentifier", FieldLimits.truncate("EmailMessage", "MessageIdentifier", v));
            }
        });
        if (relatedToId != null) {
            out.put("RelatedToId", relatedToId);
        }
        return out;
    }

    private static void putAddresses(Map<String, Object> out, String field, List<Participant> people) {
        String joined = people.stream().map(Participant::email).filter(e -> e != null).collect(Collectors.joining("; "));
        if (!joined.isEmpty()) {
            out.put(field, FieldLimits.truncate("EmailMessage", field, joined));
        }
    }

    /** The body as text (else the snippet), then the attachments' names and sizes, within 32,000 characters. */
    static String description(NylasMessage m) {
        String text = m.body() != null ? htmlToText(m.body()) : m.snippet();
        text = text == null || text.isBlank() ? null : FieldLimits.truncate(text, DESCRIPTION_MAX);
        return AttachmentListing.append(text, m.attachments(), DESCRIPTION_MAX);
    }

    /** A readable plain-text rendering of an HTML body: no scripts or styles, line breaks kept, entities decoded. */
    public static String htmlToText(String html) {
        if (html == null) {
            return null;
        }
        String s = BLOCKS.matcher(html).replaceAll("");
        s = BREAKS.matcher(s).replaceAll("\n");
        s = TAGS.matcher(s).replaceAll("");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        s = s.replace("\r\n", "\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }
}
