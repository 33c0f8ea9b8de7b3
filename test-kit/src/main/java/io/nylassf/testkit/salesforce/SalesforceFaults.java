package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.http.EmulatorHttpServer;
import io.nylassf.testkit.http.EmulatorRequest;
import io.nylassf.testkit.http.EmulatorResponse;
import io.nylassf.testkit.http.FaultInjector;

/** Answers injected faults in Salesforce's REST error shape. */
final class SalesforceFaults implements EmulatorHttpServer.FaultResponder {
    @Override
    public EmulatorResponse respond(String kind, EmulatorRequest request, long retryAfterSeconds) {
        return switch (kind) {
            case "429" -> Json.error(429, "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded.")
                    .header("Retry-After", String.valueOf(retryAfterSeconds));
            case "503" -> Json.error(503, "SERVER_UNAVAILABLE", "Service temporarily unavailable; please retry.")
                    .header("Retry-After", String.valueOf(retryAfterSeconds));
            case "500" -> Json.error(500, "UNKNOWN_EXCEPTION",
                    "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-987654321)");
            case "504" -> Json.error(504, "GATEWAY_TIMEOUT", "The server did not respond in time.");
            case FaultInjector.UNABLE_TO_LOCK_ROW -> Json.error(400, "UNABLE_TO_LOCK_ROW",
                    "unable to obtain exclusive access to this record or 1 records");
            default -> {
                int status;
                try {
                    status = Integer.parseInt(kind);
                } catch (NumberFormatException e) {
                    status = 500;
                }
                yield Json.error(status, "UNKNOWN_EXCEPTION", "Injected fault " + kind);
            }
        };
    }
}
