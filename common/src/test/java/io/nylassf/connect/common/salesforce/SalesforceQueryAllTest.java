package io.nylassf.connect.common.salesforce;

import io.nylassf.connect.common.config.SalesforceAuthMethod;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code queryAll}: deleted rows included, paged through nextRecordsUrl. */
class SalesforceQueryAllTest {
    private static SalesforceEmulator sf;
    private static SalesforceClient client;

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.builder().clientCredentials("cc", "secret", null).queryPageSize(3).build().start();
        client = new SalesforceClient(new SalesforceSettings(sf.baseUrl(), "v62.0",
                SalesforceAuthMethod.CLIENT_CREDENTIALS, "cc", "secret", null, null, null, Duration.ofSeconds(10),
                null, false));
    }

    @AfterAll
    static void stop() {
        client.close();
        sf.close();
    }

    @Test
    void seesDeletedRowsAcrossPages() {
        for (int i = 0; i < 7; i++) {
            sf.org().insert("Task", Map.of("Subject", "t" + i));
        }
        String gone = sf.org().insert("Task", Map.of("Subject", "gone"));
        sf.org().delete("Task", gone);

        List<Map<String, Object>> live = client.query("SELECT Id FROM Task");
        List<Map<String, Object>> all = client.queryAll("SELECT Id, IsDeleted FROM Task ORDER BY SystemModstamp, Id");
        assertEquals(7, live.size());
        assertEquals(8, all.size());
        assertEquals(1, all.stream().filter(r -> Boolean.TRUE.equals(r.get("IsDeleted"))).count());
    }
}
