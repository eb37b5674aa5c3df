package org.exoret.opacity.lines;

/**
 * HITRAN air broadening: γ_L = γ_air · (p / 1 atm) · (296 K / T)^n_air, with each line's own γ_air and n_air
 * (Rothman et al. 1998, JQSRT 60, 665, eq. A12). In an H2/He atmosphere this uses air widths as a proxy for
 * H2/He widths, which HITRAN2012 does not give for CO. Immutable and thread-safe.
 */
public record AirBroadening() implements LorentzBroadening {

    @Override
    public double hwhmPerCm(HitranLineList lines, int line, double massAmu, double temperatureK, double pressureBar) {
        return lines.gammaAir(line) * (pressureBar / Physics.ATM_BAR)
                * Math.pow(Physics.REFERENCE_TEMPERATURE_K / temperatureK, lines.nAir(line));
    }

    @Override
    public String description() {
        return "HITRAN gamma_air*(p/1 atm)*(296/T)^n_air";
    }
}
