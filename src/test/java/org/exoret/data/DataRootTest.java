package org.exoret.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;

class DataRootTest {

    @Test
    void propertyWinsOverEnvironment() {
        Properties p = new Properties();
        p.setProperty(DataRoot.PROPERTY, "/tmp/a");
        DataRoot root = DataRoot.fromSettings(p, Map.of(DataRoot.ENVIRONMENT, "/tmp/b"));
        assertEquals(Path.of("/tmp/a"), root.path());
        assertTrue(root.source().contains(DataRoot.PROPERTY));
    }

    @Test
    void environmentThenDefault() {
        assertEquals(Path.of("/tmp/b"), DataRoot.fromSettings(new Properties(), Map.of(DataRoot.ENVIRONMENT, "/tmp/b")).path());
        assertTrue(DataRoot.fromSettings(new Properties(), Map.of()).path().endsWith(Path.of("shared", "data")));
    }

    @Test
    void testsFindTheSharedKit() {
        DataRoot root = DataRoot.fromEnvironment();
        assertTrue(root.exists(), "tests expect the data kit at " + root);
        assertTrue(root.resolve("observations/hd189733b_eclipse.csv").toFile().isFile());
    }

    @Test
    void missingFileNamesTheSetting() {
        DataRoot root = DataRoot.of(Path.of("/nonexistent-exoret-root"));
        ExoretException e = assertThrows(ExoretException.class, () -> root.resolve("cia/H2-H2_Borysow.cia"));
        assertEquals(ExoretException.Kind.MISSING_FILE, e.kind());
        assertTrue(e.getMessage().contains(DataRoot.PROPERTY), e.getMessage());
        assertTrue(e.getMessage().contains("H2-H2_Borysow.cia"), e.getMessage());
    }
}
