package org.disentangle4j.examples;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.run.NewRun;
import org.disentangle4j.run.RunEvents;
import org.disentangle4j.run.RunLifecycle;
import org.disentangle4j.run.RunOutcome;
import org.disentangle4j.train.AfterTraining;

/**
 * Trains a β-VAE on procedural dSprites from Java, as {@code ./disentangle train} does (the same
 * defaults, the same run directory), then reads its losses from log.jsonl.
 *
 * <p>Usage: {@code TrainFromJava RUN_DIR [STEPS]}
 */
public final class TrainFromJava {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 200;
        var request = NewRun.of("beta-vae")             // any name `./disentangle models` lists
                .dataset("dsprites")
                .steps(steps)
                .hyperParameter("beta", 4)
                .logEvery(10)
                .dir(dir)
                .after(new AfterTraining(true, true, "mig", "10000,5000"))   // figures, then MIG into metrics.json
                .request();
        RunEvents quiet = new RunEvents() {};            // every event has a default that does nothing
        try (NDManager manager = Torch.newManager()) {
            RunOutcome outcome = RunLifecycle.run(request, manager, quiet);
            System.out.println("outcome " + outcome.kind() + " after " + outcome.steps() + " steps in " + outcome.dir());
        }
        List<String> log = Files.readAllLines(dir.resolve("log.jsonl"));
        JsonObject first = JsonParser.parseString(log.get(0)).getAsJsonObject();
        JsonObject last = JsonParser.parseString(log.get(log.size() - 1)).getAsJsonObject();
        System.out.printf("recon %.1f at step %d, %.1f at step %d%n", first.get("recon").getAsDouble(), first.get("step").getAsLong(),
                last.get("recon").getAsDouble(), last.get("step").getAsLong());
        JsonObject metrics = JsonParser.parseString(Files.readString(dir.resolve("metrics.json"))).getAsJsonObject();
        System.out.printf("mig %.4f%n", metrics.getAsJsonObject("mig").get("discrete_mig").getAsDouble());
    }
}
