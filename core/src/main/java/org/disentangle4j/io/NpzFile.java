package org.disentangle4j.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A NumPy {@code .npz} archive: a zip of {@code .npy} entries, stored or DEFLATE-compressed
 * ({@code np.savez} / {@code np.savez_compressed}). Arrays are named without the {@code .npy}
 * suffix. Entries are read on demand, whole or streamed, so opening a 3 GB archive costs nothing.
 * Safe to read from several threads.
 */
public final class NpzFile implements Closeable {
    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

    private NpzFile(Path file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (e.isDirectory()) continue;
            String name = e.getName();
            entries.put(name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name, e);
        }
    }

    /** Opens an archive; a missing file or one that is not a zip is a UserInputException. */
    public static NpzFile open(Path file) {
        IoErrors.requireFile(file);
        try {
            return new NpzFile(file, new ZipFile(file.toFile()));
        } catch (ZipException e) {
            throw new UserInputException(file + ": not a zip archive (expected an .npz of .npy arrays)", e);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + IoErrors.reason(e, file) + ")", e);
        }
    }

    public Path file() {
        return file;
    }

    /** Array names in archive order. */
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Reads only the header of an entry (dtype and shape), without touching its data. */
    public NpyHeader header(String name) {
        try (NpyReader reader = stream(name)) {
            return reader.header();
        }
    }

    /**
     * Reads a whole entry into memory, checking its bytes against the CRC-32 the archive records
     * for it: a damaged entry is a one-line UserInputException naming the file and the array.
     */
    public NpyArray read(String name) {
        ZipEntry entry = entry(name);
        String source = file + ":" + name;
        CheckedInputStream checked = null;
        try {
            checked = new CheckedInputStream(zip.getInputStream(entry), new CRC32());
            NpyArray array;
            try (NpyReader reader = new NpyReader(new BufferedInputStream(checked, 1 << 16), source, entry.getSize())) {
                array = reader.readAll();
                byte[] rest = new byte[8192];
                while (checked.read(rest) >= 0) {
                    // the entry's last bytes count towards its CRC too
                }
            }
            if (entry.getCrc() != -1 && checked.getChecksum().getValue() != entry.getCrc()) {
                throw new UserInputException(source + " is damaged: its bytes do not match the CRC-32 the archive records for them");
            }
            return array;
        } catch (IOException e) {
            NpyReader.closeQuietly(checked);
            throw new UserInputException(source + ": cannot read (" + IoErrors.reason(e, source) + ")", e);
        }
    }

    /** Streams an entry's elements; close the reader when done. */
    public NpyReader stream(String name) {
        ZipEntry entry = entry(name);
        String source = file + ":" + name;
        InputStream in = null;
        try {
            in = new BufferedInputStream(zip.getInputStream(entry), 1 << 16);
            return new NpyReader(in, source, entry.getSize());
        } catch (IOException e) {
            NpyReader.closeQuietly(in);
            throw new UserInputException(source + ": cannot read (" + IoErrors.reason(e, source) + ")", e);
        } catch (RuntimeException e) {
            NpyReader.closeQuietly(in);
            throw e;
        }
    }

    private ZipEntry entry(String name) {
        ZipEntry entry = entries.get(name);
        if (entry == null) {
            throw new UserInputException(file + ": no array '" + name + "' (the archive holds: "
                    + String.join(", ", entries.keySet()) + ")");
        }
        return entry;
    }

    @Override
    public void close() {
        NpyReader.closeQuietly(zip);
    }
}
