package org.xinfang.node.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.Person;

/**
 * The names and titles of a node's staff accounts, from a CSV file ({@code login,name,title}) kept
 * beside {@code etc/users.properties}: the accounts say who may log in, this file who they are. The file
 * is read again when it changes, so an operator's edit needs no restart.
 */
final class StaffList {
    private static final Logger LOG = LoggerFactory.getLogger(StaffList.class);

    private final Path file;
    private volatile Map<String, Person> people = Map.of();
    private volatile long stamp = -1;

    StaffList(Path file) {
        this.file = file;
    }

    /** The person behind this login; known by login only when the file does not list it. */
    Person person(String login) {
        Person listed = current().get(login);
        return listed != null ? listed : new Person(login, null, null);
    }

    List<Person> all() {
        return new ArrayList<>(current().values());
    }

    private Map<String, Person> current() {
        try {
            long modified = Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
            if (modified != stamp) {
                synchronized (this) {
                    if (modified != stamp) {
                        people = modified == 0 ? Map.of() : read(file);
                        stamp = modified;
                        LOG.info("staff list {}: {} named accounts", file, people.size());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("staff list {} cannot be read; keeping the one in use: {}", file, e.getMessage());
        }
        return people;
    }

    /**
     * Reads lines {@code login,name,title}; a header line ({@code login,…}), blank lines and lines
     * starting with # are skipped.
     *
     * @throws IllegalArgumentException naming the line that is malformed
     */
    static Map<String, Person> parse(Reader in) throws IOException {
        Map<String, Person> map = new LinkedHashMap<>();
        int n = 0;
        for (String line : new java.io.BufferedReader(in).lines().toList()) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("login,")) {
                continue;
            }
            String[] parts = t.split(",", 3);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("line " + n + ": expected login,name,title");
            }
            String title = parts.length == 3 ? parts[2].strip() : null;
            try {
                map.put(parts[0].strip(), new Person(parts[0].strip(), parts[1].strip(), title));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + n + ": " + e.getMessage(), e);
            }
        }
        return map;
    }

    private static Map<String, Person> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in);
        }
    }
}
