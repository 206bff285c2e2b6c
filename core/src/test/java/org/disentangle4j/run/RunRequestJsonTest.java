package org.disentangle4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** A request survives the trip to another JVM unchanged, and a damaged file is one line. */
class RunRequestJsonTest {
    private static RunRequest roundTrip(RunRequest request) {
        return RunRequestJson.read(RunRequestJson.write(request), "r.json");
    }

    @Test
    void everyKindOfRequestReadsBackEqual() {
        TrainingConfig config = new TrainingConfig("beta-vae", "dsprites", null, 2000, 64, 1e-4, 10, "bernoulli", 5,
                Map.of("beta", 4.0, "objective", 1.0), 50, 500, null, 2);
        RunRequest.Start start = new RunRequest.Start(config, Path.of("out", "a"), new AfterTraining(true, false, "mig,dci", "1000,500"));
        assertEquals(start, roundTrip(start));
        RunRequest.Resume resume = new RunRequest.Resume(Path.of("out", "b"), 300L, new AfterTraining.Change(false, null, "all", null));
        assertEquals(resume, roundTrip(resume));
        assertEquals(RunRequest.Resume.asStarted(Path.of("c")), roundTrip(RunRequest.Resume.asStarted(Path.of("c"))));
        RunRequest.Score score = new RunRequest.Score(Path.of("d"), List.of("mig", "factor_vae"), "10000,5000", 0);
        assertEquals(score, roundTrip(score));
    }

    @Test
    void aChangeReplacesOnlyWhatItNames() {
        AfterTraining saved = new AfterTraining(true, false, "mig", "10000,5000");
        assertEquals(saved, AfterTraining.Change.NONE.applyTo(saved));
        // naming metrics asks for scoring
        assertEquals(new AfterTraining(true, true, "dci", "1000,500"), AfterTraining.Change.scoring("dci", "1000,500").applyTo(saved));
        // unless scoring is refused outright
        assertEquals(new AfterTraining(false, false, "dci", "10000,5000"), new AfterTraining.Change(false, false, "dci", null).applyTo(saved));
    }

    @Test
    void aDamagedRequestIsOneLineNamingTheFile() {
        assertEquals("r.json is not a run request: unknown kind 'train' (start, resume or score)",
                assertThrows(UserInputException.class, () -> RunRequestJson.read("{\"kind\": \"train\", \"dir\": \"x\"}", "r.json")).getMessage());
        assertEquals("r.json is not a run request: missing \"dir\"",
                assertThrows(UserInputException.class, () -> RunRequestJson.read("{\"kind\": \"score\"}", "r.json")).getMessage());
        assertThrows(UserInputException.class, () -> RunRequestJson.read("[1, 2]", "r.json"));
        assertThrows(UserInputException.class, () -> RunRequestJson.read("{", "r.json"));
    }
}
