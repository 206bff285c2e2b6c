package org.disentangle4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of disentangle4j this code was built as (Maven's project version, filled in at build time). */
public final class Version {
    private static final String VERSION = read();

    private Version() {}

    /** e.g. {@code 0.1.0-SNAPSHOT}; "development build" where the classes were not built by Maven. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "development build";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? "development build" : v;
        } catch (IOException unreadable) {
            return "development build";
        }
    }
}
