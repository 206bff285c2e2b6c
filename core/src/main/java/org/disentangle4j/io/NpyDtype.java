package org.disentangle4j.io;

import java.nio.ByteOrder;

/** The NumPy element types this project reads and writes. */
public enum NpyDtype {
    FLOAT32('f', 4),
    FLOAT64('f', 8),
    INT64('i', 8),
    INT32('i', 4),
    INT16('i', 2),
    INT8('i', 1),
    UINT64('u', 8),
    UINT32('u', 4),
    UINT16('u', 2),
    UINT8('u', 1),
    BOOL('b', 1);

    private final char kind;
    private final int itemSize;

    NpyDtype(char kind, int itemSize) {
        this.kind = kind;
        this.itemSize = itemSize;
    }

    /** True for uint8 and bool, the types read as raw unsigned bytes. */
    public boolean isByte() {
        return this == UINT8 || this == BOOL;
    }

    /** True for the integer and bool types. */
    boolean isInteger() {
        return kind != 'f';
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** The NumPy {@code descr} string, e.g. {@code <f4}; one-byte types carry no byte order ({@code |u1}). */
    public String descr(ByteOrder order) {
        char prefix = itemSize == 1 ? '|' : order == ByteOrder.LITTLE_ENDIAN ? '<' : '>';
        return "" + prefix + kind + itemSize;
    }

    /** The dtype for a kind letter and size ({@code 'f', 4} → FLOAT32), or null when unsupported. */
    static NpyDtype of(char kind, int itemSize) {
        for (NpyDtype d : values()) {
            if (d.kind == kind && d.itemSize == itemSize) return d;
        }
        return null;
    }

    static String supportedList() {
        return "<f4, <f8, <i8, <i4, <i2, |i1, <u8, <u4, <u2, |u1, |b1 (either byte order)";
    }
}
