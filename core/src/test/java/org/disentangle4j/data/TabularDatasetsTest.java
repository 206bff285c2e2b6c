package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tabular SCM and a user's own table with its graph, including every bad-input case. */
class TabularDatasetsTest {
    @TempDir
    Path dir;

    @Test
    void scmHasAChainAndAColliderAndItsChildrenFollowTheMechanisms() {
        TabularScm scm = new TabularScm();
        FactorSpace s = scm.factors();
        assertEquals(List.of("a", "b", "c", "d", "e"), s.names());
        CausalGraph g = scm.causalGraph().orElseThrow();
        assertTrue(g.hasEdge(0, 1) && g.hasEdge(1, 2) && g.hasEdge(2, 4) && g.hasEdge(3, 4));
        int edges = 0;
        for (int k = 0; k < 5; k++) for (int j = 0; j < 5; j++) if (g.hasEdge(k, j)) edges++;
        assertEquals(4, edges);
        int[] order = g.topologicalOrder();
        int[] position = new int[5];
        for (int i = 0; i < 5; i++) position[order[i]] = i;
        assertTrue(position[0] < position[1] && position[1] < position[2] && position[2] < position[4] && position[3] < position[4]);
        assertArrayEquals(new int[] {5}, scm.observationShape());

        int[][] f = scm.sampleFactors(20000, new SplittableRandom(1));
        double[] sum = new double[3], sumSq = new double[3];
        for (int[] v : f) {
            double[] r = {
                s.value(1, v[1]) - Math.tanh(1.5 * s.value(0, v[0])),
                s.value(2, v[2]) - s.value(1, v[1]) * s.value(1, v[1]),
                s.value(4, v[4]) - (0.5 * s.value(2, v[2]) + Math.sin(s.value(3, v[3])))};
            for (int k = 0; k < 3; k++) {
                sum[k] += r[k];
                sumSq[k] += r[k] * r[k];
            }
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(0, sum[k] / f.length, 0.005);
            // noise sd 0.1 plus rounding to 0.05: sqrt(0.01 + 0.0025/12) ≈ 0.101
            assertEquals(0.101, Math.sqrt(sumSq[k] / f.length), 0.005);
        }
        float[] row = new float[5];
        scm.render(f[0], row, 0);
        for (int j = 0; j < 5; j++) assertEquals(s.scaledValue(j, f[0][j]), row[j], 1e-6);
        assertMasksAreColumns(scm.blockMasks().orElseThrow(), 5);
    }

    private static void assertMasksAreColumns(float[][] masks, int d) {
        assertEquals(d, masks.length);
        for (int b = 0; b < d; b++) {
            for (int j = 0; j < d; j++) assertEquals(b == j ? 1f : 0f, masks[b][j]);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String DATA = "x,y,z\n0,1,2\n1,3,5\n\n2,5,8\n";

    @Test
    void readsATableWithAnAdjacencyMatrixOrAnEdgeList() throws IOException {
        Path data = write("data.csv", DATA);
        Path adjacency = write("adj.csv", "0,1,0\n0,0,1\n0,0,0\n");
        Path withHeader = write("adjh.csv", "x,y,z\n0,1,0\n0,0,1\n0,0,0\n");
        Path edges = write("edges.csv", "from,to\nx,y\n\"y\",z\n");
        for (Path graph : List.of(adjacency, withHeader, edges)) {
            CsvTable t = assertInstanceOfTable(Datasets.open("table", data, graph));
            CausalGraph g = t.causalGraph().orElseThrow();
            assertTrue(g.hasEdge(0, 1) && g.hasEdge(1, 2) && !g.hasEdge(0, 2) && !g.hasEdge(1, 0), graph.toString());
            assertEquals(List.of("x", "y", "z"), t.factors().names());
            assertEquals(3, t.numRows());
            assertArrayEquals(new int[] {3}, t.observationShape());
            // rows drawn from the table; the observation is the row min-max scaled per column
            for (int[] f : t.sampleFactors(30, new SplittableRandom(2))) {
                float[] obs = new float[3];
                t.render(f, obs, 0);
                double x = t.factors().value(0, f[0]);
                assertEquals(x / 2, obs[0], 1e-6);
                assertEquals(t.factors().value(1, f[1]), 2 * x + 1, 1e-12);
                assertEquals(t.factors().value(2, f[2]), 3 * x + 2, 1e-12);
                assertEquals((2 * x + 1 - 1) / 4, obs[1], 1e-6);
            }
            assertMasksAreColumns(t.blockMasks().orElseThrow(), 3);
        }
    }

    private static CsvTable assertInstanceOfTable(GroundTruthDataset d) {
        assertTrue(d instanceof CsvTable);
        return (CsvTable) d;
    }

    @Test
    void aColumnWithManyValuesIsQuantisedToAHundredLevelsFromItsMinimumToItsMaximum() throws IOException {
        StringBuilder s = new StringBuilder("u,v\n");
        for (int i = 0; i <= 1000; i++) s.append(i / 1000.0).append(',').append(i % 3).append('\n');
        CsvTable t = CsvTable.open(write("many.csv", s.toString()), write("g.csv", "from,to\n")); // no edges
        assertEquals(CsvTable.MAX_LEVELS, t.factors().size(0));
        assertEquals(0.0, t.factors().value(0, 0));
        assertEquals(1.0, t.factors().value(0, 99));
        assertEquals(3, t.factors().size(1));
        assertEquals(1.0 / 99 * 50, t.factors().value(0, 50), 1e-12);
    }

    private void assertError(String data, String graph, String... parts) throws IOException {
        Path d = write("d.csv", data), g = write("g.csv", graph);
        UserInputException e = assertThrows(UserInputException.class, () -> Datasets.open("table", d, g));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        for (String part : parts) assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' lacks '" + part + "'");
    }

    @Test
    void badTablesAndGraphsAreOneLineErrorsNamingFileRowAndColumn() throws IOException {
        String adj = "0,1,0\n0,0,1\n0,0,0\n";
        assertError("x,y,z\n0,1,2\n1,,5\n", adj, "d.csv row 3, column 2 'y': missing value");
        assertError("x,y,z\n0,1,2\n1,3,abc\n", adj, "d.csv row 3, column 3 'z': 'abc' is not a number");
        assertError("x,y,z\n0,1,2\n1,3,NaN\n", adj, "d.csv row 3, column 3 'z'", "not a finite number");
        assertError("x,y,z\n0,1,2\n1,3\n", adj, "d.csv row 3: 2 cells, expected 3");
        assertError("x,y,x\n0,1,2\n", adj, "d.csv row 1, column 3", "repeated");
        assertError("x,y,z\n", adj, "d.csv: no data rows");
        assertError(DATA, "0,1\n1,0\n", "g.csv: a 2x2 adjacency matrix, but ", "d.csv has 3 columns (x, y, z)");
        assertError(DATA, "0,1,0,0\n0,0,1,0\n0,0,0,1\n0,0,0,0\n", "g.csv: a 4x4 adjacency matrix", "d.csv has 3 columns");
        assertError(DATA, "0,1,0\n0,0,1\n", "g.csv: 2 rows of 3 cells; expected 3 rows");
        assertError(DATA, "0,1,0\n0,0,2\n0,0,0\n", "g.csv row 2, column 3: '2' is not 0 or 1");
        assertError(DATA, "0,1,0\n0,0,1\n1,0,0\n", "g.csv: the graph has a cycle (x -> y -> z -> x)");
        assertError(DATA, "0,0,0\n0,1,0\n0,0,0\n", "g.csv: the graph has a cycle (y -> y)");
        assertError(DATA, "from,to\nx,y\ny,z\nz,y\n", "g.csv: the graph has a cycle (y -> z -> y)");
        assertError(DATA, "from,to\nx,w\n", "g.csv row 2, column 2: 'w' is not a column of ", "d.csv (x, y, z)");
        assertError(DATA, "x,y,z\n", "g.csv: 0 rows of 3 cells");
        assertError(DATA, "", "g.csv: empty");
        Path d = write("d.csv", DATA);
        UserInputException e = assertThrows(UserInputException.class, () -> Datasets.open("table", d, dir.resolve("none.csv")));
        assertTrue(e.getMessage().endsWith("none.csv: no such file"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> Datasets.open("table", d, null));
        assertTrue(e.getMessage().contains("--graph graph.csv"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> Datasets.open("pendulum", null, d));
        assertTrue(e.getMessage().contains("not with dataset 'pendulum'"), e.getMessage());
    }
}
