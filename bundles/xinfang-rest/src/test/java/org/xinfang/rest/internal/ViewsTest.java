package org.xinfang.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xinfang.petition.Gender;
import org.xinfang.petition.Petitioner;

/** The petitioners on the case page: one rule for ID numbers and phones, the same as the inbox search's. */
class ViewsTest {
    private static final Petitioner WANG = new Petitioner("王建国", "510199196503120413", "13881234567", "柳树村3组",
            Gender.MALE, "柳树村农机站");

    @Test
    void theRolesThatWorkWithPersonalDataReadTheNumbersInFull() {
        Map<String, Object> shown = Views.petitioners(List.of(WANG), true).get(0);
        assertEquals("510199196503120413", shown.get("idNumber"));
        assertEquals("13881234567", shown.get("phone"));
        assertEquals(false, shown.get("masked"));
    }

    @Test
    void everyOtherRoleReadsThemMaskedInTheJsonItself() {
        Map<String, Object> shown = Views.petitioners(List.of(WANG), false).get(0);
        assertEquals("5101**********0413", shown.get("idNumber"));
        assertEquals("138****4567", shown.get("phone"));
        assertEquals(true, shown.get("masked"));
        assertEquals("王建国", shown.get("name"));
    }

    @Test
    void genderComesWithItsChineseNameAndTheWorkUnitAsRecorded() {
        Map<String, Object> shown = Views.petitioners(List.of(WANG), false).get(0);
        assertEquals("MALE", shown.get("gender"));
        assertEquals("男", shown.get("genderLabel"));
        assertEquals("柳树村农机站", shown.get("workUnit"));
        Map<String, Object> unknown = Views.petitioners(List.of(new Petitioner("李四", null, null, null)), true).get(0);
        assertEquals(null, unknown.get("gender"));
        assertEquals(null, unknown.get("workUnit"));
    }
}
