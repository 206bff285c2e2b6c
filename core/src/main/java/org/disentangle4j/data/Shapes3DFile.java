package org.disentangle4j.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.Arrays;
import org.disentangle4j.io.Hdf5ByteRecords;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;

/**
 * The official DeepMind {@code 3dshapes.h5}: datasets {@code images} (uint8 [480000, 64, 64, 3],
 * channel-last) and {@code labels} (float [480000, 6]: floor_hue, wall_hue, object_hue, scale,
 * shape, orientation), images in mixed-radix factor order (last factor fastest). The factors are
 * those of {@link Shapes3D}, with level values read from the labels.
 *
 * <p>The ~6 GB of images stay in the file and are read on demand ({@link Hdf5ByteRecords}: direct
 * reads when stored contiguously, a bounded cache of decompressed chunks otherwise). The labels
 * are checked on open: row r must be the factor vector of index r. Thread-safe; close it to
 * release the file.
 */
public final class Shapes3DFile implements GroundTruthDataset, Closeable {
    static final int[] OFFICIAL_SIZES = {10, 10, 10, 8, 4, 15};
    static final int OFFICIAL_IMAGE_SIZE = 64;
    private static final int CHANNELS = 3;

    private final HdfFile hdf;
    private final Hdf5ByteRecords images;
    private final FactorSpace factors;
    private final int size;

    private Shapes3DFile(HdfFile hdf, Hdf5ByteRecords images, FactorSpace factors, int size) {
        this.hdf = hdf;
        this.images = images;
        this.factors = factors;
        this.size = size;
    }

    /** Opens the official file; only the labels are read now. */
    public static Shapes3DFile open(Path h5) {
        return open(h5, OFFICIAL_SIZES, OFFICIAL_IMAGE_SIZE);
    }

    /** Opens a file with the official structure but other sizes (used by tests with tiny fakes). */
    static Shapes3DFile open(Path h5, int[] sizes, int imageSize) {
        IoErrors.requireFile(h5);
        HdfFile hdf;
        try {
            hdf = new HdfFile(h5);
        } catch (HdfException e) {
            throw new UserInputException(h5 + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
        try {
            int count = Arrays.stream(sizes).reduce(1, Math::multiplyExact);
            Dataset images = dataset(hdf, h5, "images");
            if (!Arrays.equals(images.getDimensions(), new int[] {count, imageSize, imageSize, CHANNELS})) {
                throw new UserInputException(h5 + ": images must be uint8 of shape (" + count + ", " + imageSize + ", "
                        + imageSize + ", 3), found shape " + Arrays.toString(images.getDimensions()));
            }
            Hdf5ByteRecords records = Hdf5ByteRecords.open(h5, hdf, images);
            FactorSpace factors = new FactorSpace(Shapes3D.FACTOR_NAMES, levelValues(h5, dataset(hdf, h5, "labels"), sizes));
            return new Shapes3DFile(hdf, records, factors, imageSize);
        } catch (RuntimeException e) {
            hdf.close();
            if (e instanceof UserInputException) throw e;
            throw new UserInputException(h5 + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static Dataset dataset(HdfFile hdf, Path h5, String name) {
        Node node = hdf.getChildren().get(name);
        if (!(node instanceof Dataset d)) {
            throw new UserInputException(h5 + ": no dataset '" + name + "'; expected the official 3dshapes.h5 with "
                    + "datasets images and labels");
        }
        return d;
    }

    private static String describe(Dataset d) {
        return Hdf5ByteRecords.typeName(d.getDataType()) + " of " + d.getDataType().getSize() + " byte(s), shape "
                + Arrays.toString(d.getDimensions());
    }

    /** Reads the labels and checks they are in factor order; returns the value of every level. */
    private static double[][] levelValues(Path h5, Dataset labels, int[] sizes) {
        int count = Arrays.stream(sizes).reduce(1, Math::multiplyExact), columns = sizes.length;
        if (!(labels.getDataType() instanceof FloatingPoint)
                || !Arrays.equals(labels.getDimensions(), new int[] {count, columns})) {
            throw new UserInputException(h5 + ": labels must be float of shape (" + count + ", " + columns
                    + "), found " + describe(labels));
        }
        Object flat = labels.getDataFlat();
        double[] rows = flat instanceof double[] d ? d : toDoubles((float[]) flat);
        return FactorTable.levelValues(h5.toString(), "labels", Shapes3D.FACTOR_NAMES, rows, sizes);
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    @Override
    public String name() {
        return Shapes3D.NAME;
    }

    @Override
    public FactorSpace factors() {
        return factors;
    }

    @Override
    public int[] observationShape() {
        return new int[] {CHANNELS, size, size};
    }

    @Override
    public void render(int[] f, float[] out, int offset) {
        factors.validate(f);
        int plane = size * size;
        byte[] image = new byte[plane * CHANNELS];
        images.read((int) factors.flatIndex(f), image, 0);
        // the file is channel-last (y, x, c); observations are channel-first (c, y, x)
        for (int c = 0; c < CHANNELS; c++) {
            int o = offset + c * plane;
            for (int p = 0; p < plane; p++) out[o + p] = (image[p * CHANNELS + c] & 0xFF) / 255f;
        }
    }

    @Override
    public void close() {
        images.close();
        hdf.close();
    }
}
