package org.xinfang.node.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.node.Unit;

class TreeDirectoryTest {
    private static final String CSV = """
            code,name,kind,parent
            # a city above the district: one more level is configuration only
            510100,示范市信访局,CITY,
            510199,青溪区信访局,DISTRICT,510100
            510199D01,区人力资源和社会保障局,DEPARTMENT,510199
            510199101,清河镇,TOWNSHIP,510199
            510199101201,柳树村,VILLAGE,510199101
            """;

    @Test
    void readsAnyNumberOfLevels() throws Exception {
        TreeDirectory tree = TreeDirectory.parse(new StringReader(CSV));
        assertEquals(List.of("510199101", "510199", "510100"),
                tree.ancestors("510199101201").stream().map(Unit::code).toList());
        assertTrue(tree.isWithin("510199101201", "510100"));
        assertTrue(tree.isWithin("510199101", "510199101"));
        assertFalse(tree.isWithin("510199D01", "510199101"));
        assertEquals(List.of("510199D01", "510199101"), tree.children("510199").stream().map(Unit::code).toList());
    }

    @Test
    void theDivisionsAreTheSixDigitCodesOfTheTreeNamedByTheirUnit() throws Exception {
        TreeDirectory tree = TreeDirectory.parse(new StringReader(CSV));
        assertEquals(java.util.Map.of("510100", "示范市信访局", "510199", "青溪区信访局"), tree.divisions());
        // a township listed before (or without) the unit of its division names it; a non-numeric code none
        TreeDirectory partial = TreeDirectory.parse(new StringReader("""
                code,name,kind,parent
                X1,某单位,DISTRICT,
                510188101,白鹭镇,TOWNSHIP,X1
                """));
        assertEquals(java.util.Map.of("510188", "白鹭镇"), partial.divisions());
    }

    @Test
    void refusesUnknownParentsAndCycles() {
        assertThrows(IllegalArgumentException.class,
                () -> TreeDirectory.parse(new StringReader("A1,甲,VILLAGE,B1\n")));
        assertThrows(IllegalArgumentException.class,
                () -> TreeDirectory.parse(new StringReader("A1,甲,VILLAGE,B1\nB1,乙,TOWNSHIP,A1\n")));
    }

    @Test
    void configuredNodeJoinsItsOwnUnitToTheTree() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("units", ".csv");
        java.nio.file.Files.writeString(file, CSV);
        ConfiguredNode node = new ConfiguredNode("", "village", "510199101202", "桃园村", "village", "510199101",
                "http://127.0.0.1:8183", file.toString(), "", "test");
        assertEquals("510199101202", node.info().nodeId());
        assertTrue(node.units().isWithin("510199101202", "510199"));
        assertEquals("http://127.0.0.1:8183", node.info().parentUrl());
    }
}
