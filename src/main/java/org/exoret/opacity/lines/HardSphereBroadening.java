package org.exoret.opacity.lines;

import java.util.List;
import org.exoret.ExoretException;

/**
 * Lorentz width from kinetic theory of hard spheres, as BART's transit and pyratbay compute it: the collision
 * rate of one absorber a with the perturbers j is Z = Σ_j n_j π d_aj² ⟨v_aj⟩, with d_aj = (d_a + d_j)/2 and
 * mean relative speed ⟨v_aj⟩ = √(8kT/(π μ_aj)); the HWHM is γ_L = Z/(2πc). With n_j = χ_j p/(kT):
 * <pre>  γ_L = (p/c) · √(2/(π k T)) · Σ_j χ_j d_aj² √(1/m_a + 1/m_j)</pre>
 * (p in barye, masses in g). The same width applies to every line of the absorber. References: Goody &amp; Yung
 * 1989, Atmospheric Radiation, §3.3; Cubillos et al. 2021 (pyratbay). Immutable and thread-safe.
 *
 * @param absorber absorber name
 * @param absorberDiameterCm its collision diameter in cm
 * @param perturbers the background gas
 */
public record HardSphereBroadening(String absorber, double absorberDiameterCm, List<Perturber> perturbers)
        implements LorentzBroadening {

    /** BART's H2 fraction of the H2/He background. */
    public static final double BART_H2_FRACTION = 0.85;
    /** BART's He fraction of the H2/He background. */
    public static final double BART_HE_FRACTION = 0.15;

    /**
     * One perturbing species.
     *
     * @param species name
     * @param volumeMixingRatio mole fraction χ_j
     * @param massAmu mass in amu
     * @param diameterCm collision diameter in cm
     */
    public record Perturber(String species, double volumeMixingRatio, double massAmu, double diameterCm) {

        /** Validates the values. */
        public Perturber {
            if (!(volumeMixingRatio >= 0 && volumeMixingRatio <= 1) || !(massAmu > 0) || !(diameterCm > 0)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "perturber " + species
                        + " needs a mixing ratio in [0, 1] and positive mass and diameter");
            }
        }
    }

    /** Validates and copies. */
    public HardSphereBroadening {
        if (!(absorberDiameterCm > 0) || perturbers == null || perturbers.isEmpty()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "hard-sphere broadening of " + absorber
                    + " needs a positive diameter and at least one perturber");
        }
        perturbers = List.copyOf(perturbers);
    }

    /**
     * BART's background: the absorber in H2/He at 0.85/0.15 (its own contribution, at trace abundance, neglected).
     *
     * @param absorber absorber name, present in {@code diameters}
     * @param diameters diameter table
     * @return the broadening model
     */
    public static HardSphereBroadening inHydrogenHelium(String absorber, CollisionDiameters diameters) {
        return new HardSphereBroadening(absorber, diameters.diameterCm(absorber), List.of(
                new Perturber("H2", BART_H2_FRACTION, diameters.massAmu("H2"), diameters.diameterCm("H2")),
                new Perturber("He", BART_HE_FRACTION, diameters.massAmu("He"), diameters.diameterCm("He"))));
    }

    /**
     * @param massAmu absorber mass in amu
     * @param temperatureK temperature in K
     * @param pressureBar pressure in bar
     * @return γ_L in cm⁻¹
     */
    public double hwhmPerCm(double massAmu, double temperatureK, double pressureBar) {
        double sum = 0;
        for (Perturber j : perturbers) {
            double d = 0.5 * (absorberDiameterCm + j.diameterCm());
            sum += j.volumeMixingRatio() * d * d * Math.sqrt((1 / massAmu + 1 / j.massAmu()) / Physics.AMU_G);
        }
        return pressureBar * Physics.BAR_BARYE / Physics.SPEED_OF_LIGHT_CM_S
                * Math.sqrt(2 / (Math.PI * Physics.BOLTZMANN_ERG_K * temperatureK)) * sum;
    }

    @Override
    public double hwhmPerCm(HitranLineList lines, int line, double massAmu, double temperatureK, double pressureBar) {
        return hwhmPerCm(massAmu, temperatureK, pressureBar);
    }

    @Override
    public String description() {
        StringBuilder b = new StringBuilder("hard-sphere ").append(absorber).append(" d=").append(absorberDiameterCm);
        for (Perturber j : perturbers) {
            b.append("; ").append(j.species()).append(" x=").append(j.volumeMixingRatio()).append(" m=")
                    .append(j.massAmu()).append(" d=").append(j.diameterCm());
        }
        return b.toString();
    }
}
