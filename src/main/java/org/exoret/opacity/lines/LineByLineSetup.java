package org.exoret.opacity.lines;

import java.nio.file.Path;
import java.util.Objects;
import org.exoret.ExoretException;

/**
 * What a line-by-line table is computed from: the input files, the broadening model and the wing cut-off.
 *
 * @param species molecule name stored in the table, e.g. {@code "CO"}
 * @param lineListFile HITRAN {@code .par} file
 * @param partitionFile TIPS partition-function table
 * @param isotopologuesFile isotopologue CSV (abundance, mass, Q(296))
 * @param broadening Lorentz-width model
 * @param cutoffPerCm wing cut-off in cm⁻¹
 */
public record LineByLineSetup(String species, Path lineListFile, Path partitionFile, Path isotopologuesFile,
        LorentzBroadening broadening, double cutoffPerCm) {

    /** Validates. */
    public LineByLineSetup {
        Objects.requireNonNull(species, "species");
        Objects.requireNonNull(lineListFile, "lineListFile");
        Objects.requireNonNull(partitionFile, "partitionFile");
        Objects.requireNonNull(isotopologuesFile, "isotopologuesFile");
        Objects.requireNonNull(broadening, "broadening");
        ExoretException.requirePositive("cutoffPerCm", cutoffPerCm);
    }

    /** @return a calculator reading the three input files */
    public LineByLineCalculator calculator() {
        return new LineByLineCalculator(species, HitranLineList.read(lineListFile),
                PartitionFunction.readTips(partitionFile), Isotopologues.read(isotopologuesFile), broadening,
                cutoffPerCm);
    }
}
