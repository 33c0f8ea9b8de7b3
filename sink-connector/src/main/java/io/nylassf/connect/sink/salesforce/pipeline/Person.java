package io.nylassf.connect.sink.salesforce.pipeline;

/** A Contact or Lead an activity can name as its WhoId; {@code accountId} only for a Contact under an Account. */
record Person(String id, String sobject, String accountId) {
    boolean isContact() {
        return "Contact".equals(sobject);
    }
}
