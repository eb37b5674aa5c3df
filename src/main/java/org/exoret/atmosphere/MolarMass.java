package org.exoret.atmosphere;

import java.util.Map;
import org.exoret.ExoretException;

/**
 * Molar masses of the species exoret models, g mol⁻¹ (= mass in u), from the IUPAC 2013 standard atomic
 * weights (Meija et al. 2016, Pure Appl. Chem. 88, 265) summed over each formula.
 */
public final class MolarMass {

    private static final Map<String, Double> GRAMS_PER_MOLE = Map.ofEntries(
            Map.entry("H2", 2.01588), Map.entry("He", 4.002602), Map.entry("H", 1.00794),
            Map.entry("C", 12.0107), Map.entry("N", 14.0067), Map.entry("O", 15.9994),
            Map.entry("H2O", 18.01528), Map.entry("CO2", 44.0095), Map.entry("CO", 28.0101),
            Map.entry("CH4", 16.0425), Map.entry("NH3", 17.03052), Map.entry("HCN", 27.0253),
            Map.entry("C2H2", 26.0373), Map.entry("C2H4", 28.0532), Map.entry("N2", 28.0134),
            Map.entry("O2", 31.9988), Map.entry("Na", 22.98977), Map.entry("K", 39.0983),
            Map.entry("TiO", 63.8664), Map.entry("VO", 66.9409), Map.entry("H2S", 34.0809));

    private MolarMass() {
    }

    /**
     * @param species formula as written in configurations, e.g. {@code "H2O"}
     * @return molar mass, g mol⁻¹
     * @throws ExoretException INVALID_ARGUMENT naming the species and the known ones
     */
    public static double gramsPerMole(String species) {
        Double m = GRAMS_PER_MOLE.get(species);
        if (m == null) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "no molar mass known for species '" + species + "'; known: " + new java.util.TreeSet<>(GRAMS_PER_MOLE.keySet()));
        }
        return m;
    }
}
