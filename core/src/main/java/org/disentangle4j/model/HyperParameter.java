package org.disentangle4j.model;

import java.math.BigDecimal;

/**
 * A method's hyper-parameter with its paper default; the command line exposes it as
 * {@code --name}.
 *
 * <p>A default may be relative to another hyper-parameter of the same method
 * ({@code relativeTo}): then the default is {@code defaultValue × value of relativeTo}, e.g.
 * DIP-VAE-I's λ_d = 10·λ_od follows λ_od when only {@code --lambda-od} is given.
 *
 * @param relativeTo the hyper-parameter the default is a multiple of, or null for a plain default
 */
public record HyperParameter(String name, double defaultValue, String description, String relativeTo) {

    /** A hyper-parameter with a plain numeric default. */
    public HyperParameter(String name, double defaultValue, String description) {
        this(name, defaultValue, description, null);
    }

    /** A value as people write it: whole numbers without a decimal point, others in plain notation (1e-4 → 0.0001). */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A hyper-parameter whose default is {@code factor} times another one's value. */
    public static HyperParameter relative(String name, double factor, String relativeTo, String description) {
        return new HyperParameter(name, factor, description, relativeTo);
    }

    /** The default as people read it: "4", "0.0001" or "10·lambda-od". */
    public String defaultText() {
        String number = format(defaultValue);
        if (relativeTo == null) return number;
        return (defaultValue == 1 ? "" : number + "·") + relativeTo;
    }
}
