package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.salesforce.ApiLimitTracker;
import io.nylassf.connect.common.salesforce.ApiReserve;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.sink.salesforce.files.AttachmentMetrics;
import io.nylassf.connect.sink.salesforce.files.AttachmentRules;
import io.nylassf.connect.sink.salesforce.files.AttachmentRules.Skip;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.T1;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.item;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.sf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which files a flush copies and where they go: no Salesforce, no Nylas. */
class AttachmentPhaseTest {
    private final AttachmentMetrics metrics = new AttachmentMetrics();
    private final AttachmentPhase phase = new AttachmentPhase(new AttachmentRules(1_000,
            List.of("application/pdf"), false), null, null, null, new ApiLimitTracker(),
            new ApiReserve(10, Duration.ofMinutes(1)), "Nylas_Attachment_Id__c", metrics);

    private static Struct withFiles(String id, Struct... files) {
        return message(id, "Quote", "me@mycorp.com", "ann@acme.com", T1, null, T1).put("attachments", List.of(files));
    }

    private static Struct file(String id, String type, long size, boolean inline) {
        return new Struct(NylasSchemas.ATTACHMENT).put("id", id).put("filename", id + ".bin")
                .put("content_type", type).put("size", size).put("is_inline", inline);
    }

    @Test
    void allowedFilesOfMessagesWithAnActivityAreCandidatesTheOthersAreCounted() {
        Item m = item(withFiles("m-1", file("a1", "application/pdf", 900, false),
                file("a2", "application/pdf", 5_000, false), file("a3", "application/zip", 10, false),
                file("a4", "application/pdf", 10, true)));
        Item noActivity = item(withFiles("m-2", file("b1", "application/pdf", 10, false)));
        List<AttachmentPhase.Candidate> c = phase.candidates(List.of(m, noActivity), Map.of(m, "00TA"));
        assertEquals(1, c.size());
        assertEquals("m-1/a1", c.get(0).key());
        assertEquals("00TA", c.get(0).parentId());
        assertEquals(1, metrics.skipped(Skip.TOO_LARGE));
        assertEquals(1, metrics.skipped(Skip.CONTENT_TYPE));
        assertEquals(1, metrics.skipped(Skip.INLINE));
    }

    @Test
    void filesGoToTheActivityJustWrittenElseTheOneTheLookupsFound() {
        Item written = item(withFiles("m-1"));
        Item replayed = item(withFiles("m-2"));
        Item unknown = item(withFiles("m-3"));
        OrgSnapshot org = new OrgSnapshot.Builder().byExt("Task", "Nylas_Message_Id__c",
                sf("Task", "00TB", "Nylas_Message_Id__c", "m-2")).build();
        Settled.Done done = new Settled.Done(Planned.write(written, WriteOp.upsert("Task", "Nylas_Message_Id__c",
                Map.of("Subject", "Quote"))), "00TA");
        Map<Item, String> ids = AttachmentPhase.activityIds(List.of(written, replayed, unknown), List.of(done), org,
                "Task");
        assertEquals("00TA", ids.get(written));
        assertEquals("00TB", ids.get(replayed));
        assertNull(ids.get(unknown));
    }
}
