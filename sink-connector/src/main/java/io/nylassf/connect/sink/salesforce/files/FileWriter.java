package io.nylassf.connect.sink.salesforce.files;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.salesforce.CompositeSubrequest;
import io.nylassf.connect.common.salesforce.CompositeSubresponse;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SaveResult;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts ContentVersions (Salesforce Files) through sObject Collections inside Composite requests: one API call
 * carries up to five collections of up to 200 files, but never more than {@link #CALL_BLOB_BUDGET} characters of
 * base64 data, since a JSON (non-multipart) request holds at most 50 MB of text. A file is one record write.
 */
public final class FileWriter {
    /** Base64 characters one call carries at most: under the 50 MB JSON limit, with room for the rest. */
    static final long CALL_BLOB_BUDGET = 48L * 1000 * 1000;
    static final int PER_COLLECTION = 200;

    /** One file to insert: its name, bytes, the record it is published to, and its external ID. */
    public record NewFile(String title, byte[] content, String parentId, String key) {
    }

    private final SalesforceClient client;
    private final String externalIdField;

    public FileWriter(SalesforceClient client, String externalIdField) {
        this.client = client;
        this.externalIdField = externalIdField;
    }

    /** How many calls {@link #insert} needs for these files. */
    public static int calls(List<NewFile> files) {
        return plan(files).size();
    }

    /** The results in the order of {@code files}; a failure of a whole call throws (its files are not written). */
    public List<SaveResult> insert(List<NewFile> files) {
        List<SaveResult> out = new ArrayList<>();
        for (List<List<NewFile>> call : plan(files)) {
            List<CompositeSubrequest> subs = new ArrayList<>();
            for (int i = 0; i < call.size(); i++) {
                List<Map<String, Object>> records = new ArrayList<>();
                call.get(i).forEach(f -> records.add(record(f)));
                subs.add(client.createRequest("f" + i, "ContentVersion", records, false));
            }
            List<CompositeSubresponse> responses = client.composite(subs, false);
            for (int i = 0; i < call.size(); i++) {
                CompositeSubresponse r = i < responses.size() ? responses.get(i) : null;
                if (r == null) {
                    throw new ApiException(ApiException.Kind.TRANSIENT, 0, null,
                            "composite response lacks subrequest " + i);
                }
                if (!r.ok()) {
                    throw r.error();
                }
                out.addAll(r.saveResults());
            }
        }
        return out;
    }

    private Map<String, Object> record(NewFile f) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Title", f.title().length() > 255 ? f.title().substring(0, 255) : f.title());
        r.put("PathOnClient", f.title().length() > 500 ? f.title().substring(0, 500) : f.title());
        r.put("VersionData", Base64.getEncoder().encodeToString(f.content()));
        r.put("FirstPublishLocationId", f.parentId());
        r.put(externalIdField, f.key());
        return r;
    }

    /** Calls → collections → files, in order. */
    static List<List<List<NewFile>>> plan(List<NewFile> files) {
        List<List<List<NewFile>>> calls = new ArrayList<>();
        List<List<NewFile>> call = new ArrayList<>();
        List<NewFile> collection = new ArrayList<>();
        long blob = 0;
        for (NewFile f : files) {
            long size = (f.content().length + 2L) / 3 * 4;
            if (!collection.isEmpty() && blob + size > CALL_BLOB_BUDGET) {
                call.add(collection);
                calls.add(call);
                call = new ArrayList<>();
                collection = new ArrayList<>();
                blob = 0;
            } else if (collection.size() == PER_COLLECTION) {
                call.add(collection);
                collection = new ArrayList<>();
                if (call.size() == SalesforceClient.MAX_HEAVY_SUBREQUESTS) {
                    calls.add(call);
                    call = new ArrayList<>();
                    blob = 0;
                }
            }
            collection.add(f);
            blob += size;
        }
        if (!collection.isEmpty()) {
            call.add(collection);
        }
        if (!call.isEmpty()) {
            calls.add(call);
        }
        return calls;
    }
}
