package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.http.EmulatorRequest;
import io.nylassf.testkit.http.EmulatorResponse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes the part of a REST path after {@code /services/data/vXX.X/} by segment templates such as
 * {@code sobjects/{sobject}/{id}} (literal segments match case-sensitively and win over parameters in
 * registration order). Kept separate from the HTTP server so Composite can dispatch subrequests in-process,
 * without a second authentication or API-call count.
 */
final class SalesforceRouter {
    @FunctionalInterface
    interface Handler {
        EmulatorResponse handle(ApiCall call) throws Exception;
    }

    private record Route(String method, String[] segments, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    SalesforceRouter add(String method, String template, Handler handler) {
        routes.add(new Route(method, template.split("/"), handler));
        return this;
    }

    /** Dispatches {@code segments} (already percent-decoded), turning SalesforceException into its error body. */
    EmulatorResponse dispatch(EmulatorRequest request, String version, List<String> segments, WriteContext ctx) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Map<String, String> params = match(r.segments(), segments);
            if (params == null) {
                continue;
            }
            if (!r.method().equals(request.method())) {
                allowed.add(r.method());
                continue;
            }
            try {
                return r.handler().handle(new ApiCall(request, version, params, ctx));
            } catch (SalesforceException e) {
                return Json.errors(e.errors());
            } catch (Exception e) {
                return Json.error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred in the emulator: " + e);
            }
        }
        if (!allowed.isEmpty()) {
            return Json.error(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + request.method() + "' not allowed. Allowed are "
                    + String.join(",", allowed));
        }
        return Json.error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    private static Map<String, String> match(String[] template, List<String> segments) {
        if (template.length != segments.size()) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{")) {
                if (params == null) {
                    params = new HashMap<>(4);
                }
                params.put(t.substring(1, t.length() - 1), segments.get(i));
            } else if (!t.equals(segments.get(i))) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    /** Splits a raw path into percent-decoded segments; unlike form decoding, '+' stays '+'. */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(percentDecode(s));
            }
        }
        return out;
    }

    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
