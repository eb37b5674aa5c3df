package org.exoret.io;

import java.util.Arrays;
import java.util.Objects;
import org.exoret.ExoretException;

/**
 * An n-dimensional NumPy array held in C (row-major) order: element type, shape and a flat Java array.
 * A zero-dimensional shape ({@code ()}) holds one scalar, as {@code numpy.savez} writes Python numbers.
 * Immutable: factories and accessors copy the data. Thread-safe.
 */
public final class NpyArray {

    private final NpyDtype dtype;
    private final int[] shape;
    private final Object data;

    private NpyArray(NpyDtype dtype, int[] shape, Object data, int length) {
        this.dtype = dtype;
        this.shape = shape.clone();
        long size = 1;
        for (int s : this.shape) {
            if (s < 0) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "array shape " + Arrays.toString(shape) + " has a negative extent");
            }
            size *= s;
        }
        if (size != length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "array shape " + Arrays.toString(shape)
                    + " holds " + size + " elements but " + length + " were given");
        }
        this.data = data;
    }

    /**
     * @param data values, copied
     * @param shape extents; none for a scalar; empty means {@code {data.length}}
     * @return a float64 array
     */
    public static NpyArray ofDoubles(double[] data, int... shape) {
        return new NpyArray(NpyDtype.FLOAT64, shapeOr(shape, data.length), data.clone(), data.length);
    }

    /**
     * @param data values, copied
     * @param shape extents; empty means {@code {data.length}}
     * @return a float32 array
     */
    public static NpyArray ofFloats(float[] data, int... shape) {
        return new NpyArray(NpyDtype.FLOAT32, shapeOr(shape, data.length), data.clone(), data.length);
    }

    /**
     * @param data values, copied
     * @param shape extents; empty means {@code {data.length}}
     * @return an int64 array
     */
    public static NpyArray ofLongs(long[] data, int... shape) {
        return new NpyArray(NpyDtype.INT64, shapeOr(shape, data.length), data.clone(), data.length);
    }

    /**
     * @param data values, copied
     * @param shape extents; empty means {@code {data.length}}
     * @return an int32 array
     */
    public static NpyArray ofInts(int[] data, int... shape) {
        return new NpyArray(NpyDtype.INT32, shapeOr(shape, data.length), data.clone(), data.length);
    }

    /**
     * @param data values, copied
     * @param shape extents; empty means {@code {data.length}}
     * @return a boolean array
     */
    public static NpyArray ofBooleans(boolean[] data, int... shape) {
        return new NpyArray(NpyDtype.BOOL, shapeOr(shape, data.length), data.clone(), data.length);
    }

    /**
     * @param data strings (no NUL characters; trailing NULs would be lost as in NumPy), copied
     * @param shape extents; empty means {@code {data.length}}
     * @return a Unicode string array
     */
    public static NpyArray ofStrings(String[] data, int... shape) {
        for (String s : data) {
            Objects.requireNonNull(s, "string element");
        }
        return new NpyArray(NpyDtype.UNICODE, shapeOr(shape, data.length), data.clone(), data.length);
    }

    /**
     * @param value the value
     * @return a zero-dimensional float64 array, as NumPy stores a Python float
     */
    public static NpyArray scalar(double value) {
        return new NpyArray(NpyDtype.FLOAT64, new int[0], new double[] {value}, 1);
    }

    /**
     * @param value the value
     * @return a zero-dimensional int64 array, as NumPy stores a Python int
     */
    public static NpyArray scalar(long value) {
        return new NpyArray(NpyDtype.INT64, new int[0], new long[] {value}, 1);
    }

    /**
     * A float64 matrix.
     *
     * @param rows rows of equal length, copied
     * @return an array of shape (rows, columns)
     */
    public static NpyArray ofMatrix(double[][] rows) {
        int n = rows.length;
        int m = n == 0 ? 0 : rows[0].length;
        double[] flat = new double[Math.multiplyExact(n, m)];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != m) {
                throw new ExoretException(ExoretException.Kind.MISMATCH,
                        "matrix row " + i + " has " + rows[i].length + " columns, row 0 has " + m);
            }
            System.arraycopy(rows[i], 0, flat, i * m, m);
        }
        return new NpyArray(NpyDtype.FLOAT64, new int[] {n, m}, flat, flat.length);
    }

    /** Wraps decoded data without copying; for the reader. */
    static NpyArray wrap(NpyDtype dtype, int[] shape, Object data, int length) {
        return new NpyArray(dtype, shape, data, length);
    }

    private static int[] shapeOr(int[] shape, int length) {
        return shape.length == 0 ? new int[] {length} : shape;
    }

    /** @return the element type */
    public NpyDtype dtype() {
        return dtype;
    }

    /** @return the extents, outermost first (a copy); empty for a scalar */
    public int[] shape() {
        return shape.clone();
    }

    /** @return the number of dimensions */
    public int ndim() {
        return shape.length;
    }

    /** @return the number of elements */
    public int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** The flat data without copying; for the writer. */
    Object rawData() {
        return data;
    }

    /** @return the elements as doubles in C order (integers and booleans converted) */
    public double[] toDoubleArray() {
        return switch (dtype) {
            case FLOAT64 -> ((double[]) data).clone();
            case FLOAT32 -> {
                float[] f = (float[]) data;
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                yield d;
            }
            case INT64 -> Arrays.stream((long[]) data).asDoubleStream().toArray();
            case INT32 -> Arrays.stream((int[]) data).asDoubleStream().toArray();
            case BOOL -> {
                boolean[] b = (boolean[]) data;
                double[] d = new double[b.length];
                for (int i = 0; i < b.length; i++) {
                    d[i] = b[i] ? 1 : 0;
                }
                yield d;
            }
            case UNICODE -> throw wrongType("numbers");
        };
    }

    /** @return the elements as longs in C order; only for integer and boolean arrays */
    public long[] toLongArray() {
        return switch (dtype) {
            case INT64 -> ((long[]) data).clone();
            case INT32 -> Arrays.stream((int[]) data).asLongStream().toArray();
            case BOOL -> {
                boolean[] b = (boolean[]) data;
                long[] l = new long[b.length];
                for (int i = 0; i < b.length; i++) {
                    l[i] = b[i] ? 1 : 0;
                }
                yield l;
            }
            default -> throw wrongType("integers");
        };
    }

    /** @return the elements as booleans in C order; only for boolean arrays */
    public boolean[] toBooleanArray() {
        if (dtype != NpyDtype.BOOL) {
            throw wrongType("booleans");
        }
        return ((boolean[]) data).clone();
    }

    /** @return the elements as strings in C order; only for string arrays */
    public String[] toStringArray() {
        if (dtype != NpyDtype.UNICODE) {
            throw wrongType("strings");
        }
        return ((String[]) data).clone();
    }

    /** @return a two-dimensional numeric array as rows of doubles */
    public double[][] toDoubleMatrix() {
        if (shape.length != 2) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    "expected a two-dimensional array, got shape " + Arrays.toString(shape));
        }
        double[] flat = toDoubleArray();
        double[][] rows = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            System.arraycopy(flat, i * shape[1], rows[i], 0, shape[1]);
        }
        return rows;
    }

    /** @return the value of a one-element numeric array (scalar or shape (1,)) */
    public double scalarDouble() {
        requireOneElement();
        return toDoubleArray()[0];
    }

    /** @return the value of a one-element integer array (scalar or shape (1,)) */
    public long scalarLong() {
        requireOneElement();
        return toLongArray()[0];
    }

    private void requireOneElement() {
        if (size() != 1) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    "expected a single value, got an array of shape " + Arrays.toString(shape));
        }
    }

    private ExoretException wrongType(String wanted) {
        return new ExoretException(ExoretException.Kind.MISMATCH,
                "expected an array of " + wanted + ", got dtype " + dtype + " of shape " + Arrays.toString(shape));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NpyArray other)) {
            return false;
        }
        return dtype == other.dtype && Arrays.equals(shape, other.shape)
                && Arrays.deepEquals(new Object[] {data}, new Object[] {other.data});
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.deepHashCode(new Object[] {data});
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
