package io.nylassf.testkit.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Generates realistic sales mailboxes from a seed: reps, companies, contacts, threads and meetings. */
public final class SandboxGenerator {
    private static final String OWN_DOMAIN = "ourco.test";
    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Imani",
            "Jonas", "Keiko", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar",
            "Vera", "Wen", "Ximena", "Yusuf", "Zoe"};
    private static final String[] LAST = {"Adams", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia",
            "Hughes", "Ivanova", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov", "Quist",
            "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zimmer"};
    private static final String[] COMPANY_A = {"Northwind", "Bluepeak", "Ironleaf", "Silverline", "Brightwater",
            "Redwood", "Stonebridge", "Clearview", "Harbor", "Summit", "Evergreen", "Lakeside", "Oakridge", "Pinecrest",
            "Riverstone", "Goldfield", "Westgate", "Crescent", "Maplewood", "Highland"};
    private static final String[] COMPANY_B = {"Traders", "Logistics", "Analytics", "Health", "Robotics", "Foods",
            "Energy", "Systems", "Labs", "Capital"};
    private static final String[] INDUSTRY = {"Retail", "Technology", "Healthcare", "Finance", "Other"};
    private static final String[] TITLES = {"VP Sales", "Head of Operations", "CTO", "Procurement Manager",
            "Director of IT", "CFO", "Product Manager", "Data Engineer", "COO", "Account Manager"};
    private static final String[] TOPICS = {"Pricing for the 2027 renewal", "Intro call follow-up", "Security review",
            "Proposal v2", "Pilot results", "Contract redlines", "Onboarding plan", "Quarterly business review",
            "Integration questions", "Budget approval", "Reference customers", "Implementation timeline"};
    private static final String[] MEETINGS = {"Discovery call", "Demo", "Technical deep dive", "Negotiation",
            "Kickoff", "QBR", "Security review", "Pilot check-in"};
    private static final String[] ZONES = {"America/New_York", "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo",
            "Europe/London"};

    private final SandboxSpec spec;
    private final Random random;
    private final Instant now;

    public SandboxGenerator(SandboxSpec spec, Instant now) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    public SandboxData generate() {
        List<SandboxData.Rep> reps = reps();
        List<SandboxData.Company> companies = companies();
        Map<String, List<Map<String, Object>>> contacts = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> messages = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> events = new LinkedHashMap<>();
        for (int r = 0; r < reps.size(); r++) {
            SandboxData.Rep rep = reps.get(r);
            List<Map<String, Object>> people = contactsFor(r, share(spec.contacts(), r, reps.size()), companies);
            contacts.put(rep.email(), people);
            messages.put(rep.email(), messagesFor(rep, people, share(spec.messages(), r, reps.size())));
            events.put(rep.email(), eventsFor(rep, people, share(spec.events(), r, reps.size())));
        }
        return new SandboxData(reps, companies, contacts, messages, events);
    }

    private static int share(int total, int index, int parts) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    private List<SandboxData.Rep> reps() {
        List<SandboxData.Rep> reps = new ArrayList<>();
        for (int i = 0; i < spec.grants(); i++) {
            String first = FIRST[(i * 7 + 3) % FIRST.length];
            String last = LAST[(i * 11 + 5) % LAST.length];
            reps.add(new SandboxData.Rep(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT)
                    + (i >= FIRST.length ? i : "") + "@" + OWN_DOMAIN, first, last));
        }
        return reps;
    }

    private List<SandboxData.Company> companies() {
        List<SandboxData.Company> out = new ArrayList<>();
        for (int i = 0; i < spec.companies(); i++) {
            String a = COMPANY_A[i % COMPANY_A.length];
            String b = COMPANY_B[(i * 3) % COMPANY_B.length];
            String suffix = i >= COMPANY_A.length ? String.valueOf(i / COMPANY_A.length) : "";
            String domain = (a + b + suffix).toLowerCase(Locale.ROOT) + ".test";
            boolean account = i < spec.accounts();
            out.add(new SandboxData.Company(a + " " + b + (suffix.isEmpty() ? "" : " " + suffix), domain,
                    INDUSTRY[(i * 3) % INDUSTRY.length], account, account && i < spec.opportunities()));
        }
        return out;
    }

    private List<Map<String, Object>> contactsFor(int rep, int n, List<SandboxData.Company> companies) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SandboxData.Company c = companies.get(random.nextInt(companies.size()));
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            // rep and index keep addresses unique across the whole sandbox
            String email = (first + "." + last + "." + rep + i).toLowerCase(Locale.ROOT) + "@" + c.domain();
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("given_name", first);
            contact.put("surname", last);
            contact.put("emails", List.of(Map.of("email", email, "type", "work")));
            contact.put("phone_numbers", List.of(Map.of("number", String.format("+1-555-%03d-%04d",
                    random.nextInt(1000), random.nextInt(10_000)), "type", "work")));
            contact.put("company_name", c.name());
            contact.put("job_title", TITLES[random.nextInt(TITLES.length)]);
            contact.put("notes", "Met through " + (random.nextBoolean() ? "a webinar" : "an inbound demo request"));
            out.add(contact);
        }
        return out;
    }

    private List<Map<String, Object>> messagesFor(SandboxData.Rep rep, List<Map<String, Object>> people, int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (people.isEmpty()) {
            return out;
        }
        long windowSeconds = spec.days() * 86_400L;
        int thread = 0;
        while (out.size() < n) {
            Map<String, Object> person = people.get(random.nextInt(people.size()));
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            String threadId = "thread-" + Integer.toHexString(rep.email().hashCode()) + "-" + thread++;
            long start = now.getEpochSecond() - 3_600 - (long) (random.nextDouble() * windowSeconds);
            int replies = 1 + random.nextInt(4);
            for (int i = 0; i < replies && out.size() < n; i++) {
                boolean fromRep = i % 2 == 0;
                Map<String, Object> from = fromRep ? participant(rep) : participant(person);
                Map<String, Object> to = fromRep ? participant(person) : participant(rep);
                long date = Math.min(now.getEpochSecond() - 60, start + i * (600L + random.nextInt(20_000)));
                String subject = (i == 0 ? "" : "Re: ") + topic;
                String text = (fromRep ? "Hi " + person.get("given_name") : "Hi " + rep.firstName())
                        + ", following up on " + topic.toLowerCase(Locale.ROOT) + ". Best, "
                        + (fromRep ? rep.firstName() : person.get("given_name"));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("thread_id", threadId);
                m.put("subject", subject);
                m.put("from", List.of(from));
                m.put("to", List.of(to));
                m.put("date", date);
                m.put("body", "<p>" + text + "</p>");
                m.put("snippet", text.length() > 100 ? text.substring(0, 100) : text);
                m.put("folders", List.of(fromRep ? "SENT" : "INBOX"));
                m.put("unread", !fromRep && random.nextInt(4) == 0);
                out.add(m);
            }
        }
        return out;
    }

    private List<Map<String, Object>> eventsFor(SandboxData.Rep rep, List<Map<String, Object>> people, int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n && !people.isEmpty(); i++) {
            Map<String, Object> guest = people.get(random.nextInt(people.size()));
            String zone = ZONES[random.nextInt(ZONES.length)];
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("title", MEETINGS[random.nextInt(MEETINGS.length)] + " with " + guest.get("company_name"));
            e.put("description", "Agenda: goals, timeline, next steps.");
            e.put("location", random.nextBoolean() ? "Video call" : "Their office");
            e.put("busy", true);
            e.put("status", "confirmed");
            e.put("organizer", Map.of("name", rep.firstName() + " " + rep.lastName(), "email", rep.email()));
            Map<String, Object> p = new LinkedHashMap<>(participant(guest));
            p.put("status", random.nextBoolean() ? "yes" : "noreply");
            e.put("participants", List.of(p));
            long dayOffset = random.nextInt(28) - 14L;
            if (i % 10 == 9) {
                LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(dayOffset);
                e.put("when", Map.of("object", "date", "date", day.toString()));
            } else {
                long start = now.truncatedTo(ChronoUnit.HOURS).getEpochSecond() + dayOffset * 86_400L
                        + random.nextInt(9) * 3_600L;
                e.put("when", Map.of("object", "timespan", "start_time", start,
                        "end_time", start + (1 + random.nextInt(2)) * 1_800L, "start_timezone", zone,
                        "end_timezone", zone));
            }
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> participant(SandboxData.Rep rep) {
        return Map.of("name", rep.firstName() + " " + rep.lastName(), "email", rep.email());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> participant(Map<String, Object> contact) {
        String email = (String) ((List<Map<String, Object>>) contact.get("emails")).get(0).get("email");
        return Map.of("name", contact.get("given_name") + " " + contact.get("surname"), "email", email);
    }
}
