package org.exoret.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exoret.cli.ExoretCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options of {@code exoret bench surrogate --compare-architectures}, and what is refused before any data is read. */
class CompareArchitecturesOptionsTest {

    @Test
    void candidatesReplaceTheDefaultListAndSetsRepeat() {
        SurrogateBenchCommand defaults = new SurrogateBenchCommand();
        new CommandLine(defaults).parseArgs("--compare-architectures");
        assertNull(defaults.data);
        assertEquals(13, defaults.candidateNetworks.size());
        SurrogateBenchCommand given = new SurrogateBenchCommand();
        new CommandLine(given).parseArgs("--compare-architectures", "--data", "a", "--data", "b",
                "--candidate", "dense 64 gelu", "--candidate", "dense 32x32 relu");
        assertEquals(List.of(Path.of("a"), Path.of("b")), given.data);
        assertEquals(List.of("dense 64 gelu", "dense 32x32 relu"), given.candidateNetworks);
    }

    /** The training set named does not exist, so a later refusal would name it instead: these come first. */
    @Test
    void badCandidatesAndABandWeightWithoutBasisAreRefusedBeforeTheData() {
        assertEquals("cannot read the network 'mlp 64 relu'; write it as 'dense 384x384x384 relu' or "
                + "'conv16k3 + dense 256x256 relu'", refusal("--candidate", "mlp 64 relu"));
        assertEquals("--band-weight 0.01 needs an output basis; with --output-basis 0 give --band-weight 0",
                refusal("--output-basis", "0"));
    }

    private static String refusal(String... options) {
        CommandLine cl = ExoretCommand.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("bench", "surrogate", "--compare-architectures", "--data",
                "target/no-such-training-set", "--out", "target/no-such-results"));
        args.addAll(List.of(options));
        assertEquals(2, cl.execute(args.toArray(String[]::new)), err.toString());
        String prefix = "exoret: error (INVALID_ARGUMENT): ";
        String text = err.toString().trim();
        assertTrue(text.startsWith(prefix), text);
        return text.substring(prefix.length());
    }
}
