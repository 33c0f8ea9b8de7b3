package io.nylassf.connect.sink.salesforce.mapping;

import io.nylassf.connect.sink.salesforce.record.NylasContact;
import io.nylassf.connect.sink.salesforce.record.NylasContact.Typed;
import io.nylassf.connect.sink.salesforce.record.NylasEvent;
import io.nylassf.connect.sink.salesforce.record.NylasAttachment;
import io.nylassf.connect.sink.salesforce.record.NylasMessage;
import io.nylassf.connect.sink.salesforce.record.Participant;
import io.nylassf.connect.sink.record.RecordDecodeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every mapping rule, one test each. */
class MappingRulesTest {
    static final Instant T = Instant.parse("2026-03-10T15:30:00Z");

    static NylasContact contact(String given, String surname, String company, List<Typed> emails) {
        return new NylasContact("g", "c1", false, T, given, null, surname, null, emails,
                List.of(new Typed("+1 555 0100", "mobile"), new Typed("+1 555 0101", "work")), null, company,
                "CTO", null, null, null, null);
    }

    static final ContactMapper CONTACTS = new ContactMapper(FieldMapping.of(FieldMapping.CONTACT_DEFAULTS, List.of()),
            FieldMapping.of(FieldMapping.LEAD_DEFAULTS, List.of()));

    @Nested
    class Domains {
        @Test
        void normalisedFromUrlsDomainsAndEmails() {
            assertEquals("acme.com", DomainNormalizer.normalize("https://WWW.Acme.com/about?x=1"));
            assertEquals("acme.com", DomainNormalizer.normalize("acme.com."));
            assertEquals("acme.com", DomainNormalizer.normalize("www.acme.com:8443"));
            assertEquals("eu.acme.com", DomainNormalizer.ofEmail("Ann@EU.Acme.com"));
            assertNull(DomainNormalizer.normalize("localhost"));
            assertNull(DomainNormalizer.ofEmail("not-an-email"));
        }
    }

    @Nested
    class Contacts {
        @Test
        void primaryEmailIsDeterministicWorkFirst() {
            NylasContact c = contact("A", "B", null, List.of(new Typed("home@x.com", "home"),
                    new Typed("other@x.com", null), new Typed("work@acme.com", "work")));
            assertEquals("work@acme.com", ContactMapper.primaryEmail(c));
            NylasContact noWork = contact("A", "B", null, List.of(new Typed("home@x.com", "home"),
                    new Typed("first@x.com", "other"), new Typed("second@x.com", "other")));
            assertEquals("first@x.com", ContactMapper.primaryEmail(noWork));
        }

        @Test
        void defaultFieldsFromTheSeedTable() {
            Map<String, Object> f = CONTACTS.fields(contact("Leyah", "Miller", "Nylas",
                    List.of(new Typed("leyah@nylas.com", "work"))), "Contact");
            assertEquals("Leyah", f.get("FirstName"));
            assertEquals("Miller", f.get("LastName"));
            assertEquals("leyah@nylas.com", f.get("Email"));
            assertEquals("+1 555 0101", f.get("Phone"));
            assertEquals("+1 555 0100", f.get("MobilePhone"));
            assertEquals("CTO", f.get("Title"));
            assertFalse(f.containsKey("Company"), "Contacts link to Accounts, they have no Company");
        }

        @Test
        void lastNameFallsBackToTheEmailLocalPart() {
            Map<String, Object> f = CONTACTS.fields(contact(null, null, null,
                    List.of(new Typed("sales@acme.com", null))), "Contact");
            assertEquals("sales", f.get("LastName"));
            Map<String, Object> noEmail = CONTACTS.fields(contact("Prince", null, null, List.of()), "Contact");
            assertEquals("Prince", noEmail.get("LastName"));
        }

        @Test
        void leadCompanyFallsBackToCompanyNameThenDomain() {
            assertEquals("Nylas", CONTACTS.fields(contact("A", "B", "Nylas",
                    List.of(new Typed("a@acme.com", null))), "Lead").get("Company"));
            assertEquals("acme.com", CONTACTS.fields(contact("A", "B", null,
                    List.of(new Typed("a@www.acme.com", null))), "Lead").get("Company"));
            assertEquals(ContactMapper.UNKNOWN_COMPANY, CONTACTS.fields(contact("A", "B", null, List.of()), "Lead")
                    .get("Company"));
        }

        @Test
        void standardFieldsAreTruncatedToTheirLength() {
            String longName = "x".repeat(100);
            Map<String, Object> f = CONTACTS.fields(contact(longName, longName, null, List.of()), "Contact");
            assertEquals(40, f.get("FirstName").toString().length());
            assertEquals(80, f.get("LastName").toString().length());
        }

        @Test
        void mappingsAreConfigurableIncludingCustomFields() {
            FieldMapping m = FieldMapping.of(FieldMapping.CONTACT_DEFAULTS,
                    List.of("job_title=Job_Title__c", "notes=", "manager_name=Manager__c"));
            ContactMapper mapper = new ContactMapper(m, m);
            NylasContact c = new NylasContact("g", "c1", false, T, "A", null, "B", null, List.of(), List.of(), null,
                    null, "CTO", "Boss", null, "secret notes", null);
            Map<String, Object> f = mapper.fields(c, "Contact");
            assertEquals("CTO", f.get("Job_Title__c"));
            assertEquals("Boss", f.get("Manager__c"));
            assertFalse(f.containsKey("Title"));
            assertFalse(f.containsKey("Description"));
            assertThrows(IllegalArgumentException.class, () -> FieldMapping.parse("Bad Entry"));
        }
    }

    @Nested
    class Routing {
        @Test
        void accountDomainRule() {
            PersonRouter r = new PersonRouter(PersonRouter.Rule.ACCOUNT_DOMAIN, false);
            assertEquals(new PersonRouter.Route("Contact", "001A", false), r.route("acme.com", "001A", true));
            assertEquals(new PersonRouter.Route("Lead", null, false), r.route("other.com", null, true));
            PersonRouter creating = new PersonRouter(PersonRouter.Rule.ACCOUNT_DOMAIN, true);
            assertEquals(new PersonRouter.Route("Contact", null, true), creating.route("other.com", null, true));
            assertEquals(new PersonRouter.Route("Lead", null, false), creating.route("gmail.com", null, false));
        }

        @Test
        void fixedRules() {
            assertEquals("Lead", new PersonRouter(PersonRouter.Rule.LEAD, true).route("acme.com", "001A", true).sobject());
            assertEquals("Contact", new PersonRouter(PersonRouter.Rule.CONTACT, false).route("x.com", null, true).sobject());
            assertTrue(FreeMailDomains.isFreeMail("gmail.com"));
        }
    }

    @Nested
    class Messages {
        final MessageToTaskMapper mapper = new MessageToTaskMapper(FieldMapping.of(FieldMapping.TASK_DEFAULTS,
                List.of()), ZoneId.of("America/Los_Angeles"), Set.of("mycorp.com"));

        NylasMessage message(String subject, String body) {
            return new NylasMessage("g", "m1", false, T, "t1", subject,
                    List.of(new Participant("Me", "me@mycorp.com", null)),
                    List.of(new Participant("Ann Lee", "Ann@Acme.com", null), new Participant(null, "me@mycorp.com", null)),
                    List.of(new Participant(null, "bob@beta.io", null)), List.of(), Instant.parse("2026-03-11T02:00:00Z"),
                    "snip", body, Map.of(), Map.of("Message-ID", "<x@y>"), List.of("INBOX"), List.of());
        }

        @Test
        void completedEmailTask() {
            Map<String, Object> t = mapper.task(message("Q3 proposal", "<p>Hello&nbsp;<b>Ann</b></p><p>Bye</p>"),
                    "003X", "001Y");
            assertEquals("Q3 proposal", t.get("Subject"));
            assertEquals("Hello Ann\nBye", t.get("Description"));
            assertEquals("Completed", t.get("Status"));
            assertEquals("Email", t.get("TaskSubtype"));
            assertEquals("003X", t.get("WhoId"));
            assertEquals("001Y", t.get("WhatId"));
            assertEquals("2026-03-10", t.get("ActivityDate"), "the date in the configured zone");
        }

        @Test
        void subjectAndDescriptionAreTruncated() {
            Map<String, Object> t = mapper.task(message("s".repeat(400), "b".repeat(40_000)), null, null);
            assertEquals(255, t.get("Subject").toString().length());
            assertEquals(32_000, t.get("Description").toString().length());
            assertEquals(MessageToTaskMapper.NO_SUBJECT, mapper.task(message(null, null), null, null).get("Subject"));
            assertEquals("snip", mapper.task(message(null, null), null, null).get("Description"));
        }

        @Test
        void theDescriptionListsTheAttachmentsNamesAndSizes() {
            NylasMessage plain = message("Quote", "<p>See attached</p>");
            NylasMessage m = new NylasMessage(plain.grantId(), plain.id(), false, plain.modifiedAt(), plain.threadId(),
                    plain.subject(), plain.from(), plain.to(), plain.cc(), plain.bcc(), plain.date(), plain.snippet(),
                    "b".repeat(40_000), plain.metadata(), plain.headers(), plain.folders(), List.of(
                    new NylasAttachment("a1", "quote.pdf", "application/pdf", 20_480L, false),
                    new NylasAttachment("a2", "logo.png", "image/png", 900L, true)));
            String d = mapper.task(m, null, null).get("Description").toString();
            assertEquals(32_000, d.length(), "the body is cut to make room");
            assertTrue(d.endsWith("…\n\nAttachments:\n- quote.pdf (20 KB)"), d.substring(d.length() - 50));
        }

        @Test
        void counterpartsExcludeInternalDomainsInOrder() {
            assertEquals(List.of("ann@acme.com", "bob@beta.io"), mapper.counterpartEmails(message("x", null)));
        }

        @Test
        void htmlToTextDropsScriptsAndStyles() {
            assertEquals("a < b & c", MessageToTaskMapper.htmlToText(
                    "<style>p{}</style><script>alert(1)</script>a &lt; b &amp; c"));
        }

        @Test
        void emailMessageMode() {
            Map<String, Object> e = mapper.emailMessage(message("Hi", "<p>x</p>"), "001Y");
            assertEquals("me@mycorp.com", e.get("FromAddress"));
            assertEquals(false, e.get("Incoming"));
            assertEquals("ann@acme.com; me@mycorp.com", e.get("ToAddress"));
            assertEquals("<x@y>", e.get("MessageIdentifier"));
            assertEquals("3", e.get("Status"));
            assertEquals("001Y", e.get("RelatedToId"));
        }
    }

    @Nested
    class Events {
        NylasEvent event(NylasEvent.When when, String status) {
            return new NylasEvent("g", "e1", false, T, "cal", "Demo", "Agenda", "Room 1", status, false,
                    new Participant(null, "me@mycorp.com", null), List.of(new Participant(null, "ann@acme.com", "yes")),
                    when, Map.of(), null, null);
        }

        @Test
        void timespanKeepsInstantsWhateverTheZone() {
            Instant s = Instant.parse("2026-03-10T17:00:00Z");
            Instant e = Instant.parse("2026-03-10T18:30:00Z");
            Map<String, Object> f = new EventMapper(FieldMapping.of(FieldMapping.EVENT_DEFAULTS, List.of())).event(
                    event(new NylasEvent.When("timespan", s, e, "America/New_York", "Europe/Paris", null, null), null),
                    "003X", null);
            assertEquals("2026-03-10T17:00:00Z", f.get("StartDateTime"));
            assertEquals("2026-03-10T18:30:00Z", f.get("EndDateTime"));
            assertEquals(false, f.get("IsAllDayEvent"));
            assertEquals("Demo", f.get("Subject"));
            assertEquals("Room 1", f.get("Location"));
            assertEquals("Free", f.get("ShowAs"));
            assertEquals("003X", f.get("WhoId"));
        }

        @Test
        void everyWhenVariant() {
            Instant t = Instant.parse("2026-03-10T09:00:00Z");
            EventMapper.Times time = EventMapper.times(new NylasEvent.When("time", t, t, "UTC", "UTC", null, null));
            assertEquals(t, time.start());
            assertEquals(t, time.end());
            EventMapper.Times date = EventMapper.times(new NylasEvent.When("date", null, null, null, null,
                    LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-10")));
            assertTrue(date.allDay());
            assertEquals(Instant.parse("2026-03-10T00:00:00Z"), date.start());
            assertEquals(LocalDate.parse("2026-03-10"), date.activityDate());
            // Nylas passes the providers' convention on: a datespan's end_date is the day after the last day
            EventMapper.Times span = EventMapper.times(new NylasEvent.When("datespan", null, null, null, null,
                    LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-12")));
            assertEquals(Instant.parse("2026-03-11T00:00:00Z"), span.end(), "10 and 11 March");
            EventMapper.Times oneDay = EventMapper.times(new NylasEvent.When("datespan", null, null, null, null,
                    LocalDate.parse("2026-07-11"), LocalDate.parse("2026-07-12")));
            assertEquals(oneDay.start(), oneDay.end(), "one all-day event on 11 July, as Google and Microsoft give it");
            assertEquals(LocalDate.parse("2026-07-11"), oneDay.activityDate());
            EventMapper.Times backwards = EventMapper.times(new NylasEvent.When("timespan", t, t.minusSeconds(60),
                    null, null, null, null));
            assertEquals(t, backwards.end());
            assertThrows(RecordDecodeException.class, () -> EventMapper.times(null));
        }

        @Test
        void attendeesExcludeInternalAndIncludeTheOrganizerLast() {
            assertEquals(List.of("ann@acme.com"), EventMapper.attendeeEmails(event(null, null), Set.of("mycorp.com")));
            assertEquals(List.of("ann@acme.com", "me@mycorp.com"), EventMapper.attendeeEmails(event(null, null), Set.of()));
        }

        @Test
        void cancellationMarksOnce() {
            assertEquals("Cancelled: Demo", EventMapper.cancellation("Demo").get("Subject"));
            assertFalse(EventMapper.cancellation("Cancelled: Demo").containsKey("Subject"));
        }
    }
}
