package org.exoret.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.exoret.ExoretException;

/**
 * A BART-style INI configuration file (Python {@code configparser} conventions as BART and MC3 use them):
 * sections {@code [name]}, entries {@code key = value} (or {@code key: value}), whole-line comments starting
 * with {@code #} or {@code ;}, inline comments after {@code " #"} or {@code " ;"}, and multi-line values:
 * a line that starts with whitespace continues the value of the previous key, which is how BART lists
 * data, uncertainties and filter files one per line. Keys are case-sensitive (BART has both {@code Tmin} and
 * {@code tint}); a key may appear once per section. Every entry remembers its line number so that errors
 * name file, key and line.
 *
 * <p>Immutable and thread-safe.
 */
public final class IniFile {

    /**
     * One entry of a section.
     *
     * @param key the key as written
     * @param value the value; continuation lines are joined with {@code '\n'}
     * @param line 1-based line number of the key
     */
    public record Entry(String key, String value, int line) {
    }

    private final Path file;
    private final Map<String, Map<String, Entry>> sections;

    private IniFile(Path file, Map<String, Map<String, Entry>> sections) {
        this.file = file;
        this.sections = sections;
    }

    /**
     * Reads and parses a file.
     *
     * @param file the INI file
     * @return the parsed file
     * @throws ExoretException MISSING_FILE when absent, MALFORMED_FILE naming the line for bad syntax or a repeated key
     */
    public static IniFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "configuration file " + file + " does not exist");
        }
        try {
            return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses text already in memory.
     *
     * @param file the name shown in messages
     * @param lines the lines of the file
     * @return the parsed file
     */
    public static IniFile parse(Path file, List<String> lines) {
        Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
        Map<String, Entry> current = null;
        String key = null;
        StringBuilder value = null;
        int keyLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int lineNo = i + 1;
            String trimmed = raw.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            boolean continuation = Character.isWhitespace(raw.charAt(0));
            if (continuation && key != null) {
                String more = stripInlineComment(trimmed);
                if (!more.isEmpty()) {
                    if (value.length() > 0) {
                        value.append('\n');
                    }
                    value.append(more);
                }
                continue;
            }
            if (key != null) {
                current.put(key, new Entry(key, value.toString(), keyLine));
                key = null;
            }
            if (trimmed.startsWith("[")) {
                if (!trimmed.endsWith("]") || trimmed.length() < 3) {
                    throw ExoretException.malformed(file, lineNo, raw, "a section header must look like [name]");
                }
                String name = trimmed.substring(1, trimmed.length() - 1).strip();
                if (sections.containsKey(name)) {
                    throw ExoretException.malformed(file, lineNo, raw, "section [" + name + "] appears twice");
                }
                current = new LinkedHashMap<>();
                sections.put(name, current);
                continue;
            }
            int eq = separatorIndex(trimmed);
            if (eq <= 0) {
                throw ExoretException.malformed(file, lineNo, raw, "expected 'key = value', a [section] or a comment");
            }
            if (current == null) {
                throw ExoretException.malformed(file, lineNo, raw, "entry before the first [section] header");
            }
            key = trimmed.substring(0, eq).strip();
            if (current.containsKey(key)) {
                throw ExoretException.malformed(file, lineNo, raw,
                        "key '" + key + "' already set on line " + current.get(key).line());
            }
            value = new StringBuilder(stripInlineComment(trimmed.substring(eq + 1).strip()));
            keyLine = lineNo;
        }
        if (key != null) {
            current.put(key, new Entry(key, value.toString(), keyLine));
        }
        Map<String, Map<String, Entry>> frozen = new LinkedHashMap<>();
        sections.forEach((name, entries) -> frozen.put(name, Collections.unmodifiableMap(entries)));
        return new IniFile(file, Collections.unmodifiableMap(frozen));
    }

    private static int separatorIndex(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String stripInlineComment(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '#' || c == ';') && Character.isWhitespace(text.charAt(i - 1))) {
                return text.substring(0, i).strip();
            }
        }
        return text;
    }

    /**
     * A copy with one entry set by the program rather than read from the file (its line is 0), replacing the
     * file's own value of the key if there is one; for command-line options that override a configuration.
     *
     * @param section an existing section
     * @param key the key
     * @param value its value
     * @return the copy
     * @throws ExoretException CONFIGURATION naming the file when the section is missing
     */
    public IniFile with(String section, String key, String value) {
        section(section);
        Map<String, Map<String, Entry>> copy = new LinkedHashMap<>(sections);
        Map<String, Entry> entries = new LinkedHashMap<>(sections.get(section));
        entries.put(key, new Entry(key, value, 0));
        copy.put(section, Collections.unmodifiableMap(entries));
        return new IniFile(file, Collections.unmodifiableMap(copy));
    }

    /** @return the file this was read from */
    public Path file() {
        return file;
    }

    /** @return section names in file order */
    public Set<String> sectionNames() {
        return sections.keySet();
    }

    /**
     * @param name a section name
     * @return whether the section exists
     */
    public boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    /**
     * @param name a section name
     * @return the section
     * @throws ExoretException CONFIGURATION naming the file when the section is missing
     */
    public Section section(String name) {
        Map<String, Entry> entries = sections.get(name);
        if (entries == null) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION,
                    "configuration file " + file + " has no section [" + name + "]; sections present: " + sections.keySet());
        }
        return new Section(name, entries);
    }

    /** One section with typed getters; every error names key, section, file and line. */
    public final class Section {

        private final String name;
        private final Map<String, Entry> entries;

        private Section(String name, Map<String, Entry> entries) {
            this.name = name;
            this.entries = entries;
        }

        /** @return the section name */
        public String name() {
            return name;
        }

        /** @return the entries in file order */
        public Collection<Entry> entries() {
            return entries.values();
        }

        /**
         * @param key a key
         * @return whether the key is set
         */
        public boolean has(String key) {
            return entries.containsKey(key);
        }

        /**
         * @param key a key
         * @return the 1-based line of the key, or 0 when absent or set by the program ({@link IniFile#with})
         */
        public int line(String key) {
            Entry e = entries.get(key);
            return e == null ? 0 : e.line();
        }

        /**
         * Refuses keys outside an allowed set.
         *
         * @param allowed the keys this section may hold
         * @throws ExoretException CONFIGURATION naming the first unknown key, the file and its line
         */
        public void refuseUnknown(Collection<String> allowed) {
            for (Entry e : entries.values()) {
                if (!allowed.contains(e.key())) {
                    List<String> sorted = new ArrayList<>(allowed);
                    Collections.sort(sorted);
                    throw new ExoretException(ExoretException.Kind.CONFIGURATION,
                            "unknown key '" + e.key() + "' in section [" + name + "] of " + file + " line " + e.line()
                                    + "; known keys: " + String.join(", ", sorted));
                }
            }
        }

        /**
         * @param key a required key
         * @return its value, stripped
         */
        public String string(String key) {
            Entry e = entries.get(key);
            if (e == null) {
                throw new ExoretException(ExoretException.Kind.CONFIGURATION,
                        "missing key '" + key + "' in section [" + name + "] of " + file);
            }
            if (e.value().isBlank()) {
                throw error(key, "has an empty value");
            }
            return e.value().strip();
        }

        /**
         * @param key an optional key
         * @param fallback value when absent
         * @return its value or {@code fallback}
         */
        public String string(String key, String fallback) {
            return has(key) ? string(key) : fallback;
        }

        /**
         * @param key a required key holding one number
         * @return the number (finite)
         */
        public double number(String key) {
            String text = string(key);
            return parseNumber(key, text);
        }

        /**
         * @param key an optional key holding one number
         * @param fallback value when absent
         * @return the number or {@code fallback}
         */
        public double number(String key, double fallback) {
            return has(key) ? number(key) : fallback;
        }

        /**
         * @param key a required key holding one integer
         * @return the integer
         */
        public int integer(String key) {
            String text = string(key);
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(key, "must be an integer, got '" + text + "'");
            }
        }

        /**
         * @param key an optional key holding one integer
         * @param fallback value when absent
         * @return the integer or {@code fallback}
         */
        public int integer(String key, int fallback) {
            return has(key) ? integer(key) : fallback;
        }

        /**
         * @param key an optional key holding {@code true/false/yes/no/1/0}
         * @param fallback value when absent
         * @return the flag
         */
        public boolean flag(String key, boolean fallback) {
            if (!has(key)) {
                return fallback;
            }
            String text = string(key).toLowerCase(Locale.ROOT);
            switch (text) {
                case "true", "yes", "on", "1":
                    return true;
                case "false", "no", "off", "0":
                    return false;
                default:
                    throw error(key, "must be true or false, got '" + text + "'");
            }
        }

        /**
         * A list value: items separated by whitespace, commas or line breaks.
         *
         * @param key a required key
         * @return the items
         */
        public List<String> list(String key) {
            List<String> items = new ArrayList<>();
            for (String item : string(key).split("[\\s,]+")) {
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
            return List.copyOf(items);
        }

        /**
         * @param key a required key holding a list of numbers
         * @return the numbers (finite)
         */
        public double[] numbers(String key) {
            List<String> items = list(key);
            double[] v = new double[items.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = parseNumber(key, items.get(i));
            }
            return v;
        }

        /**
         * An error about a key's value, naming key, section, file and line.
         *
         * @param key the key
         * @param problem what is wrong
         * @return the exception to throw
         */
        public ExoretException error(String key, String problem) {
            return new ExoretException(ExoretException.Kind.CONFIGURATION,
                    "key '" + key + "' in section [" + name + "] of " + file
                            + (!has(key) ? "" : line(key) > 0 ? " line " + line(key) : " (set on the command line)")
                            + " " + problem);
        }

        private double parseNumber(String key, String text) {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw error(key, "must be a number, got '" + text + "'");
            }
            if (!Double.isFinite(v)) {
                throw error(key, "must be finite, got '" + text + "'");
            }
            return v;
        }
    }
}
