package org.exoret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InfoCommandTest {

    @Test
    void infoNamesEngineCpuAndDataRoot() {
        CommandLine cl = ExoretCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("info");
        String text = out.toString();
        assertEquals(0, code, text);
        assertTrue(text.contains("engine            PyTorch"), text);
        assertTrue(text.contains("cpu()"), text);
        assertTrue(text.contains("data root"), text);
        assertTrue(text.contains("offline           true"), text);
        assertTrue(text.matches("(?s).*exoret\\s+\\d+\\.\\d+\\.\\d+.*"), text);
    }
}
