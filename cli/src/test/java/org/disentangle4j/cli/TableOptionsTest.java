package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --data-file data.csv --graph graph.csv: bad tables and graphs are one line, exit 2, nothing written. */
class TableOptionsTest {
    @TempDir
    Path dir;

    private static void assertOneLineError(CommandRunner.Outcome o, String fragment) {
        assertEquals(2, o.exit(), o.err());
        assertEquals(1, o.err().trim().lines().count(), o.err());
        assertTrue(o.err().contains(fragment), "'" + o.err() + "' should mention '" + fragment + "'");
    }

    @Test
    void badTablesAndGraphsWriteNothing() throws IOException {
        Path data = Files.writeString(dir.resolve("data.csv"), "a,b,c\n1,2,3\n2,4,x\n");
        Path good = Files.writeString(dir.resolve("good.csv"), "a,b,c\n1,2,3\n2,4,6\n");
        Path cycle = Files.writeString(dir.resolve("graph.csv"), "from,to\na,b\nb,c\nc,a\n");
        Path small = Files.writeString(dir.resolve("small.csv"), "0,1\n0,0\n");
        Path run = dir.resolve("run"), png = dir.resolve("t.png");
        assertOneLineError(CommandRunner.execute(List.of("train", "--data-file", data.toString(), "--graph", cycle.toString(),
                "--out", run.toString())), "data.csv row 3, column 3 'c': 'x' is not a number");
        assertOneLineError(CommandRunner.execute(List.of("train", "--data-file", good.toString(), "--graph", cycle.toString(),
                "--out", run.toString())), "graph.csv: the graph has a cycle (a -> b -> c -> a)");
        assertOneLineError(CommandRunner.execute(List.of("datasets", "show", "table", "--data-file", good.toString(), "--graph",
                small.toString(), "--out", png.toString())), "small.csv: a 2x2 adjacency matrix, but ");
        assertOneLineError(CommandRunner.execute(List.of("train", "--dataset", "pendulum", "--graph", small.toString(),
                "--out", run.toString())), "not with dataset 'pendulum'");
        assertFalse(Files.exists(run));
        assertFalse(Files.exists(png));
        Path small3 = Files.writeString(dir.resolve("ok.csv"), "0,1,0\n0,0,1\n0,0,0\n");
        CommandRunner.Outcome ok = CommandRunner.execute(List.of("datasets", "show", "table", "--data-file", good.toString(),
                "--graph", small3.toString(), "--out", png.toString()));
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(Files.size(png) > 0);
    }
}
