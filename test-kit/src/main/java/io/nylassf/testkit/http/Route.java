package io.nylassf.testkit.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A method plus a path template such as {@code /v3/grants/{grantId}/messages}; {@code {name*}} captures the rest. */
final class Route {
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)(\\*?)}");

    private final String method;
    private final Pattern pattern;
    private final List<String> names = new ArrayList<>();
    private final EmulatorHandler handler;

    Route(String method, String template, EmulatorHandler handler) {
        this.method = method;
        this.handler = handler;
        StringBuilder regex = new StringBuilder("^");
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?$");
        this.pattern = Pattern.compile(regex.toString());
    }

    /** Path parameters if the path matches (regardless of method), else null. */
    Map<String, String> match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        try {
            for (int i = 0; i < names.size(); i++) {
                params.put(names.get(i), java.net.URLDecoder.decode(m.group(i + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException malformedEscape) {
            return null; // a path with a broken %-escape matches no route: 404, not a dropped connection
        }
        return params;
    }

    String method() { return method; }
    EmulatorHandler handler() { return handler; }
}
