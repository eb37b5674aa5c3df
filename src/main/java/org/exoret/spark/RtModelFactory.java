package org.exoret.spark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.forward.ForwardModel;
import org.exoret.io.TextFiles;
import org.exoret.rt.RtConfig;
import org.exoret.rt.RtForwardModel;

/**
 * Ships the radiative-transfer reference ({@link RtForwardModel}) to executors as the text of its INI configuration
 * plus the data-root path; each executor parses the text and reads the opacity tables, CIA, stellar model and
 * filters itself, from the data root, which must be at the same path on every node. The configuration file need
 * not be on the executors, but its {@code observations} and {@code tepfile} files (resolved against the
 * configuration's folder) must.
 *
 * @param configFile absolute path of the configuration file (for messages and relative {@code observations})
 * @param configLines the configuration's lines
 * @param section the INI section holding the RT set-up, normally {@code rt}
 * @param dataRoot absolute path of the data root
 */
public record RtModelFactory(String configFile, List<String> configLines, String section, String dataRoot)
        implements ForwardModelFactory {

    /** Copies. */
    public RtModelFactory {
        configLines = List.copyOf(configLines);
    }

    /**
     * Reads a configuration file.
     *
     * @param configFile the INI file
     * @param section its RT section, normally {@code rt}
     * @param root the data root
     * @return the factory; the configuration is parsed once here so that errors surface on the driver
     */
    public static RtModelFactory read(Path configFile, String section, DataRoot root) {
        Path file = configFile.toAbsolutePath().normalize();
        List<String> lines = TextFiles.readLines(file, "configuration file");
        RtModelFactory factory = new RtModelFactory(file.toString(), lines, section,
                root.path().toAbsolutePath().normalize().toString());
        factory.config();
        return factory;
    }

    /** @return the parsed RT configuration */
    public RtConfig config() {
        return RtConfig.fromIni(IniFile.parse(Path.of(configFile), configLines), section);
    }

    /** SHA-256 of the configuration text, the section name, the data-root path and the planet and star values. */
    @Override
    public String configurationHash() {
        MessageDigest sha = DigestUtils.getSha256Digest();
        sha.update(String.join("\n", configLines).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(section.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(dataRoot.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        // values a tepfile supplies are not in the configuration's text
        sha.update(config().planetAndStar().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public ForwardModel create() {
        return RtForwardModel.fromConfig(config(), DataRoot.of(Path.of(dataRoot)));
    }
}
