package io.nylassf.connect.sink.salesforce.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Owners are told apart by User, not by how many rows the lookups returned. */
class GrantOwnersTest {
    private static final Map<String, Object> REP = Map.of("Id", "005000000000001AAA", "Email", "rep@ourco.test",
            "TimeZoneSidKey", "Europe/Paris");

    @Test
    void theSameUserReadTwiceIsOneOwner() {
        // in EmailMessage mode the participants' Users are read in the same Composite call as the owners, and the
        // rep is a participant of their own mail: one User, two rows
        Map<String, Owner> found = new GrantOwners(Map.of()).read(List.of("email:rep@ourco.test"),
                List.of(REP, Map.of("Id", "005000000000001AAA", "Email", "rep@ourco.test")));
        assertEquals("005000000000001AAA", found.get("email:rep@ourco.test").userId());
    }

    @Test
    void twoUsersWithOneEmailAreStillAmbiguous() {
        Map<String, Owner> found = new GrantOwners(Map.of()).read(List.of("email:rep@ourco.test"),
                List.of(REP, Map.of("Id", "005000000000002AAA", "Email", "rep@ourco.test")));
        assertEquals(Owner.NONE, found.get("email:rep@ourco.test"));
    }

    @Test
    void theOwnersQueryIsFiledApartFromOtherUserLookups() {
        assertNotEquals("User", GrantOwners.KEY, "the participants' User lookup files its rows under \"User\"");
    }
}
