package org.exoret.surrogate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exoret.ExoretException;
import org.exoret.forward.BandProjection;
import org.exoret.io.NpyArray;
import org.exoret.io.Npz;

/**
 * The band projection kept inside a bundle as {@value #FILE_NAME}, a NumPy archive with {@code weights} (float64,
 * bands × wavenumbers, (erg s⁻¹ cm⁻² (cm⁻¹)⁻¹)⁻¹) and {@code band_ids} (unicode strings, observation order), so a
 * bundle evaluates band depths without the RT configuration it was trained with. Stateless.
 */
final class StoredBandProjection {

    /** File name inside a bundle folder. */
    static final String FILE_NAME = "band_projection.npz";

    private StoredBandProjection() {
    }

    static void write(Path bundle, BandProjection projection, List<String> bandIds) {
        double[][] rows = new double[projection.bandCount()][];
        for (int b = 0; b < rows.length; b++) {
            rows[b] = projection.weights(b);
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("weights", NpyArray.ofMatrix(rows));
        arrays.put("band_ids", NpyArray.ofStrings(bandIds.toArray(String[]::new), bandIds.size()));
        // top-hat and instrument passbands leave most of the bands × wavenumbers weights zero
        Npz.writeCompressed(bundle.resolve(FILE_NAME), arrays);
    }

    /**
     * Reads the projection and checks it against the descriptor's band ids and wavenumber grid.
     *
     * @param bundle bundle folder
     * @param d its descriptor
     * @return the projection
     */
    static BandProjection read(Path bundle, BundleDescriptor d) {
        Path file = bundle.resolve(FILE_NAME);
        if (!d.hasBandProjection() || !Files.isRegularFile(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "surrogate bundle " + bundle
                    + " has no stored band projection (" + FILE_NAME + "); train with --config to store the band "
                    + "projection, or pass a projection explicitly");
        }
        Map<String, NpyArray> arrays = Npz.read(file);
        NpyArray weights = arrays.get("weights");
        NpyArray ids = arrays.get("band_ids");
        if (weights == null || ids == null || weights.ndim() != 2) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, file + " must hold a 2-D 'weights' array and "
                    + "'band_ids'; found " + arrays.keySet());
        }
        int w = d.wavenumberPerCm().length;
        if (weights.shape()[1] != w || !Arrays.asList(ids.toStringArray()).equals(d.bandIds())) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, file + ": weights " + Arrays.toString(weights.shape())
                    + " with band ids " + Arrays.toString(ids.toStringArray()) + " do not match " + BundleDescriptor.FILE_NAME
                    + " (" + d.bandIds().size() + " bands " + d.bandIds() + " × " + w + " wavenumbers)");
        }
        return new BandProjection(weights.toDoubleMatrix());
    }
}
