package io.nylassf.connect.source.salesforce.read;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.salesforce.CompositeSubrequest;
import io.nylassf.connect.common.salesforce.CompositeSubresponse;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.source.salesforce.mapping.ChangeRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the next window of several objects at once: their {@code queryAll} statements travel as subrequests of one
 * Composite call (five at most, Salesforce's limit on query subrequests), so a poll over Task, Event and
 * Opportunity costs one API call rather than three. A page that continues ({@code nextRecordsUrl}) is followed with
 * its own calls. Each object's outcome stands alone: one failing subrequest fails only its object. Opportunity
 * rows that came back get their primary contacts ({@link PrimaryContacts}, one more call only then).
 */
public final class CompositeWindows {
    /** Query subrequests Salesforce accepts in one Composite request. */
    public static final int MAX_QUERIES_PER_CALL = 5;

    /** What one object's window gave: its rows, or the failure to back off from. */
    public record Outcome(ObjectReader reader, List<ChangeRow> rows, ApiException failure) {
    }

    private CompositeWindows() {
    }

    public static List<Outcome> read(SalesforceClient client, List<ObjectReader> due, long nowMs) {
        List<Outcome> out = new ArrayList<>(due.size());
        for (int from = 0; from < due.size(); from += MAX_QUERIES_PER_CALL) {
            out.addAll(readCall(client, due.subList(from, Math.min(due.size(), from + MAX_QUERIES_PER_CALL)), nowMs));
        }
        return out;
    }

    private static List<Outcome> readCall(SalesforceClient client, List<ObjectReader> readers, long nowMs) {
        List<CompositeSubrequest> subs = new ArrayList<>(readers.size());
        for (int i = 0; i < readers.size(); i++) {
            subs.add(client.queryAllRequest("w" + i, readers.get(i).nextQuery(nowMs)));
        }
        List<CompositeSubresponse> responses;
        try {
            responses = client.composite(subs, false);
        } catch (ApiException e) {
            return readers.stream().map(r -> new Outcome(r, List.of(), e)).toList();
        }
        List<Outcome> out = new ArrayList<>(readers.size());
        for (int i = 0; i < readers.size(); i++) {
            out.add(outcome(client, readers.get(i), i < responses.size() ? responses.get(i) : null));
        }
        return out;
    }

    private static Outcome outcome(SalesforceClient client, ObjectReader reader, CompositeSubresponse response) {
        if (response == null) {
            return new Outcome(reader, List.of(), new ApiException(ApiException.Kind.TRANSIENT, 0, null,
                    "Composite answered without a subresponse for " + reader.sobject()));
        }
        if (!response.ok()) {
            return new Outcome(reader, List.of(), response.error());
        }
        try {
            List<Map<String, Object>> raw = new ArrayList<>(response.records());
            if (response.nextRecordsUrl() != null) {
                raw.addAll(client.queryMore(response.nextRecordsUrl()));
            }
            if (PrimaryContacts.appliesTo(reader.sobject())) {
                raw = PrimaryContacts.enrich(client, raw); // fails the window (read again) rather than lose it
            }
            return new Outcome(reader, reader.accept(raw), null);
        } catch (ApiException e) {
            return new Outcome(reader, List.of(), e);
        }
    }
}
