package org.xinfang.node.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At every start, the files that hold a secret or personal data are made the node owner's only (issue 15):
 * in etc/ the passwords, keys and the sync secret; all of data/ (the Derby database with ID numbers and
 * phones, attachments, the logs, the login audit, Karaf's copies of the configuration). A file that others
 * could read is logged as a warning and fixed: files 0600, directories 0700. {@code bin/setenv} sets
 * {@code umask 077}, so what the node creates afterwards is private from the start; this catches what an
 * unpacked archive, a copy or an editor left open. Where the file system has no POSIX permissions
 * (Windows), nothing is changed and that is said once.
 */
public final class PrivateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    /** The files in etc/ that hold secrets (the rest of etc/ is configuration anyone on the host may read). */
    static final List<String> ETC_SECRETS = List.of("users.properties", "keys.properties", "admin.password",
            "staff.password", "host.key", "org.xinfang.sync.cfg");
    private static final Set<PosixFilePermission> OPEN = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** For Blueprint: checks the running Karaf's etc/ and data/ (system properties karaf.etc, karaf.data). */
    public static List<Path> checkNode() {
        String etc = System.getProperty("karaf.etc");
        String data = System.getProperty("karaf.data");
        if (etc == null || data == null) {
            return List.of();
        }
        return check(Path.of(etc), Path.of(data));
    }

    /** Makes the secrets in {@code etc} and everything under {@code data} owner-only; answers what it changed. */
    public static List<Path> check(Path etc, Path data) {
        if (Files.getFileAttributeView(etc, PosixFileAttributeView.class) == null) {
            LOG.warn("{}: no POSIX file permissions here; keep etc/ and data/ readable by the node's account only",
                    etc);
            return List.of();
        }
        List<Path> fixed = new ArrayList<>();
        for (String name : ETC_SECRETS) {
            Path f = etc.resolve(name);
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                restrict(f, false, fixed);
            }
        }
        if (Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.walkFileTree(data, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        restrict(dir, true, fixed);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            restrict(file, false, fixed);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        // a file that went away while walking (a lock file, a rotated log) is no concern
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                LOG.warn("could not check the permissions under {}: {}", data, e.toString());
            }
        }
        if (!fixed.isEmpty()) {
            LOG.warn("{} files or directories holding secrets or personal data were readable by others; made the"
                    + " owner's only (0600/0700), e.g. {}", fixed.size(), fixed.subList(0, Math.min(5, fixed.size())));
        }
        return fixed;
    }

    private static void restrict(Path p, boolean directory, List<Path> fixed) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                return;
            }
            Set<PosixFilePermission> now = view.readAttributes().permissions();
            if (now.stream().noneMatch(OPEN::contains)) {
                return;
            }
            Set<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            if (directory || now.contains(PosixFilePermission.OWNER_EXECUTE)) {
                owner.add(PosixFilePermission.OWNER_EXECUTE);
            }
            view.setPermissions(owner);
            fixed.add(p);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not make {} the owner's only: {}", p, e.toString());
        }
    }
}
