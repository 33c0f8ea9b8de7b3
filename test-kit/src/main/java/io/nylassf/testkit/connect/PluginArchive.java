package io.nylassf.testkit.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The packaged plugin zip, as integration tests install it into a worker's plugin.path. */
public final class PluginArchive {
    public static final String ZIP_PROPERTY = "plugin.zip";

    private PluginArchive() {
    }

    /** The zip the build produced (failsafe passes its path in the {@code plugin.zip} system property). */
    public static Path builtZip() {
        String zip = System.getProperty(ZIP_PROPERTY);
        if (zip == null || !Files.isRegularFile(Path.of(zip))) {
            throw new IllegalStateException("System property " + ZIP_PROPERTY + " must name the built plugin zip "
                    + "(run through 'mvn verify'); got " + zip);
        }
        return Path.of(zip);
    }

    /** Unpacks the zip into {@code pluginPath} (creating it) and returns {@code pluginPath}, ready for workers. */
    public static Path installInto(Path zip, Path pluginPath) {
        try {
            Files.createDirectories(pluginPath);
            Path root = pluginPath.toAbsolutePath().normalize();
            try (ZipFile z = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = z.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    Path target = root.resolve(e.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("zip entry escapes the target directory: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = z.getInputStream(e)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            return pluginPath;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip, e);
        }
    }
}
