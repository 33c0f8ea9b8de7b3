package io.nylassf.testkit.salesforce;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulated org is no more lenient than a real one set up from the docs: its custom fields are exactly the ones
 * the admin table of docs/salesforce-sink.md tells an admin to create, and any other field is refused.
 */
class DocumentedOrgTest {
    @Test
    void theDefaultOrgHasExactlyTheDocumentedCustomFields() {
        try (SalesforceEmulator sf = SalesforceEmulator.builder().build()) {
            Map<String, SortedSet<String>> documented = new TreeMap<>(
                    DocumentedFields.byObject(DocumentedFields.read(DocumentedFields.docs())));
            assertEquals(documented, new TreeMap<>(DocumentedFields.customFields(sf.org())));
            for (DocumentedFields.Field f : DocumentedFields.read(DocumentedFields.docs())) {
                assertEquals(f.definition().type(), sf.org().schema(f.sobject()).field(f.name()).type(),
                        f.sobject() + "." + f.name());
            }
        }
    }

    @Test
    void aFieldTheDocsDoNotNameIsAnInvalidField() {
        try (SalesforceEmulator sf = SalesforceEmulator.builder().build()) {
            SalesforceException e = org.junit.jupiter.api.Assertions.assertThrows(SalesforceException.class,
                    () -> sf.org().query("SELECT Id, Nylas_Grant_Id__c FROM Task"));
            assertTrue(e.getMessage().contains("Nylas_Grant_Id__c"), e.getMessage());
        }
    }
}
