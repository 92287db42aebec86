package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integration tests' nodes listen outside the kernel's ephemeral ports (issue 14, point 6). */
class TierNodePortsTest {

    @Test
    void portsLieOutsideTheEphemeralRangeAndAreNotHandedOutTwice() throws IOException {
        Set<Integer> seen = new HashSet<>();
        Random random = new Random(14);
        for (int i = 0; i < 200; i++) {
            int port = TierNode.freePort(32768, 60999, random);
            assertTrue(port >= TierNode.LOWEST && port <= 65535, "port " + port);
            assertTrue(port < 32768 || port > 60999, "port " + port + " is ephemeral");
            assertTrue(seen.add(port), "port " + port + " handed out twice");
        }
    }

    @Test
    void aTakenPortIsPassedOver() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int busy = taken.getLocalPort();
            List<int[]> spans = List.of(new int[] {busy, busy}, new int[] {free, free});
            assertEquals(free, TierNode.freePort(spans, new Random(1)));
            // the one free port is handed out now: nothing is left
            assertThrows(IOException.class, () -> TierNode.freePort(spans, new Random(2)));
        }
    }

    @Test
    void theSpansLeaveOutTheRange() {
        List<int[]> spans = TierNode.outside(32768, 60999);
        assertEquals(2, spans.size());
        assertArrayEquals(new int[] {TierNode.LOWEST, 32767}, spans.get(0));
        assertArrayEquals(new int[] {61000, 65535}, spans.get(1));
        assertTrue(TierNode.outside(TierNode.LOWEST, 65535).isEmpty());
    }

    @Test
    void theRangeIsReadFromTheKernelAndDefaultsToLinux(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ip_local_port_range");
        Files.writeString(file, "40000\t50000\n");
        assertArrayEquals(new int[] {40000, 50000}, TierNode.ephemeralRange(file));
        assertArrayEquals(new int[] {32768, 60999}, TierNode.ephemeralRange(dir.resolve("missing")));
    }
}
