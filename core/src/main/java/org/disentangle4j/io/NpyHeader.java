package org.disentangle4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The header of a {@code .npy} array: element type, byte order, shape, memory order and where the
 * data starts. Parses format versions 1.0, 2.0 and 3.0.
 *
 * @param fortranOrder true when the data is stored first index fastest (NumPy writes this for
 *     any Fortran-contiguous array, e.g. a transposed matrix)
 * @param dataOffset bytes from the start of the {@code .npy} stream to the first element
 */
public record NpyHeader(NpyDtype dtype, ByteOrder byteOrder, int[] shape, boolean fortranOrder, long dataOffset) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    public NpyHeader {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements (1 for a 0-d array, 0 when any dimension is 0). */
    public long numElements() {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    /** Bytes of element data that follow the header. */
    public long dataBytes() {
        return numElements() * dtype.itemSize();
    }

    /** The shape written as NumPy does, e.g. {@code (3, 64, 64)} or {@code (5,)}. */
    public String shapeString() {
        return pythonShape(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.dtype == dtype && h.byteOrder.equals(byteOrder)
                && Arrays.equals(h.shape, shape) && h.fortranOrder == fortranOrder && h.dataOffset == dataOffset;
    }

    @Override
    public int hashCode() {
        return dtype.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return dtype.descr(byteOrder) + " " + shapeString() + (fortranOrder ? " Fortran order" : "");
    }

    static String pythonShape(int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) s.append(", ");
            s.append(shape[i]);
        }
        if (shape.length == 1) s.append(',');
        return s.append(')').toString();
    }

    /**
     * Reads the magic string, version, header length and header dictionary from {@code in},
     * leaving the stream at the first data byte.
     *
     * @param source names the input in error messages (a file, or {@code file.npz:entry})
     */
    public static NpyHeader read(InputStream in, String source) throws IOException {
        byte[] preamble = readExactly(in, 8, source, "the 8-byte .npy preamble");
        for (int i = 0; i < MAGIC.length; i++) {
            if (preamble[i] != MAGIC[i]) {
                throw new UserInputException(source + ": not a .npy file (expected the magic bytes \\x93NUMPY)");
            }
        }
        int major = preamble[6] & 0xFF, minor = preamble[7] & 0xFF;
        int lengthBytes;
        if (major == 1 && minor == 0) lengthBytes = 2;
        else if ((major == 2 || major == 3) && minor == 0) lengthBytes = 4;
        else throw new UserInputException(source + ": unsupported .npy format version " + major + "." + minor
                + "; expected 1.0, 2.0 or 3.0");
        byte[] len = readExactly(in, lengthBytes, source, "the header length");
        long headerLength = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) headerLength = (headerLength << 8) | (len[i] & 0xFF);
        if (headerLength > 1 << 20) {
            throw new UserInputException(source + ": .npy header claims " + headerLength + " bytes; expected under 1 MiB");
        }
        byte[] text = readExactly(in, (int) headerLength, source, "the header dictionary");
        // version 3.0 exists only to allow UTF-8 in (structured) field names; 1.0 and 2.0 are latin-1
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parseDictionary(dict, source, 8L + lengthBytes + headerLength);
    }

    private static NpyHeader parseDictionary(String text, String source, long dataOffset) {
        Object parsed;
        try {
            parsed = new PythonLiteral(text.strip()).parseWhole();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(source + ": malformed .npy header (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new UserInputException(source + ": malformed .npy header (expected a dictionary)");
        }
        Object descr = map.get("descr"), fortran = map.get("fortran_order"), shape = map.get("shape");
        if (descr == null || fortran == null || shape == null) {
            throw new UserInputException(source + ": .npy header lacks descr, fortran_order or shape");
        }
        if (!(descr instanceof String d)) {
            throw new UserInputException(source + ": structured dtype " + descr + " is not supported; expected one of "
                    + NpyDtype.supportedList());
        }
        if (!(fortran instanceof Boolean)) {
            throw new UserInputException(source + ": fortran_order must be True or False, got " + fortran);
        }
        if (!(shape instanceof List<?> dims)) {
            throw new UserInputException(source + ": shape must be a tuple of integers, got " + shape);
        }
        int[] s = new int[dims.size()];
        for (int i = 0; i < s.length; i++) {
            if (!(dims.get(i) instanceof Long v) || v < 0 || v > Integer.MAX_VALUE) {
                throw new UserInputException(source + ": shape must be a tuple of integers in 0.."
                        + Integer.MAX_VALUE + ", got " + shape);
            }
            s[i] = (int) (long) v;
        }
        return new NpyHeader(parseDescr(d, source), byteOrderOf(d), s, (Boolean) fortran, dataOffset);
    }

    private static NpyDtype parseDescr(String descr, String source) {
        NpyDtype dtype = null;
        if (descr.length() >= 3 && "<>|=".indexOf(descr.charAt(0)) >= 0) {
            try {
                dtype = NpyDtype.of(descr.charAt(1), Integer.parseInt(descr.substring(2)));
            } catch (NumberFormatException e) {
                dtype = null;
            }
            // '|' (no byte order) is only meaningful for one-byte types
            if (dtype != null && descr.charAt(0) == '|' && dtype.itemSize() != 1) dtype = null;
        }
        if (dtype == null) {
            throw new UserInputException(source + ": unsupported dtype '" + descr + "'; expected one of "
                    + NpyDtype.supportedList());
        }
        return dtype;
    }

    private static ByteOrder byteOrderOf(String descr) {
        return switch (descr.charAt(0)) {
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '=' -> ByteOrder.nativeOrder();
            default -> ByteOrder.LITTLE_ENDIAN;
        };
    }

    static byte[] readExactly(InputStream in, int n, String source, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new UserInputException(source + ": truncated .npy file (ends inside " + what + ")");
        }
        return b;
    }

    /** Encodes a version 1.0 header (little-endian data), padded so the data starts at a multiple of 64 bytes. */
    static byte[] encode(NpyDtype dtype, int[] shape) {
        String dict = "{'descr': '" + dtype.descr(ByteOrder.LITTLE_ENDIAN) + "', 'fortran_order': False, 'shape': "
                + pythonShape(shape) + ", }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        StringBuilder header = new StringBuilder(dict);
        while (10 + header.length() + 1 < total) header.append(' ');
        header.append('\n');
        int length = header.length();
        if (length > 0xFFFF) throw new IllegalArgumentException("shape too long for a .npy 1.0 header");
        byte[] out = new byte[10 + length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) length;
        out[9] = (byte) (length >>> 8);
        byte[] text = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }
}
