package org.exoret.posterior;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns MC3/BART LaTeX parameter names ({@code $\log_{10}(\kappa)$}) into plain-text labels. */
final class PlainLabels {

    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)\\s*");
    private static final Pattern FONT = Pattern.compile("^(rm|mathrm|text|textrm|it|mathit|bf|mathbf|left|right)$");

    private PlainLabels() {
    }

    static String fromLatex(String latex) {
        String s = latex.replace("$", "");
        Matcher m = COMMAND.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(FONT.matcher(name).matches() ? "" : name
                    + (m.group().length() > name.length() + 1 ? " " : "")));
        }
        m.appendTail(out);
        // Numeric subscripts read naturally inline (log10); others keep an underscore (T_int).
        return out.toString().replace("\\,", " ").replaceAll("_\\{?(\\d+)\\}?", "$1").replace("{", "").replace("}", "")
                .replaceAll("\\s+", " ").strip();
    }
}
