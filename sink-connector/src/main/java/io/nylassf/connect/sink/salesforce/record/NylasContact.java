package io.nylassf.connect.sink.salesforce.record;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Nylas contact as the sink reads it. */
public record NylasContact(String grantId, String id, boolean deleted, Instant modifiedAt, String givenName,
                           String middleName, String surname, String nickname, List<Typed> emails,
                           List<Typed> phones, Address address, String companyName, String jobTitle,
                           String managerName, String officeLocation, String notes, String birthday)
        implements NylasRecord {

    /** An email or phone number with its type (work, home, mobile...). */
    public record Typed(String value, String type) {
    }

    public record Address(String street, String city, String state, String postalCode, String country) {
    }

    public NylasContact {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("grant_id", grantId);
        m.put("given_name", givenName);
        m.put("middle_name", middleName);
        m.put("surname", surname);
        m.put("nickname", nickname);
        m.put("company_name", companyName);
        m.put("job_title", jobTitle);
        m.put("manager_name", managerName);
        m.put("office_location", officeLocation);
        m.put("notes", notes);
        m.put("birthday", birthday);
        if (address != null) {
            m.put("street_address", address.street());
            m.put("city", address.city());
            m.put("state", address.state());
            m.put("postal_code", address.postalCode());
            m.put("country", address.country());
        }
        return m;
    }
}
