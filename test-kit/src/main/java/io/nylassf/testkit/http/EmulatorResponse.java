package io.nylassf.testkit.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response an emulator route returns; headers may repeat. */
public final class EmulatorResponse {
    private final int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final byte[] body;
    private final boolean dropConnection;

    private EmulatorResponse(int status, byte[] body, boolean dropConnection) {
        this.status = status;
        this.body = body == null ? new byte[0] : body;
        this.dropConnection = dropConnection;
    }

    public static EmulatorResponse of(int status, String contentType, byte[] body) {
        EmulatorResponse r = new EmulatorResponse(status, body, false);
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        return r;
    }

    public static EmulatorResponse json(int status, String json) {
        return of(status, "application/json;charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
    }

    public static EmulatorResponse text(int status, String contentType, String text) {
        return of(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public static EmulatorResponse empty(int status) {
        return new EmulatorResponse(status, new byte[0], false);
    }

    /** Closes the socket without writing a response, as a dropped connection or a crashed proxy would. */
    public static EmulatorResponse dropConnection() {
        return new EmulatorResponse(0, new byte[0], true);
    }

    public EmulatorResponse header(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    public int status() { return status; }
    public byte[] body() { return body; }
    public String bodyAsString() { return new String(body, StandardCharsets.UTF_8); }
    public Map<String, List<String>> headers() { return headers; }
    public boolean dropsConnection() { return dropConnection; }

    public String firstHeader(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
