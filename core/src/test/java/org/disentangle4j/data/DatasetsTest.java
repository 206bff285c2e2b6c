package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir
    Path dir;

    @Test
    void listsAndDescribesTheRegisteredDatasets() {
        assertEquals(List.of("dsprites", "shapes3d", "balls-scalar", "balls-block-independent", "balls-block-dependent", "pendulum",
                "pendulum-disturbed", "flow"), Datasets.names());
        for (String name : Datasets.names()) {
            String d = Datasets.description(name);
            assertTrue(d.length() > 20 && !d.contains("\n"), d);
        }
    }

    @Test
    void opensTheProceduralDatasetsWithoutAFile() {
        assertInstanceOf(DSprites.class, Datasets.open("dsprites", null));
        assertInstanceOf(Shapes3D.class, Datasets.open("shapes3d", null));
        for (String balls : List.of("balls-scalar", "balls-block-independent", "balls-block-dependent")) {
            assertEquals(balls, assertInstanceOf(Balls.class, Datasets.open(balls, null)).name());
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        UserInputException e = assertThrows(UserInputException.class, () -> Datasets.open("x", null));
        assertEquals("unknown dataset 'x'; expected one of: dsprites, shapes3d, balls-scalar, balls-block-independent, "
                + "balls-block-dependent, pendulum, pendulum-disturbed, flow", e.getMessage());
        assertThrows(UserInputException.class, () -> Datasets.description("mnist"));
    }

    @Test
    void aGivenFileGoesToTheOfficialReaderAndBadFilesAreOneLineErrors() throws IOException {
        Path missing = dir.resolve("missing.npz");
        assertOneLine(assertThrows(UserInputException.class, () -> Datasets.open("dsprites", missing)), missing,
                "no such file");
        Path junk = dir.resolve("junk.bin");
        Files.writeString(junk, "neither zip nor hdf5");
        assertOneLine(assertThrows(UserInputException.class, () -> Datasets.open("dsprites", junk)), junk, "not a zip");
        assertOneLine(assertThrows(UserInputException.class, () -> Datasets.open("shapes3d", junk)), junk, "HDF5");
        // a well-formed archive of the wrong size reaches the dSprites validation
        Path fake = DSpritesFileTest.fake();
        assertOneLine(assertThrows(UserInputException.class, () -> Datasets.open("dsprites", fake)), fake,
                "(737280, 6)");
    }

    private static void assertOneLine(UserInputException e, Path file, String expected) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
