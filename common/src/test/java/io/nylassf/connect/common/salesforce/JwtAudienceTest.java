package io.nylassf.connect.common.salesforce;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JWT audience is the authorization server Salesforce expects, whatever login URL was configured. */
class JwtAudienceTest {
    @Test
    void sandboxesUseTheTestServerEverythingElseTheLoginServer() {
        assertEquals("https://login.salesforce.com", SalesforceSettings.defaultAudience("https://login.salesforce.com"));
        assertEquals("https://login.salesforce.com", SalesforceSettings.defaultAudience("https://acme.my.salesforce.com"));
        assertEquals("https://login.salesforce.com", SalesforceSettings.defaultAudience("http://127.0.0.1:8181"));
        assertEquals("https://test.salesforce.com", SalesforceSettings.defaultAudience("https://test.salesforce.com/"));
        assertEquals("https://test.salesforce.com",
                SalesforceSettings.defaultAudience("https://acme--uat.sandbox.my.salesforce.com"));
    }

    @Test
    void aConfiguredAudienceWins() {
        SalesforceSettings s = new SalesforceSettings("https://acme.my.salesforce.com", "v62.0", null, "id", null,
                "u", null, null, null, null, false, "https://acme.my.site.com/customers");
        assertEquals("https://acme.my.site.com/customers", s.jwtAudience());
    }
}
