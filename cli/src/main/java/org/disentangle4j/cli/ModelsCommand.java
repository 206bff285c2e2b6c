package org.disentangle4j.cli;

import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import picocli.CommandLine.Command;

/** {@code disentangle models}: the registered methods, each with its composition of parts and its hyper-parameters and defaults. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models: what each is composed of (encoder, latent structure, decoder, observation model, objective terms) "
                + "and its hyper-parameters with their defaults.")
public final class ModelsCommand implements Runnable {
    @Override
    public void run() {
        for (Method m : Methods.all()) {
            System.out.printf("%-14s %s%n", m.name(), m.description());
            for (String line : m.compositionLines()) System.out.printf("    %s%n", line);
            for (HyperParameter h : m.hyperParameters()) {
                System.out.printf("    --%-22s default %-14s %s%n", h.name(), h.defaultText(), h.help());
            }
        }
        System.out.printf("%nAny composed model's architecture can be chosen per run: train --part SLOT=NAME (repeatable), %s%n",
                String.join(", ", org.disentangle4j.model.PartChoices.describe()));
    }
}
