package org.disentangle4j.model;

import java.io.IOException;
import java.nio.file.Path;

/** A figure of a method's own ({@link Model#extraFigures}), drawn into the run directory after the standard ones. */
public interface ExtraFigure {
    /** Its file name in the run directory, e.g. {@code blocks.png}; {@code traverse --figure} takes the name without {@code .png}. */
    String file();

    /** What it shows, in a few words (for the report and {@code traverse --help}). */
    String caption();

    /** Draws it from the model's current parameters. */
    void write(FigureInputs inputs, Path file) throws IOException;

    /** The name {@code traverse --figure} knows it by: the file name without its extension. */
    default String name() {
        String f = file();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
