package io.nylassf.testkit.http;

/** Thrown by a route to answer with a prepared error response (in the emulated API's own error shape). */
public final class EmulatorException extends RuntimeException {
    private final transient EmulatorResponse response;

    public EmulatorException(EmulatorResponse response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    public EmulatorResponse response() { return response; }
}
