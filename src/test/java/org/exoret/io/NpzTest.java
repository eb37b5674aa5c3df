package org.exoret.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.exoret.ExoretException;
import org.exoret.testing.PythonNumpy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path tmp;

    static Path resource(String name) {
        try {
            return Path.of(NpzTest.class.getResource("/posterior/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, NpyArray> sampleArrays() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("f8", NpyArray.ofDoubles(new double[] {0, 1.5, -2, 3, Double.NaN, 1e-300}, 2, 3));
        arrays.put("f4", NpyArray.ofFloats(new float[] {1.25f, -7f}));
        arrays.put("i8", NpyArray.ofLongs(new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE, 1, 2, 3, 4, 5}, 2, 2, 2));
        arrays.put("i4", NpyArray.ofInts(new int[] {-1, 0, 7}));
        arrays.put("b1", NpyArray.ofBooleans(new boolean[] {true, false}));
        arrays.put("text", NpyArray.ofStrings(new String[] {"T", "log10 κ", "𝛾 astral"}));
        arrays.put("scalar", NpyArray.scalar(42.0));
        arrays.put("count", NpyArray.scalar(7L));
        arrays.put("empty", NpyArray.ofDoubles(new double[0], 0, 3));
        return arrays;
    }

    @Test
    void roundTripsEveryDtypeAndShape() {
        Path file = tmp.resolve("all.npz");
        Map<String, NpyArray> arrays = sampleArrays();
        Npz.write(file, arrays);
        Map<String, NpyArray> back = Npz.read(file);
        assertEquals(arrays.keySet(), back.keySet());
        for (String key : arrays.keySet()) {
            assertEquals(arrays.get(key), back.get(key), key);
        }
        assertEquals(0, back.get("scalar").ndim());
        assertEquals(42.0, back.get("scalar").scalarDouble());
    }

    @Test
    void compressedArchivesRoundTripAndShrinkSparseArrays() throws IOException {
        Map<String, NpyArray> arrays = sampleArrays();
        double[][] sparse = new double[79][3411];
        for (int b = 0; b < sparse.length; b++) {
            Arrays.fill(sparse[b], 40 * b, 40 * b + 30, 1.0 / 30);
        }
        arrays.put("weights", NpyArray.ofMatrix(sparse));
        Path stored = tmp.resolve("stored.npz");
        Path compressed = tmp.resolve("compressed.npz");
        Npz.write(stored, arrays);
        Npz.writeCompressed(compressed, arrays);
        Map<String, NpyArray> back = Npz.read(compressed);
        for (String key : arrays.keySet()) {
            assertEquals(arrays.get(key), back.get(key), key);
        }
        try (ZipFile zip = new ZipFile(compressed.toFile())) {
            assertEquals(ZipEntry.DEFLATED, zip.getEntry("weights.npy").getMethod(), "numpy.savez_compressed's method");
        }
        assertTrue(Files.size(compressed) < Files.size(stored) / 20, Files.size(compressed) + " vs " + Files.size(stored));
    }

    @Test
    void headerFollowsTheNpySpecification() {
        // NEP 1: magic \x93NUMPY, version 1.0, little-endian uint16 header length, header padded with spaces
        // and terminated by '\n' so that the data start at a multiple of 64 bytes.
        byte[] bytes = Npy.encode(NpyArray.ofDoubles(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        assertEquals(10 + headerLength + 6 * 8, bytes.length);
        // 1.0 little-endian is 00 00 00 00 00 00 F0 3F.
        assertEquals((byte) 0x3f, bytes[10 + headerLength + 7]);
        assertEquals((byte) 0xf0, bytes[10 + headerLength + 6]);
        String oneD = new String(Npy.encode(NpyArray.ofInts(new int[] {1})), StandardCharsets.US_ASCII);
        assertTrue(oneD.contains("'descr': '<i4'") && oneD.contains("'shape': (1,)"), oneD);
        String scalar = new String(Npy.encode(NpyArray.scalar(1.0)), StandardCharsets.US_ASCII);
        assertTrue(scalar.contains("'shape': ()"), scalar);
        String text = new String(Npy.encode(NpyArray.ofStrings(new String[] {"ab", "κ"})), StandardCharsets.US_ASCII);
        assertTrue(text.contains("'descr': '<U2'"), text);
    }

    @Test
    void readsArraysWrittenByNumpy() {
        Map<String, NpyArray> a = Npz.read(resource("dtypes_fixture.npz"));
        NpyArray big = a.get("big_endian");
        assertEquals(NpyDtype.FLOAT64, big.dtype());
        assertArrayEquals(new int[] {2, 3}, big.shape());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1.0, 1.25}, big.toDoubleArray());
        assertArrayEquals(new float[] {1.5f, -2.25f}, toFloats(a.get("f4").toDoubleArray()));
        assertEquals(NpyDtype.INT32, a.get("i4").dtype());
        assertArrayEquals(new long[] {1, -2, 3, 4}, a.get("i4").toLongArray());
        assertArrayEquals(new boolean[] {true, false, true}, a.get("flags").toBooleanArray());
        assertArrayEquals(new String[] {"a", "bé", "κ-γ"}, a.get("text").toStringArray());
        assertEquals(2.5, a.get("scalar").scalarDouble());
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Test
    void refusesFortranOrderNamingFileAndEntry() {
        Path file = resource("fortran_fixture.npz");
        ExoretException e = assertThrows(ExoretException.class, () -> Npz.read(file));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains("fortran_fixture.npz") && e.getMessage().contains("'matrix.npy'")
                && e.getMessage().contains("Fortran"), e.getMessage());
    }

    @Test
    void refusesObjectArrays() {
        ExoretException e = assertThrows(ExoretException.class, () -> Npz.read(resource("object_fixture.npz")));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains("'things.npy'") && e.getMessage().contains("|O"), e.getMessage());
    }

    @Test
    void refusesTruncatedAndForeignFiles() throws IOException {
        byte[] good = Npy.encode(NpyArray.ofDoubles(new double[] {1, 2, 3}));
        ExoretException truncated = assertThrows(ExoretException.class,
                () -> Npy.decode(Arrays.copyOf(good, good.length - 4), "x.npy"));
        assertTrue(truncated.getMessage().contains("x.npy") && truncated.getMessage().contains("truncated"));
        assertThrows(ExoretException.class, () -> Npy.decode("not numpy at all".getBytes(StandardCharsets.US_ASCII),
                "y.npy"));
        Path notZip = tmp.resolve("bad.npz");
        java.nio.file.Files.writeString(notZip, "hello");
        ExoretException e = assertThrows(ExoretException.class, () -> Npz.read(notZip));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertEquals(ExoretException.Kind.MISSING_FILE,
                assertThrows(ExoretException.class, () -> Npz.read(tmp.resolve("absent.npz"))).kind());
    }

    @Test
    void shapeMustMatchData() {
        assertThrows(ExoretException.class, () -> NpyArray.ofDoubles(new double[5], 2, 3));
    }

    @Test
    void numpyLoadsWhatWeWrite() throws IOException {
        assumeTrue(PythonNumpy.available(), "python3 with numpy is not available");
        Path file = tmp.resolve("for_numpy.npz");
        Path compressed = tmp.resolve("for_numpy_compressed.npz");
        Npz.write(file, sampleArrays());
        Npz.writeCompressed(compressed, sampleArrays());
        String script = String.join("\n",
                "import sys, numpy as np",
                "d = np.load(sys.argv[1])",
                "assert d['f8'].shape == (2, 3) and d['f8'].dtype == np.float64, d['f8']",
                "assert d['f8'][0, 1] == 1.5 and np.isnan(d['f8'][1, 1]) and d['f8'][1, 2] == 1e-300",
                "assert d['f4'].dtype == np.float32 and d['f4'][1] == -7",
                "assert d['i8'].shape == (2, 2, 2) and d['i8'][0, 0, 0] == -2**63 and d['i8'][1, 1, 1] == 5",
                "assert d['i4'].dtype == np.int32 and list(d['i4']) == [-1, 0, 7]",
                "assert d['b1'].dtype == np.bool_ and list(d['b1']) == [True, False]",
                "assert list(d['text']) == ['T', 'log10 κ', '𝛾 astral'], d['text']",
                "assert d['scalar'].shape == () and float(d['scalar']) == 42.0",
                "assert int(d['count']) == 7 and d['empty'].shape == (0, 3)",
                "print('numpy-ok')");
        for (Path f : new Path[] {file, compressed}) {
            PythonNumpy.Result r = PythonNumpy.run(script, f.toString());
            assertEquals(0, r.exitCode(), f + ": " + r.output());
            assertTrue(r.output().contains("numpy-ok"), r.output());
        }
    }
}
