package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pendulum and flow: geometry against the closed forms, the SCM, the DAG, the block masks. */
class CausalImageDatasetsTest {
    private static final int N = 64, PLANE = N * N;

    private static float pixel(float[] image, int channel, int row, int col) {
        return image[channel * PLANE + row * N + col];
    }

    /** The level of factor f whose value is nearest to v. */
    private static int nearest(FactorSpace s, int f, double v) {
        int best = 0;
        for (int i = 1; i < s.size(f); i++) if (Math.abs(s.value(f, i) - v) < Math.abs(s.value(f, best) - v)) best = i;
        return best;
    }

    private static int[] pendulumFactors(Pendulum p, double phi, double theta) {
        FactorSpace s = p.factors();
        return new int[] {nearest(s, 0, phi), nearest(s, 1, theta), nearest(s, 2, Pendulum.length(phi, theta)),
            nearest(s, 3, Pendulum.position(phi, theta))};
    }

    @Test
    void shadowEndsLengthAndPositionFollowTheClosedForms() {
        // A = 10 + 9.5 sinθ − (11 − 9.5 cosθ)/tanφ, C = 10 − 11/tanφ, by hand
        double q = Math.PI / 4, h = Math.PI / 2;
        assertEquals(8.5, Pendulum.shadowA(q, 0), 1e-12);
        assertEquals(-1.0, Pendulum.shadowC(q), 1e-12);
        assertEquals(9.5, Pendulum.length(q, 0), 1e-12);
        assertEquals(3.75, Pendulum.position(q, 0), 1e-12);
        assertEquals(10 + 9.5 * Math.sqrt(0.5), Pendulum.shadowA(h, q), 1e-12);
        assertEquals(10.0, Pendulum.shadowC(h), 1e-12);
        assertEquals(9.5 * Math.sqrt(0.5), Pendulum.length(h, q), 1e-12);
        // φ = π/3, θ = π/6: sinθ + cosθ/tanφ = 1/2 + (√3/2)(1/√3) = 1, so length = 9.5
        assertEquals(9.5, Pendulum.length(Math.PI / 3, Math.PI / 6), 1e-12);
        assertEquals(10 - 11 / Math.sqrt(3), Pendulum.shadowC(Math.PI / 3), 1e-12);
        assertEquals(20.0, Pendulum.sunX(q), 1e-12);
        assertEquals(10.0, Pendulum.sunX(h), 1e-12);
    }

    @Test
    void sunBobAndShadowAreDrawnWhereTheFormulasPutThem() {
        Pendulum p = Pendulum.standard();
        float[] image = new float[p.observationSize()];
        double[][] cases = {{Math.PI / 4, 0}, {Math.PI / 2, Math.PI / 4}, {Math.PI / 3, Math.PI / 8}};
        for (double[] c : cases) {
            int[] f = pendulumFactors(p, c[0], c[1]);
            double phi = p.factors().value(0, f[0]), theta = p.factors().value(1, f[1]);
            double length = p.factors().value(2, f[2]), position = p.factors().value(3, f[3]);
            p.render(f, image, 0);
            // image column of scene x: (x + 10/3) · 2.4; row of scene y: (21.5 − y) · 2.4
            int sunCol = (int) ((Pendulum.sunX(phi) + 10.0 / 3) * 2.4), sunRow = (int) ((21.5 - 20.5) * 2.4);
            assertEquals(1f, pixel(image, 0, sunRow, sunCol), 1e-5f);
            assertEquals(165 / 255f, pixel(image, 1, sunRow, sunCol), 1e-5f);
            assertEquals(0f, pixel(image, 2, sunRow, sunCol), 1e-5f);
            double bx = 10 + 8 * Math.sin(theta), by = 10.5 - 8 * Math.cos(theta);
            int bobCol = (int) ((bx + 10.0 / 3) * 2.4), bobRow = (int) ((21.5 - by) * 2.4);
            assertEquals(178 / 255f, pixel(image, 0, bobRow, bobCol), 1e-5f);
            assertEquals(34 / 255f, pixel(image, 1, bobRow, bobCol), 1e-5f);
            // the shadow: rows 51.8 … 53.8, so 2 rows' worth of darkness per column it covers
            double dark = 0, moment = 0;
            for (int r = 51; r < N; r++) {
                for (int col = 0; col < N; col++) {
                    double d = 1 - pixel(image, 0, r, col);
                    dark += d;
                    moment += d * (col + 0.5);
                }
            }
            assertEquals(2 * 2.4 * length, dark, 0.3, "shadow area for φ=" + phi + ", θ=" + theta);
            assertEquals((position + 10.0 / 3) * 2.4, moment / dark, 0.1, "shadow centre");
            int mid = (int) ((position + 10.0 / 3) * 2.4);
            assertEquals(0f, pixel(image, 0, 52, mid), 1e-5f);
            assertEquals(1f, pixel(image, 0, 50, mid), 1e-5f);
            assertEquals(1f, pixel(image, 0, 55, mid), 1e-5f);
        }
    }

    @Test
    void pendulumGraphBlocksAndNames() {
        Pendulum p = Pendulum.standard();
        assertEquals(java.util.List.of("light", "angle", "length", "position"), p.factors().names());
        CausalGraph g = p.causalGraph().orElseThrow();
        for (int cause = 0; cause < 2; cause++) {
            for (int child = 2; child < 4; child++) assertTrue(g.hasEdge(cause, child));
        }
        int edges = 0;
        for (int k = 0; k < 4; k++) for (int j = 0; j < 4; j++) if (g.hasEdge(k, j)) edges++;
        assertEquals(4, edges);
        int[] order = g.topologicalOrder();
        assertTrue(indexOf(order, 0) < indexOf(order, 2) && indexOf(order, 1) < indexOf(order, 3));
        assertArrayEquals(new int[][] {{0}, {1}, {2, 3}}, p.latentBlocks().orElseThrow());
        assertEquals(40, p.factors().size(0));
        assertEquals(Math.PI / 4, p.factors().value(0, 0), 1e-12);
        assertEquals(Math.PI / 2, p.factors().value(0, 39), 1e-12);
        assertEquals(Math.PI / 4, p.factors().value(1, 39), 1e-12);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }

    @Test
    void childrenFollowTheScmWithTheSpecsNoise() {
        Pendulum p = Pendulum.standard();
        FactorSpace s = p.factors();
        int[][] f = p.sampleFactors(20000, new SplittableRandom(3));
        double sum = 0, sumSq = 0, sumP = 0, sumPSq = 0;
        int n = 0;
        for (int[] v : f) {
            double phi = s.value(0, v[0]), theta = s.value(1, v[1]);
            if (Pendulum.length(phi, theta) < 0.5) continue; // the grid clamps lengths below 0
            double r = s.value(2, v[2]) - Pendulum.length(phi, theta), rp = s.value(3, v[3]) - Pendulum.position(phi, theta);
            sum += r;
            sumSq += r * r;
            sumP += rp;
            sumPSq += rp * rp;
            n++;
        }
        // noise sd 0.1 plus rounding to 0.1: sd sqrt(0.01 + 0.01/12) ≈ 0.104
        assertEquals(0, sum / n, 0.005);
        assertEquals(0.104, Math.sqrt(sumSq / n), 0.006);
        assertEquals(0, sumP / n, 0.005);
        assertEquals(0.104, Math.sqrt(sumPSq / n), 0.006);
        // causes uniform over their 40 levels
        int[] counts = new int[40];
        for (int[] v : f) counts[v[0]]++;
        for (int c : counts) assertTrue(Math.abs(c - 500) < 120, "light level count " + c);
    }

    @Test
    void theDisturbedVariantReplacesAboutOneShadowInFive() {
        Pendulum p = Pendulum.disturbed();
        FactorSpace s = p.factors();
        assertEquals(0.0, s.value(3, 0), 1e-12);
        int[][] f = p.sampleFactors(20000, new SplittableRandom(4));
        int far = 0;
        for (int[] v : f) {
            double r = s.value(2, v[2]) - Pendulum.length(s.value(0, v[0]), s.value(1, v[1]));
            if (Math.abs(r) > 0.7) far++; // 7 noise sd: only a replaced shadow lands there
        }
        // P(replaced) = 1/5, and a replaced length lands within 0.7 of the true one with probability ≤ 1.4/12
        double fraction = far / 20000.0;
        assertTrue(fraction > 0.2 * (1 - 1.4 / 12) - 0.01 && fraction < 0.2 + 0.01, "fraction " + fraction);
    }

    @Test
    void blockMasksCoverTheImageOnceAndEachBlockMovesOnlyItsOwnPixels() {
        for (GroundTruthDataset d : new GroundTruthDataset[] {Pendulum.standard(), Pendulum.disturbed(), new Flow()}) {
            float[][] masks = d.blockMasks().orElseThrow();
            int[][] blocks = d.latentBlocks().orElseThrow();
            assertEquals(blocks.length, masks.length);
            for (int i = 0; i < d.observationSize(); i++) {
                float total = 0;
                for (float[] m : masks) {
                    assertTrue(m[i] == 0f || m[i] == 1f);
                    total += m[i];
                }
                assertEquals(1f, total, d.name() + " element " + i);
            }
            SplittableRandom rng = new SplittableRandom(5);
            FactorSpace s = d.factors();
            float[] a = new float[d.observationSize()], b = new float[d.observationSize()];
            for (int trial = 0; trial < 200; trial++) {
                int[] f = s.sample(1, rng)[0];
                int block = trial % blocks.length;
                int[] g = f.clone();
                for (int factor : blocks[block]) g[factor] = rng.nextInt(s.size(factor));
                d.render(f, a, 0);
                d.render(g, b, 0);
                for (int i = 0; i < a.length; i++) {
                    if (masks[block][i] == 0f) assertEquals(a[i], b[i], d.name() + ": block " + block + " moved element " + i);
                }
            }
        }
    }

    @Test
    void scaledLabelsSpanZeroToOneOverTheLevels() {
        for (GroundTruthDataset d : new GroundTruthDataset[] {Pendulum.standard(), new Flow()}) {
            FactorSpace s = d.factors();
            for (int f = 0; f < s.numFactors(); f++) {
                int[][] all = new int[s.size(f)][s.numFactors()];
                for (int i = 0; i < all.length; i++) all[i][f] = i;
                double[][] u = d.scaledLabels(all);
                double min = 1, max = 0;
                for (double[] row : u) {
                    assertTrue(row[f] >= 0 && row[f] <= 1);
                    min = Math.min(min, row[f]);
                    max = Math.max(max, row[f]);
                }
                assertEquals(0.0, min);
                assertEquals(1.0, max);
                int mid = s.size(f) / 2;
                assertEquals((s.value(f, mid) - s.value(f, 0)) / (s.value(f, s.size(f) - 1) - s.value(f, 0)), u[mid][f], 1e-12);
            }
        }
    }

    @Test
    void samplingAndRenderingAreDeterministic() {
        for (GroundTruthDataset d : new GroundTruthDataset[] {Pendulum.disturbed(), new Flow()}) {
            int[][] f = d.sampleFactors(50, new SplittableRandom(9));
            assertArrayEquals(f, d.sampleFactors(50, new SplittableRandom(9)));
            assertArrayEquals(d.render(f), d.render(f));
        }
    }

    @Test
    void flowFollowsItsScmAndDrawsTheJetWhereItLands() {
        Flow flow = new Flow();
        FactorSpace s = flow.factors();
        assertEquals(java.util.List.of("ball_size", "water_height", "hole", "water_flow"), s.names());
        CausalGraph g = flow.causalGraph().orElseThrow();
        assertTrue(g.hasEdge(0, 1) && g.hasEdge(1, 3) && g.hasEdge(2, 3));
        assertTrue(!g.hasEdge(0, 3) && !g.hasEdge(0, 2) && !g.hasEdge(2, 1));
        assertEquals(5 / 30.0, s.value(0, 0), 1e-12);
        assertEquals(14 / 3.0, s.value(2, 8), 1e-12);
        int[][] f = flow.sampleFactors(20000, new SplittableRandom(6));
        double u = 0, r = 0, rr = 0;
        for (int[] v : f) {
            double size = s.value(0, v[0]);
            u += s.value(1, v[1]) - size * size * size;
            double res = s.value(3, v[3]) - Math.sqrt(2 * 0.98 * s.value(1, v[1]) * (s.value(2, v[2]) - 0.5));
            r += res;
            rr += res * res;
        }
        assertEquals(2.45, u / f.length, 0.02); // mean of {1.0, …, 3.9}
        assertEquals(0, r / f.length, 0.005);
        assertEquals(Math.sqrt(0.01 + 0.05 * 0.05 / 12), Math.sqrt(rr / f.length), 0.006);

        // jet end (8 + flow, 0.5): image column (x − 0.75)·4, row (15 − 0.5)·4 = 58 (the ground starts at 58.5)
        float[] image = new float[flow.observationSize()];
        int[] v = {29, 40, 8, s.size(3) - 10};
        flow.render(v, image, 0);
        double x = 8 + s.value(3, v[3]);
        int col = (int) ((x - 0.75) * 4);
        assertTrue(pixel(image, 0, 57, col) < 0.85f || pixel(image, 0, 58, col) < 0.85f, "jet at its reach");
        assertEquals(1f, pixel(image, 0, 56, Math.min(63, col + 3)), 1e-5f);
        // the ball's centre (5.5, r + 0.5) is firebrick
        int ballRow = (int) ((15 - (s.value(0, 29) + 0.5)) * 4), ballCol = (int) ((5.5 - 0.75) * 4);
        assertEquals(178 / 255f, pixel(image, 0, ballRow, ballCol), 1e-5f);
        // water level: tank column 12 is blue below y = 5 + h, white above
        double top = 5 + s.value(1, 40);
        assertEquals(135 / 255f, pixel(image, 0, (int) ((15 - top) * 4) + 2, 12), 1e-5f);
        assertEquals(1f, pixel(image, 0, (int) ((15 - top) * 4) - 2, 12), 1e-5f);
    }
}
