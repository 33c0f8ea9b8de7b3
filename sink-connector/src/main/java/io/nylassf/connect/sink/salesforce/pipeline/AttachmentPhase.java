package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.salesforce.ApiLimitTracker;
import io.nylassf.connect.common.salesforce.ApiReserve;
import io.nylassf.connect.common.salesforce.SaveResult;
import io.nylassf.connect.sink.salesforce.files.AttachmentFetcher;
import io.nylassf.connect.sink.salesforce.files.AttachmentMetrics;
import io.nylassf.connect.sink.salesforce.files.AttachmentRules;
import io.nylassf.connect.sink.salesforce.files.FileWriter;
import io.nylassf.connect.sink.salesforce.files.FileWriter.NewFile;
import io.nylassf.connect.sink.salesforce.record.NylasAttachment;
import io.nylassf.connect.sink.salesforce.record.NylasMessage;
import io.nylassf.connect.sink.salesforce.write.QueryBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * The last phase of a flush with {@code salesforce.attachments.enabled=true}: the attachments of the flush's
 * messages become Salesforce Files published to their activity (ContentVersion with
 * {@code FirstPublishLocationId}). Once: one batched query per flush reads which attachment keys are already
 * Files. Within the budget: when the calls it needs would take the org under the reserve, the files are skipped
 * (counted), never the activities. A file that can never be copied is skipped with its reason; a transient
 * failure asks for the batch to be written again (its activities are then unchanged, its files still missing).
 */
final class AttachmentPhase {
    private static final Logger log = LoggerFactory.getLogger(AttachmentPhase.class);

    /** A file to copy: the message it came with, the record it goes to, and its external-ID value. */
    record Candidate(Item item, NylasAttachment attachment, String parentId, String key) {
    }

    private final AttachmentRules rules;
    private final AttachmentFetcher fetcher;
    private final FileWriter writer;
    private final QueryBatchFactory queries;
    private final ApiLimitTracker limits;
    private final ApiReserve reserve;
    private final String externalIdField;
    private final AttachmentMetrics metrics;

    /** Makes the batch a flush's lookup query goes into (a seam for the Salesforce client). */
    interface QueryBatchFactory {
        QueryBatch create();
    }

    AttachmentPhase(AttachmentRules rules, AttachmentFetcher fetcher, FileWriter writer, QueryBatchFactory queries,
                    ApiLimitTracker limits, ApiReserve reserve, String externalIdField, AttachmentMetrics metrics) {
        this.rules = rules;
        this.fetcher = fetcher;
        this.writer = writer;
        this.queries = queries;
        this.limits = limits;
        this.reserve = reserve;
        this.externalIdField = externalIdField;
        this.metrics = metrics;
    }

    /**
     * The files to consider (pure): each attachment the rules allow, of each message whose activity exists, keyed
     * by {@code <message id>/<attachment id>}; the others are counted as skipped.
     */
    List<Candidate> candidates(List<Item> messages, Map<Item, String> activityIds) {
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Item i : messages) {
            NylasMessage m = (NylasMessage) i.obj();
            String parent = activityIds.get(i);
            if (m.deleted() || parent == null) {
                continue;
            }
            for (NylasAttachment a : m.attachments()) {
                AttachmentRules.Skip why = rules.judge(a);
                if (why != null) {
                    metrics.skipped(why, 1);
                    continue;
                }
                String key = a.key(m.id());
                if (seen.add(key)) {
                    out.add(new Candidate(i, a, parent, key));
                }
            }
        }
        return out;
    }

    /**
     * Copies the flush's files; returns a retry when a transient failure stopped it, else null. {@code activities}
     * are the activity writes that succeeded, {@code org} what the lookups found (a replayed, unchanged activity).
     */
    BatchResult.Retry run(List<Item> messages, List<Settled.Done> activities, OrgSnapshot org, String sobject) {
        List<Candidate> candidates = candidates(messages, activityIds(messages, activities, org, sobject));
        if (candidates.isEmpty()) {
            return null;
        }
        if (!roomFor(1 + 1)) {
            metrics.skipped(AttachmentRules.Skip.BUDGET, candidates.size());
            log.warn("{} attachment(s) not copied: the org is near its API reserve", candidates.size());
            return null;
        }
        try {
            Set<String> existing = existing(candidates);
            List<NewFile> files = new ArrayList<>();
            for (Candidate c : candidates) {
                if (existing.contains(c.key())) {
                    continue; // copied before: a replay
                }
                NylasMessage m = (NylasMessage) c.item().obj();
                AttachmentFetcher.Fetched f = fetcher.fetch(m.grantId(), m.id(), c.attachment());
                if (f.skip() != null) {
                    metrics.skipped(f.skip(), 1);
                } else {
                    files.add(new NewFile(c.attachment().title(), f.content(), c.parentId(), c.key()));
                }
            }
            if (files.isEmpty()) {
                return null;
            }
            if (!roomFor(FileWriter.calls(files))) {
                metrics.skipped(AttachmentRules.Skip.BUDGET, files.size());
                log.warn("{} attachment(s) not copied: the org is near its API reserve", files.size());
                return null;
            }
            List<SaveResult> results = writer.insert(files);
            long attached = 0;
            for (int k = 0; k < files.size(); k++) {
                SaveResult r = results.get(k);
                if (r.success()) {
                    attached++;
                } else {
                    metrics.skipped(AttachmentRules.Skip.REJECTED, 1);
                    log.warn("Attachment {} not copied: ContentVersion {}", files.get(k).key(),
                            r.firstError().describe());
                }
            }
            metrics.attached(attached);
            return null;
        } catch (ApiException e) {
            if (e.isRetriable()) {
                return new BatchResult.Retry("attachments: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The activity each message's files go to: the one written now, else the one the lookups found. */
    static Map<Item, String> activityIds(List<Item> messages, List<Settled.Done> activities, OrgSnapshot org,
                                         String sobject) {
        Map<Item, String> ids = new IdentityHashMap<>();
        for (Settled.Done d : activities) {
            if (d.planned().item().obj() instanceof NylasMessage && d.planned().kind() != Planned.Kind.REMOVE) {
                ids.put(d.planned().item(), d.id());
            }
        }
        Map<Item, String> out = new LinkedHashMap<>();
        for (Item i : messages) {
            String id = ids.get(i);
            if (id == null) {
                List<Map<String, Object>> found = org.ext(sobject, i.obj().id());
                id = found.isEmpty() ? null : str(SfRecords.mostRecent(found).get("Id"));
            }
            if (id != null) {
                out.put(i, id);
            }
        }
        return out;
    }

    /** One batched query: which of the keys are Files already. */
    private Set<String> existing(List<Candidate> candidates) {
        QueryBatch q = queries.create();
        Queries.in(q, "files", List.of("Id", externalIdField), "ContentVersion", externalIdField,
                candidates.stream().map(Candidate::key).distinct().toList(), null);
        Set<String> keys = new HashSet<>();
        q.run().getOrDefault("files", List.of()).forEach(r -> keys.add(str(r.get(externalIdField))));
        return keys;
    }

    /** Whether {@code calls} more calls leave the org above the reserve (unknown allocation: yes). */
    private boolean roomFor(long calls) {
        if (limits.remaining().isEmpty() || limits.max().isEmpty()) {
            return true;
        }
        return limits.remaining().getAsLong() - calls > limits.max().getAsLong() * reserve.percent() / 100;
    }
}
