package org.disentangle4j.cli;

import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import picocli.CommandLine.Command;

/** {@code disentangle models}: the registered methods with their hyper-parameters and defaults. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models with their hyper-parameters and defaults.")
public final class ModelsCommand implements Runnable {
    @Override
    public void run() {
        for (Method m : Methods.all()) {
            System.out.printf("%-14s %s%n", m.name(), m.description());
            for (HyperParameter h : m.hyperParameters()) {
                System.out.printf("    --%-22s default %-14s %s%n", h.name(), h.defaultText(), h.help());
            }
        }
    }
}
