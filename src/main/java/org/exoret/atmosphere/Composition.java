package org.exoret.atmosphere;

import java.util.ArrayList;
import java.util.List;
import org.exoret.ExoretException;

/**
 * A vertically uniform composition in BART's convention (Harrington et al. 2022, PSJ 3, 80, §2): every species
 * starts from a base volume mixing ratio (BART key {@code uniform}); each fitted molecule ({@code molfit}) is
 * scaled by 10^θ; H2 and He then fill the rest, 1 − Σ metals, keeping their base ratio. A sample whose metals
 * (all species but H2 and He) sum above unity is rejected. Immutable and thread-safe.
 */
public final class Composition {

    private final List<String> species;
    private final double[] baseVmr;
    private final double[] molarMass;
    private final int[] fitted;
    private final List<String> fittedNames;
    private final int h2;
    private final int he;
    private final double h2Fraction;

    /**
     * @param species species names; must include {@code H2} and {@code He}
     * @param baseVmr base volume mixing ratios, same order, each in [0, 1]
     * @param fittedSpecies the molecules scaled by 10^θ, in parameter order; not H2 or He
     */
    public Composition(List<String> species, double[] baseVmr, List<String> fittedSpecies) {
        if (species.size() != baseVmr.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    species.size() + " species but " + baseVmr.length + " base mixing ratios");
        }
        this.species = List.copyOf(species);
        this.baseVmr = baseVmr.clone();
        this.molarMass = new double[baseVmr.length];
        for (int i = 0; i < baseVmr.length; i++) {
            if (!(baseVmr[i] >= 0 && baseVmr[i] <= 1)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "base mixing ratio of " + species.get(i) + " must lie in [0, 1], got " + baseVmr[i]);
            }
            molarMass[i] = MolarMass.gramsPerMole(species.get(i));
            if (this.species.indexOf(species.get(i)) != i) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "species " + species.get(i) + " listed twice");
            }
        }
        h2 = this.species.indexOf("H2");
        he = this.species.indexOf("He");
        if (h2 < 0 || he < 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "the composition needs H2 and He (they fill the rest of the atmosphere); species: " + species);
        }
        double fill = baseVmr[h2] + baseVmr[he];
        if (!(fill > 0)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "base H2 + He mixing ratio must be positive");
        }
        h2Fraction = baseVmr[h2] / fill;
        fitted = new int[fittedSpecies.size()];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < fitted.length; k++) {
            String name = fittedSpecies.get(k);
            fitted[k] = this.species.indexOf(name);
            if (fitted[k] < 0 || fitted[k] == h2 || fitted[k] == he) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "fitted molecule '" + name + "' must be one of the species other than H2 and He: " + species);
            }
            names.add(name);
        }
        fittedNames = List.copyOf(names);
    }

    /** @return species names, in the order of mixing-ratio arrays */
    public List<String> species() {
        return species;
    }

    /** @return fitted molecules, in parameter order */
    public List<String> fittedSpecies() {
        return fittedNames;
    }

    /** @return base mixing ratios (a copy) */
    public double[] baseVmr() {
        return baseVmr.clone();
    }

    /**
     * @param name a species
     * @return its index in mixing-ratio arrays, or −1
     */
    public int indexOf(String name) {
        return species.indexOf(name);
    }

    /**
     * Mixing ratios for given scale factors.
     *
     * @param log10Scale one log10 scale factor per fitted molecule
     * @param vmr output, one volume mixing ratio per species
     * @return {@code null} when the composition is physical, otherwise the rejection reason
     */
    public String fill(double[] log10Scale, double[] vmr) {
        System.arraycopy(baseVmr, 0, vmr, 0, baseVmr.length);
        for (int k = 0; k < fitted.length; k++) {
            vmr[fitted[k]] = baseVmr[fitted[k]] * Math.pow(10.0, log10Scale[k]);
        }
        double metals = 0;
        for (int i = 0; i < vmr.length; i++) {
            if (i != h2 && i != he) {
                metals += vmr[i];
            }
        }
        if (metals > 1.0) {
            return String.format(java.util.Locale.ROOT,
                    "metals above unity: the mixing ratios of species other than H2 and He sum to %.6g", metals);
        }
        vmr[h2] = (1.0 - metals) * h2Fraction;
        vmr[he] = (1.0 - metals) * (1.0 - h2Fraction);
        return null;
    }

    /**
     * @param vmr volume mixing ratios per species (summing to 1)
     * @return mean molecular mass, u
     */
    public double meanMolecularMassAmu(double[] vmr) {
        double m = 0;
        for (int i = 0; i < vmr.length; i++) {
            m += vmr[i] * molarMass[i];
        }
        return m;
    }
}
