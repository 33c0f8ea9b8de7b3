package io.nylassf.connect.sink.nylas.status;

import io.nylassf.connect.sink.nylas.status.TaskStatusMapping.Update;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskStatusMappingTest {
    private static final String TASK = "00T000000000001AAA";
    private final TaskStatusMapping mapping = new TaskStatusMapping("Nylas_Message_Id__c", "Nylas_Sent_At__c",
            "Nylas_Send_Status__c", "Nylas_Send_Error__c");

    @Test
    void aSentTaskIsCompletedWithItsMessageIdAndSendTimeAndNoError() {
        Update u = mapping.sent(TASK, "msg-1", Instant.parse("2026-12-05T10:15:30Z"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Status", "Completed");
        expected.put("Nylas_Message_Id__c", "msg-1");
        expected.put("Nylas_Sent_At__c", "2026-12-05T10:15:30.000Z");
        expected.put("Nylas_Send_Status__c", "Sent");
        expected.put("Nylas_Send_Error__c", null);
        assertEquals(expected, u.fields());
        assertEquals(TASK, u.taskId());
    }

    @Test
    void aFailedSendShowsStatusAndAReasonCutTo255OnOneLineAndLeavesTheTaskOpen() {
        Update u = mapping.failed(TASK, "[400] to contains\nan entry without a valid email. " + "x".repeat(400), false);
        assertEquals("Failed", u.fields().get("Nylas_Send_Status__c"));
        String reason = (String) u.fields().get("Nylas_Send_Error__c");
        assertEquals(255, reason.length());
        assertTrue(reason.startsWith("[400] to contains an entry"));
        assertFalse(u.fields().containsKey("Status"));
        assertEquals("Refused", mapping.failed(TASK, "not_authorized: ...", true).fields().get("Nylas_Send_Status__c"));
    }

    @Test
    void emptyFieldSettingsAreNotWritten() {
        TaskStatusMapping bare = new TaskStatusMapping(null, null, null, null);
        assertEquals(Map.of("Status", "Completed"), bare.sent(TASK, "m", Instant.EPOCH).fields());
        assertNull(bare.failed(TASK, "why", false));
    }

    @Test
    void aSuccessIsNeverReplacedByALaterFailureWhileTheyWaitTogether() {
        Update sent = mapping.sent(TASK, "m", Instant.EPOCH);
        Update failed = mapping.failed(TASK, "why", false);
        assertEquals(sent, TaskStatusMapping.merge(sent, failed));
        assertEquals(sent.fields(), TaskStatusMapping.merge(failed, sent).fields());
    }
}
