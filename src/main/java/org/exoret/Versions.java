package org.exoret;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of exoret and of the libraries it was built against, as recorded at build time. */
public final class Versions {

    private static final Properties BUILD = load();

    private Versions() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read org/exoret/version.properties", e);
        }
        return p;
    }

    /** @return exoret's version, e.g. {@code 0.1.0-SNAPSHOT} */
    public static String exoret() {
        return BUILD.getProperty("version", "unknown");
    }

    /** @return the DJL version exoret was built against */
    public static String djl() {
        return BUILD.getProperty("djl.version", "unknown");
    }

    /** @return the libtorch version of the native PyTorch jar */
    public static String pytorch() {
        return BUILD.getProperty("pytorch.version", "unknown");
    }

    /** @return the running Java version */
    public static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }
}
