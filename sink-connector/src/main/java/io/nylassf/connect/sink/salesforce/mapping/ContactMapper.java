package io.nylassf.connect.sink.salesforce.mapping;

import io.nylassf.connect.sink.salesforce.record.NylasContact;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Nylas contact → Contact or Lead fields (pure). */
public final class ContactMapper {
    /** Salesforce's own placeholder when a Lead's company is unknown. */
    public static final String UNKNOWN_COMPANY = "[not provided]";

    private final FieldMapping contactMapping;
    private final FieldMapping leadMapping;

    public ContactMapper(FieldMapping contactMapping, FieldMapping leadMapping) {
        this.contactMapping = contactMapping;
        this.leadMapping = leadMapping;
    }

    public FieldMapping mapping(String sobject) {
        return "Lead".equals(sobject) ? leadMapping : contactMapping;
    }

    /**
     * The primary email, chosen deterministically: work addresses first, then untyped or other, then home or
     * personal; within a rank, the order Nylas gave. Null when the contact has none.
     */
    public static String primaryEmail(NylasContact c) {
        return c.emails().stream().filter(e -> e.value().contains("@"))
                .min(Comparator.comparingInt(e -> rank(e.type()))).map(NylasContact.Typed::value).orElse(null);
    }

    private static int rank(String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "work" -> 0;
            case "home", "personal" -> 2;
            default -> 1;
        };
    }

    /** Work phone first, then any other non-mobile number. */
    public static String primaryPhone(NylasContact c) {
        List<NylasContact.Typed> phones = c.phones();
        return phones.stream().filter(p -> !"mobile".equalsIgnoreCase(p.type()))
                .min(Comparator.comparingInt(p -> "work".equalsIgnoreCase(p.type()) ? 0 : 1))
                .map(NylasContact.Typed::value).orElse(null);
    }

    public static String mobilePhone(NylasContact c) {
        return c.phones().stream().filter(p -> "mobile".equalsIgnoreCase(p.type())).findFirst()
                .map(NylasContact.Typed::value).orElse(null);
    }

    /**
     * The fields of the Contact or Lead. {@code LastName} falls back to the email's local part (then the given
     * name, then "Unknown"); a Lead's {@code Company} falls back to {@code company_name}, then the email domain.
     */
    public Map<String, Object> fields(NylasContact c, String sobject) {
        Map<String, String> attrs = new LinkedHashMap<>(c.attributes());
        String email = primaryEmail(c);
        attrs.put("email", email);
        attrs.put("phone", primaryPhone(c));
        attrs.put("mobile_phone", mobilePhone(c));
        Map<String, Object> out = mapping(sobject).apply(sobject, attrs);
        if (blank(out.get("LastName"))) {
            String last = DomainNormalizer.localPart(email);
            if (last == null) {
                last = c.givenName() != null ? c.givenName() : c.nickname() != null ? c.nickname() : "Unknown";
            }
            out.put("LastName", FieldLimits.truncate(sobject, "LastName", last));
        }
        if ("Lead".equals(sobject) && blank(out.get("Company"))) {
            String company = c.companyName() != null && !c.companyName().isBlank() ? c.companyName()
                    : DomainNormalizer.ofEmail(email);
            out.put("Company", FieldLimits.truncate(sobject, "Company", company == null ? UNKNOWN_COMPANY : company));
        }
        return out;
    }

    static boolean blank(Object v) {
        return v == null || v.toString().isBlank();
    }
}
