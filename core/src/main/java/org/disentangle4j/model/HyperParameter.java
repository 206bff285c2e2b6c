package org.disentangle4j.model;

/**
 * A method's hyper-parameter with its paper default; the command line exposes it as
 * {@code --name}.
 */
public record HyperParameter(String name, double defaultValue, String description) {}
