package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.metrics.classify.GradientBoostedTrees;
import org.disentangle4j.metrics.support.ProgressCounter;
import org.junit.jupiter.api.Test;

/**
 * Every stage of an evaluation reports its progress in units with a known total, so that the
 * command line can draw a bar with an ETA: each task is reported in one stretch, starts at once,
 * never goes back and ends at its total.
 */
class MetricProgressTest {

    private record Event(String task, long done, long total) {}

    /** Records every event, as a progress bar would see them (from any thread, in order). */
    private static final class Recorder implements ProgressListener {
        final List<Event> events = new ArrayList<>();

        @Override
        public synchronized void progress(String task, long done, long total) {
            events.add(new Event(task, done, total));
        }

        /** The events of each task, tasks in the order they started. */
        Map<String, List<Event>> byTask() {
            Map<String, List<Event>> out = new LinkedHashMap<>();
            for (Event e : events) out.computeIfAbsent(e.task(), t -> new ArrayList<>()).add(e);
            return out;
        }
    }

    @Test
    void everyMetricReportsUnitsUpToItsTotal() {
        // two factors with 3 and 4 levels; the codes are the factors
        NoisyFactorDataset dataset = new NoisyFactorDataset(new int[] {3, 4}, 0, 0.0);
        MetricSuite suite = new MetricSuite(List.of(new BetaVaeScore(8, 200, 100), new FactorVaeScore(8, 200, 100, 500, 0.05),
                new MigScore(), new SapScore(), new DciScore(), new ModularityExplicitness(), new IrsScore(), new UnsupervisedScores(),
                new LmsScore(600, 300, 64), new MeanTcScore(600, 200, 64), new DisintegrationScore(),
                new MultiFactorVoteScore(20, 50, 50, 100, 0.06), new SpectralIndependenceScore()), 600, 300, 16);
        Recorder recorder = new Recorder();
        SuiteResult r = suite.evaluateModel(dataset, NoisyFactorDataset.identity(2), MetricSuite.NAMES, 5, recorder);
        // spectral_independence reads a decoder's layers and cdm intervenes on a model's latent nodes: these codes have neither
        assertEquals(MetricSuite.NAMES.stream().filter(n -> !n.equals(SpectralIndependenceScore.NAME) && !n.equals("cdm")).toList(), List.copyOf(r.scores().keySet()));
        assertTrue(r.notApplicable().containsKey(SpectralIndependenceScore.NAME), r.notApplicable().toString());

        Map<String, List<Event>> tasks = recorder.byTask();
        // each task in one stretch: a bar per task, closed when the next one starts
        List<String> stretches = new ArrayList<>();
        for (Event e : recorder.events) if (stretches.isEmpty() || !stretches.get(stretches.size() - 1).equals(e.task())) stretches.add(e.task());
        assertEquals(List.copyOf(tasks.keySet()), stretches, "a task was interrupted by another");

        for (Map.Entry<String, List<Event>> t : tasks.entrySet()) {
            List<Event> events = t.getValue();
            long total = events.get(0).total();
            assertTrue(total > 0, t.getKey());
            for (int i = 0; i < events.size(); i++) {
                assertEquals(total, events.get(i).total(), t.getKey() + ": the total changed");
                if (i > 0) assertTrue(events.get(i).done() >= events.get(i - 1).done(), t.getKey() + " went back: " + events);
            }
            assertEquals(total, events.get(events.size() - 1).done(), t.getKey() + " did not reach its total");
        }
        // every metric reports (lms through its stages), after the shared points are encoded
        assertEquals(List.of("encoding train", "encoding test", "beta_vae", "factor_vae", "mig", "sap", "dci", "modularity_explicitness",
                "irs", "unsupervised", "lms test", "mean_tc", "disintegration", "m_fvm", "spectral_independence"), List.copyOf(tasks.keySet()));
        assertEquals(600, tasks.get("encoding train").get(0).total());
        assertEquals(300, tasks.get("encoding test").get(0).total());
        assertEquals(600 / 16 + 2, tasks.get("encoding train").size(), "0, then one event per batch of 16");
        assertEquals(200 + 100, tasks.get("beta_vae").get(0).total());
        assertEquals(500 + 200 + 100, tasks.get("factor_vae").get(0).total());
        // SAP: one SVM per (code, factor); DCI: one tree per class and boosting stage; explicitness: one model per class
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), tasks.get("sap").stream().map(Event::done).toList());
        assertEquals(4, tasks.get("sap").get(0).total());
        assertEquals(GradientBoostedTrees.NUM_STAGES * (3 + 4), tasks.get("dci").get(0).total());
        assertEquals(1 + 2 * GradientBoostedTrees.NUM_STAGES, tasks.get("dci").size(), "0, then one event per boosting stage of each factor");
        assertEquals(3 + 4, tasks.get("modularity_explicitness").get(0).total());
        for (String quick : List.of("mig", "irs", "unsupervised", "disintegration")) {
            assertEquals(List.of(new Event(quick, 0, 1), new Event(quick, 1, 1)), tasks.get(quick));
        }
        assertEquals(300, tasks.get("lms test").get(0).total());
        // mean_tc encodes its own 600 points and would estimate MWS on 200 (the identity has no posterior: it ends at once)
        assertEquals(600 + 200, tasks.get("mean_tc").get(0).total());
        // m_fvm: its 100 points for the variances, then (50 + 50) votes of 20 observations for k = 1 (two factors)
        assertEquals(100 + 100 * 20, tasks.get("m_fvm").get(0).total());
    }

    @Test
    void lmsTreesReportEachTree() {
        double[][] codes = MetricFixtures.gaussian(200, 2, 3);
        double[][] factors = new double[200][2];
        for (int i = 0; i < 200; i++) {
            factors[i][0] = codes[i][1];
            factors[i][1] = codes[i][0];
        }
        Recorder recorder = new Recorder();
        try (LmsTree trees = LmsTree.fit(codes, factors, new int[][] {{0, 1}}, new int[][] {{0, 1}}, recorder, "lms trees")) {
            // one learned block of two dimensions against one true block of two factors: two trees
            assertEquals(List.of(new Event("lms trees", 0, 2), new Event("lms trees", 1, 2), new Event("lms trees", 2, 2)), recorder.events);
        }
    }

    @Test
    void aCounterReportsInOrderFromManyThreads() throws Exception {
        Recorder recorder = new Recorder();
        ProgressCounter counter = new ProgressCounter(recorder, "t", 4000);
        Thread[] threads = new Thread[4];
        for (int k = 0; k < threads.length; k++) {
            threads[k] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) counter.add(1);
            });
            threads[k].start();
        }
        for (Thread t : threads) t.join();
        assertEquals(4001, recorder.events.size());
        for (int i = 0; i < recorder.events.size(); i++) assertEquals(i, recorder.events.get(i).done());
    }
}
