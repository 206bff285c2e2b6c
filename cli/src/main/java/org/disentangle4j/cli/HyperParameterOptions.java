package org.disentangle4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * One {@code --name} option per hyper-parameter of any registered method, generated from the
 * registry, so a new method's hyper-parameters appear on the command line and in --help
 * without touching the command.
 */
final class HyperParameterOptions {
    private HyperParameterOptions() {}

    /** Adds the options to a command. */
    static void addTo(CommandSpec spec) {
        Map<String, StringBuilder> usedBy = new TreeMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, HyperParameter> declared = declarations();
        for (Method m : Methods.all()) {
            for (HyperParameter h : m.hyperParameters()) {
                StringBuilder users = usedBy.computeIfAbsent(h.name(), k -> new StringBuilder());
                if (users.length() > 0) users.append(", ");
                users.append(m.name()).append(" default ").append(h.defaultText());
                // methods that share a name but mean different things (beta, gamma) are both described
                descriptions.merge(h.name(), h.help(), (a, b) -> a.contains(b) ? a : a + "; " + b);
            }
        }
        for (Map.Entry<String, StringBuilder> e : usedBy.entrySet()) {
            boolean categorical = declared.get(e.getKey()).categorical();
            spec.addOption(OptionSpec.builder("--" + e.getKey())
                    .type(categorical ? String.class : Double.class)
                    .paramLabel(categorical ? "NAME" : "X")
                    .description(descriptions.get(e.getKey()) + " (" + e.getValue() + ")")
                    .build());
        }
    }

    /** The hyper-parameters given on this command line, by name. */
    static Map<String, Double> given(ParseResult parsed) {
        Map<String, Double> values = new TreeMap<>();
        for (HyperParameter h : declarations().values()) {
            String flag = "--" + h.name();
            if (!parsed.hasMatchedOption(flag)) continue;
            // a categorical value is carried as its choice's index (HyperParameter#choice)
            values.put(h.name(), h.categorical() ? h.parse(parsed.matchedOptionValue(flag, (String) null))
                    : parsed.matchedOptionValue(flag, (Double) null));
        }
        return values;
    }

    /**
     * One declaration per option name. Methods may share a name (beta, gamma), but a categorical
     * one must then have the same choices everywhere: the option's value is their index.
     */
    private static Map<String, HyperParameter> declarations() {
        Map<String, HyperParameter> byName = new TreeMap<>();
        for (Method m : Methods.all()) {
            for (HyperParameter h : m.hyperParameters()) {
                HyperParameter first = byName.putIfAbsent(h.name(), h);
                if (first != null && (first.categorical() || h.categorical()) && !first.choices().equals(h.choices())) {
                    throw new IllegalStateException("--" + h.name() + " is declared with different choices (or both numeric and categorical) by "
                            + m.name() + " and another method");
                }
            }
        }
        return byName;
    }
}
