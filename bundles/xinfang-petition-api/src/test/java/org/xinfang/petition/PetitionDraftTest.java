package org.xinfang.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PetitionDraftTest {
    private static final Petitioner ZHANG = new Petitioner("张三", "11010519491231002X", "13812345678", "某村3组");

    private static PetitionDraft draft(List<Petitioner> people, Integer headcount) {
        return new PetitionDraft(Kind.CLAIM, Channel.WALK_IN, "拖欠工资", "某公司拖欠工资三个月", "劳动社保",
                "510104", LocalDate.of(2026, 11, 20), headcount, people);
    }

    @Test
    void headcountDefaultsToThePetitioners() {
        assertEquals(2, draft(List.of(ZHANG, ZHANG), null).headcount());
    }

    @Test
    void fiveRepresentativesAreAllowedForAMassVisit() {
        assertEquals(5, draft(List.of(ZHANG, ZHANG, ZHANG, ZHANG, ZHANG), 60).petitioners().size());
    }

    @Test
    void sixRepresentativesAreRefusedCitingArticle20() {
        List<Petitioner> six = new ArrayList<>(List.of(ZHANG, ZHANG, ZHANG, ZHANG, ZHANG, ZHANG));
        ValidationException e = assertThrows(ValidationException.class, () -> draft(six, 60));
        assertEquals("petitioners", e.field());
        assertEquals("too_many_representatives", e.code());
    }

    @Test
    void headcountBelowTheRepresentativesIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> draft(List.of(ZHANG, ZHANG), 1));
        assertEquals("headcount", e.field());
    }

    @Test
    void noPetitionerIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> draft(List.of(), null));
        assertEquals("petitioners", e.field());
    }

    @Test
    void blankSubjectIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> new PetitionDraft(Kind.CLAIM,
                Channel.LETTER, "  ", "内容", null, null, null, null, List.of(ZHANG)));
        assertEquals("subject", e.field());
        assertEquals("required", e.code());
    }

    @Test
    void locationMustBeAGbT2260Code() {
        ValidationException e = assertThrows(ValidationException.class, () -> new PetitionDraft(Kind.CLAIM,
                Channel.LETTER, "主题", "内容", null, "51010", null, null, List.of(ZHANG)));
        assertEquals("location", e.field());
    }

    @Test
    void genderIsOneOfAFixedSetAndWorkUnitIsOptionalText() {
        assertEquals(Gender.FEMALE, Gender.parse("female", "gender"));
        assertEquals(Gender.MALE, Gender.parse("男", "gender"));
        assertEquals(Gender.UNSTATED, Gender.parse("9", "gender"), "GB/T 2261.1 code");
        assertEquals(null, Gender.parse(" ", "gender"));
        ValidationException e = assertThrows(ValidationException.class, () -> Gender.parse("X", "petitioners[0].gender"));
        assertEquals("petitioners[0].gender", e.field());
        Petitioner p = new Petitioner("张三", null, null, null, Gender.MALE, "  清河镇农机站 ");
        assertEquals("清河镇农机站", p.workUnit());
        assertEquals(Gender.MALE, p.masked().gender());
        assertEquals("清河镇农机站", p.masked().workUnit());
        assertEquals(null, new Petitioner("张三", null, null, null, null, " ").workUnit());
        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> new Petitioner("张三", null, null, null, null, "单".repeat(101)));
        assertEquals("workUnit", tooLong.field());
    }

    @Test
    void maskedViewHidesTheMiddleOfNumbers() {
        PersonView view = ZHANG.masked();
        assertEquals("1101**********002X", view.idNumber());
        assertEquals("138****5678", view.phone());
    }
}
