package org.exoret.opacity.lines;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.commons.codec.digest.DigestUtils;
import org.exoret.ExoretException;
import org.exoret.opacity.CrossSectionTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Build-once line-by-line tables. The cache key is a SHA-256 over the bytes of the three input files, the
 * broadening description, the cut-off, the three grids and {@link #ALGORITHM_VERSION}; it is stored in the
 * table's provenance. A cache file whose key matches is reused; a missing, stale or unreadable one is rebuilt and
 * rewritten. Stateless.
 */
public final class LineByLineTables {

    /** Bumped whenever the line-by-line numerics change, which invalidates existing caches. */
    public static final int ALGORITHM_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(LineByLineTables.class);

    private LineByLineTables() {
    }

    /**
     * @param cacheFile where the table is cached (exoret binary cache format)
     * @param setup input files and settings
     * @param temperatureK temperature grid in K
     * @param pressureBar pressure grid in bar
     * @param wavenumberPerCm model wavenumber grid in cm⁻¹
     * @return the cached table if its key matches, else a freshly computed (and cached) one
     */
    public static CrossSectionTable cached(Path cacheFile, LineByLineSetup setup, double[] temperatureK,
            double[] pressureBar, double[] wavenumberPerCm) {
        String key = "sha256=" + inputsHash(setup, temperatureK, pressureBar, wavenumberPerCm);
        if (Files.isRegularFile(cacheFile)) {
            try {
                CrossSectionTable table = CrossSectionTable.readCache(cacheFile);
                if (table.provenance().endsWith(key)) {
                    LOG.info("line-by-line {}: reusing cache {}", setup.species(), cacheFile);
                    return table;
                }
                LOG.info("line-by-line {}: cache {} was built from other inputs; rebuilding", setup.species(),
                        cacheFile);
            } catch (ExoretException e) {
                if (e.kind() != ExoretException.Kind.MALFORMED_FILE) {
                    throw e;
                }
                LOG.warn("line-by-line {}: cache {} is unreadable ({}); rebuilding", setup.species(), cacheFile,
                        e.getMessage());
            }
        }
        CrossSectionTable computed = setup.calculator().compute(temperatureK, pressureBar, wavenumberPerCm);
        CrossSectionTable keyed = new CrossSectionTable(computed.species(), computed.provenance() + "; " + key,
                computed.pressureBar(), computed.temperatureK(), computed.wavenumberPerCm(), computed.sigmaCm2());
        keyed.writeCache(cacheFile);
        return keyed;
    }

    /**
     * @param setup input files and settings
     * @param temperatureK temperature grid in K
     * @param pressureBar pressure grid in bar
     * @param wavenumberPerCm model wavenumber grid in cm⁻¹
     * @return the hexadecimal SHA-256 cache key
     */
    public static String inputsHash(LineByLineSetup setup, double[] temperatureK, double[] pressureBar,
            double[] wavenumberPerCm) {
        try {
            MessageDigest sha = DigestUtils.getSha256Digest();
            sha.update(("exoret line-by-line v" + ALGORITHM_VERSION + "\n" + setup.species() + "\n"
                    + setup.broadening().description() + "\ncut-off " + setup.cutoffPerCm() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Path file : new Path[] {setup.lineListFile(), setup.partitionFile(), setup.isotopologuesFile()}) {
                sha.update(Files.readAllBytes(file));
            }
            for (double[] grid : new double[][] {temperatureK, pressureBar, wavenumberPerCm}) {
                ByteBuffer buffer = ByteBuffer.allocate(8 * grid.length + 4);
                buffer.putInt(grid.length);
                for (double v : grid) {
                    buffer.putDouble(v);
                }
                sha.update(buffer.array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "line-by-line input could not be read: "
                    + e.getMessage(), e);
        }
    }
}
