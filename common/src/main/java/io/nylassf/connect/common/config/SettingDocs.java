package io.nylassf.connect.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Properties;

/**
 * The documentation and display name of every setting, kept as prose in each module's
 * {@value #RESOURCE} ({@code <setting>.doc}, {@code <setting>.display}) rather than in the Java that defines
 * the setting's type, default and validator. Every module's file is read, so a fragment in one module and a
 * connector in another share the lookup.
 */
public final class SettingDocs {
    public static final String RESOURCE = "io/nylassf/connect/settings.properties";

    private static final Properties ALL = load();

    private SettingDocs() {
    }

    public static String doc(String setting) {
        return get(setting, "doc");
    }

    public static String displayName(String setting) {
        return get(setting, "display");
    }

    private static String get(String setting, String what) {
        String v = ALL.getProperty(setting + "." + what);
        if (v == null) {
            throw new IllegalStateException("No " + what + " for setting '" + setting + "' in any " + RESOURCE);
        }
        return v;
    }

    private static Properties load() {
        Properties all = new Properties();
        try {
            ClassLoader loader = SettingDocs.class.getClassLoader();
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                try (InputStream in = url.openStream(); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    all.load(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return all;
    }
}
