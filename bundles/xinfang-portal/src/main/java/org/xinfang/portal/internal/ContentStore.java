package org.xinfang.portal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.ValidationException;

/**
 * Keeps the published portal content in one JSON file under the node's data folder
 * ({@code ${karaf.data}/xinfang/portal-content.json}). Until the office saves its own, the content shipped
 * with the bundle is published. A save replaces the file in one atomic rename, so a reader or a crash
 * never sees half of it.
 */
public final class ContentStore {
    private static final Logger LOG = LoggerFactory.getLogger(ContentStore.class);
    static final String DEFAULT_RESOURCE = "default-content.json";
    static final String FILE_NAME = "portal-content.json";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Path file;
    private final Clock clock;
    private volatile PortalContent current;

    /**
     * @param file where the content is kept; blank for {@code ${karaf.data}/xinfang/portal-content.json}
     */
    public ContentStore(String file) {
        this(file == null || file.isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "xinfang", FILE_NAME)
                : Paths.get(file.strip()), Clock.systemUTC());
    }

    ContentStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.current = defaults();
    }

    /**
     * Reads the saved content, if any. A file that cannot be read or breaks a rule (edited by hand, say)
     * leaves the shipped content published and is logged: the portal must not go dark over it.
     */
    public void load() {
        if (!Files.isRegularFile(file)) {
            LOG.info("no portal content saved at {} yet; publishing the default content", file);
            current = defaults();
            return;
        }
        try {
            current = PortalContent.fromJson(mapper.readTree(Files.readAllBytes(file)));
            LOG.info("portal content read from {} (saved {} by {})", file, current.updatedAt(), current.updatedBy());
        } catch (IOException | ValidationException e) {
            LOG.error("portal content at {} cannot be used; publishing the default content until it is saved again",
                    file, e);
            current = defaults();
        }
    }

    /** What the portal publishes now. */
    public PortalContent current() {
        return current;
    }

    /** Where the content is kept. */
    public Path file() {
        return file;
    }

    /** Publishes {@code content} as saved by {@code user} now, and answers it as stored. */
    public synchronized PortalContent save(PortalContent content, String user) {
        PortalContent saved = content.savedBy(user, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        byte[] bytes;
        try {
            bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(saved.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("portal content cannot be written as JSON", e);
        }
        Path tmp = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            tmp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.warn("{} does not support atomic renames; replacing {} non-atomically", file.getParent(), file);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the portal content to " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("cannot remove the temporary file {}", tmp, e);
                }
            }
        }
        current = saved;
        LOG.info("portal content saved by {} to {}", user, file);
        return saved;
    }

    /** The content shipped with the bundle, for the demo district 青溪区信访局. */
    static PortalContent defaults() {
        try (InputStream in = ContentStore.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks its default portal content " + DEFAULT_RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            return PortalContent.fromJson(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default portal content", e);
        }
    }
}
