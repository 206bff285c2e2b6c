package org.disentangle4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The version a run records is the one the root pom declares. */
class VersionTest {
    @Test
    void theVersionIsThePomsVersion() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher m = Pattern.compile("<artifactId>disentangle4j-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertEquals(true, m.find(), "the root pom's own version");
        assertEquals(m.group(1), Version.get());
        assertEquals(Version.get(), org.disentangle4j.train.Run.versions().get("disentangle4j"));
    }
}
