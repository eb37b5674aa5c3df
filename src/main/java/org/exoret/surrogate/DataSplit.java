package org.exoret.surrogate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;

/**
 * Disjoint train / validation / test rows of a training set: a seeded random permutation of all rows, cut at the
 * given fractions (test first, then validation, the rest for training). Immutable.
 *
 * @param seed permutation seed
 * @param train training rows
 * @param validation validation rows
 * @param test test rows
 */
public record DataSplit(long seed, int[] train, int[] validation, int[] test) {

    /** Copies. */
    public DataSplit {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    /**
     * @param rows number of rows
     * @param validationFraction fraction for validation
     * @param testFraction fraction for testing
     * @param seed permutation seed
     * @return the split
     */
    public static DataSplit of(int rows, double validationFraction, double testFraction, long seed) {
        int nTest = (int) Math.round(rows * testFraction);
        int nValidation = (int) Math.round(rows * validationFraction);
        if (nTest < 1 || nValidation < 1 || rows - nTest - nValidation < 1) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a training set of " + rows
                    + " samples is too small to split into training, validation (" + validationFraction + ") and test ("
                    + testFraction + ") parts");
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[] order = PermutationSampler.natural(rows);
        PermutationSampler.shuffle(rng, order);
        int[] test = java.util.Arrays.copyOfRange(order, 0, nTest);
        int[] validation = java.util.Arrays.copyOfRange(order, nTest, nTest + nValidation);
        int[] train = java.util.Arrays.copyOfRange(order, nTest + nValidation, rows);
        return new DataSplit(seed, train, validation, test);
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}
