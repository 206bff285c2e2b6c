package org.disentangle4j.cli;

import picocli.CommandLine.Option;

/** The options of {@code intervene}'s layer mode: which decoder layer, which transform, how strong (issue 15). */
final class LayerInterventionOptions {
    @Option(names = "--transform", required = true, paramLabel = "T", order = 1, description = {
        "replace a decoder layer's mechanism: stretch,",
        "stretch-x, stretch-y (conv kernels resampled",
        "S >= 1 times wider: both axes, x, y), rotate",
        "(the layer's output maps by S degrees), scale",
        "(output maps zoomed by S > 0), colour (3 output",
        "maps: hue turned by S degrees)"})
    String transform;

    @Option(names = "--layer", paramLabel = "K", order = 2, description = {
        "the decoder layer: its position from 1 or its",
        "name (an error lists the layers the transform",
        "applies to); with --grid: default all of them"})
    String layer;

    @Option(names = "--strength", paramLabel = "S", order = 3, description = "the transform's strength (not with --grid)")
    Double strength;

    @Option(names = "--grid", order = 4, description = {
        "write RUN_DIR/extrapolation-layers.png: rows =",
        "layers intervened on, columns = strengths"})
    boolean grid;

    @Option(names = "--strengths", paramLabel = "S", split = ",", order = 5, description = {
        "the grid's columns; default: stretch",
        "1,1.25,1.5,2,3; stretch-x/-y 1,1.5,2,2.5,3;",
        "rotate 0,15,30,45,60; scale 0.75,1,1.25,1.5,2;",
        "colour 0,60,120,180,240"})
    double[] strengths;
}
