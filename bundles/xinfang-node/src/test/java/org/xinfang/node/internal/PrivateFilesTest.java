package org.xinfang.node.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path home;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void secretsAndDataBecomeTheOwnersOnlyAndTheRestOfEtcStays() throws Exception {
        Path etc = Files.createDirectories(home.resolve("etc"));
        Path data = Files.createDirectories(home.resolve("data/derby/seg0"));
        Path sync = Files.writeString(etc.resolve("org.xinfang.sync.cfg"), "secret = s3cret\n");
        Path users = Files.writeString(etc.resolve("users.properties"), "admin = x\n");
        Path node = Files.writeString(etc.resolve("org.xinfang.node.cfg"), "tier = village\n");
        Path seg = Files.writeString(data.resolve("c10.dat"), "ID numbers");
        Path log = Files.writeString(Files.createDirectories(home.resolve("data/log")).resolve("karaf.log"), "log");
        for (Path p : List.of(sync, users, node, seg, log)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home.resolve("data"), PosixFilePermissions.fromString("rwxr-xr-x"));

        List<Path> fixed = PrivateFiles.check(etc, home.resolve("data"));

        assertEquals("rw-------", mode(sync));
        assertEquals("rw-------", mode(users));
        assertEquals("rw-------", mode(seg));
        assertEquals("rw-------", mode(log));
        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(home.resolve("data")));
        assertEquals("rw-r--r--", mode(node), "configuration without secrets is left as it is");
        assertTrue(fixed.contains(sync) && fixed.contains(seg), fixed.toString());
        assertEquals(List.of(), PrivateFiles.check(etc, home.resolve("data")), "a second check finds nothing to fix");
    }
}
