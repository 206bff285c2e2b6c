package org.disentangle4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.train.BlockSpec;
import org.disentangle4j.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Default resolution of a new run: what is given, then the method's own training defaults, then the general ones. */
class NewRunTest {
    @Test
    void nothingGivenIsTheGeneralDefaults() {
        assertEquals(new TrainingConfig("beta-vae", "dsprites", null, 4000, 64, 1e-4, 10, "bernoulli", 0, Map.of(), 50, 500),
                NewRun.of("beta-vae").config());
    }

    @Test
    void aMethodsOwnDefaultsComeBeforeTheGeneralOnesAndAfterWhatIsGiven() {
        // cdg-vae: Adam 1e-3, batch 128, one latent per factor (pendulum has 4)
        TrainingConfig cdg = NewRun.of("cdg-vae").dataset("pendulum").config();
        assertEquals(List.of(1e-3, 128, 4), List.of(cdg.learningRate(), cdg.batchSize(), cdg.latentDim()));
        TrainingConfig given = NewRun.of("cdg-vae").dataset("pendulum").learningRate(5e-4).batchSize(32).latentDim(6).config();
        assertEquals(List.of(5e-4, 32, 6), List.of(given.learningRate(), given.batchSize(), given.latentDim()));
        // cfasl on shapes3d: 6 latents, elsewhere the general 10
        assertEquals(6, NewRun.of("cfasl").dataset("shapes3d").config().latentDim());
        assertEquals(10, NewRun.of("cfasl").config().latentDim());
    }

    @Test
    void blocksComeFromTheDatasetOrTheCallerAndSetTheBlockSize() {
        TrainingConfig additive = NewRun.of("additive-ae").dataset("balls-block-dependent").config();
        assertEquals(4, additive.latentDim());
        assertEquals(2.0, additive.hyperParameters().get("block-size"));
        TrainingConfig given = NewRun.of("additive-ae").dataset("balls-scalar").blocks(BlockSpec.parse("3,3")).config();
        assertEquals(6, given.latentDim());
        assertEquals(3.0, given.hyperParameters().get("block-size"));
        // a latent size given instead of blocks: no blocks from the dataset
        assertEquals(Map.of(), NewRun.of("additive-ae").dataset("balls-scalar").latentDim(5).config().hyperParameters());
        UserInputException both = assertThrows(UserInputException.class,
                () -> NewRun.of("additive-ae").blocks(BlockSpec.parse("2,2")).latentDim(5).config());
        assertEquals("--blocks 2,2 makes a latent size of 4, but --latent-dim is 5; give one of them", both.getMessage());
    }

    @Test
    void theRequestNamesItsDirectoryAndFinishing() {
        AfterTraining after = new AfterTraining(false, true, "mig", "1000,500");
        RunRequest.Start start = NewRun.of("vae").seed(3).steps(7).dir(Path.of("out", "x")).after(after).request();
        assertEquals(Path.of("out", "x"), start.dir());
        assertEquals(after, start.after());
        assertEquals(List.of(3L, 7L), List.of(start.config().seed(), start.config().steps()));
        // without a directory: runs/<method>-<dataset>-<time>
        String name = NewRun.of("vae").request().dir().toString();
        assertEquals(true, name.startsWith(Path.of("runs", "vae-dsprites-").toString()), name);
    }
}
