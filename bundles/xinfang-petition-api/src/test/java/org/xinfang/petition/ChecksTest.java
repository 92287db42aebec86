package org.xinfang.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChecksTest {
    @Test
    void datesWithinTheYearsCountedPassOthersAreRefusedNamingTheField() {
        assertEquals(LocalDate.of(1990, 1, 1), Checks.date("from", LocalDate.of(1990, 1, 1)));
        assertEquals(LocalDate.of(2100, 12, 31), Checks.date("to", LocalDate.of(2100, 12, 31)));
        assertNull(Checks.date("from", null));
        for (LocalDate outside : new LocalDate[] {LocalDate.parse("+10000-01-01"), LocalDate.of(1989, 12, 31),
            LocalDate.of(2101, 1, 1), LocalDate.of(0, 1, 1)}) {
            ValidationException e = assertThrows(ValidationException.class, () -> Checks.date("from", outside));
            assertEquals("from", e.field());
            assertEquals("out_of_range", e.code());
        }
        assertEquals("year", assertThrows(ValidationException.class, () -> Checks.year("year", 99_999)).field());
    }

    @Test
    void anAttributeDateOutsideTheYearsIsRefusedNamingTheAttribute() {
        ValidationException e = assertThrows(ValidationException.class, () -> Attr.DUE.parse("+10000-01-01", "due"));
        assertEquals("due", e.field());
    }
}
