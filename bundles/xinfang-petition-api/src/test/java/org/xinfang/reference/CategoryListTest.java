package org.xinfang.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.petition.ValidationException;

/** The managed list: what a typed category is registered and counted as. */
class CategoryListTest {
    private final CategoryList list = new CategoryList(3, List.of(
            new Category("农村农业", "Rural affairs", List.of("农村土地", "土地承包"), true),
            new Category("劳动社保", null, List.of(), true),
            new Category("国土资源", null, List.of("征地"), false)));

    @Test
    void aCaseIsRegisteredUnderTheNameOfTheCategoryItsTextNames() {
        assertEquals("农村农业", list.registeredAs("农村农业"));
        assertEquals("农村农业", list.registeredAs(" 农村 土地 "));
        assertEquals("农村农业", list.registeredAs("rural AFFAIRS"));
        assertEquals("劳动社保", list.registeredAs("劳动社保"));
    }

    @Test
    void textNoCategoryNamesAndRetiredCategoriesAreRefusedOnTheField() {
        var unknown = assertThrows(ValidationException.class, () -> list.registeredAs("征地拆迁"));
        assertEquals("category", unknown.field());
        assertEquals("unknown_category", unknown.code());
        var retired = assertThrows(ValidationException.class, () -> list.registeredAs("征地"));
        assertEquals("retired_category", retired.code());
    }

    @Test
    void statisticsCountFreeTextByTheCategoryThatNamesItAndKeepTheRestApart() {
        assertEquals("农村农业", list.countedAs("土地承包"));
        assertEquals("国土资源", list.countedAs("征地"), "a retired category still counts its old cases");
        assertEquals(CategoryList.UNMAPPED, list.countedAs("拖欠工资"));
        assertEquals(CategoryList.NONE, list.countedAs(null));
        assertEquals(CategoryList.NONE, list.countedAs("  "));
    }

    @Test
    void aWordMayNameOneCategoryOnly() {
        var twice = assertThrows(ValidationException.class, () -> new CategoryList(1, List.of(
                new Category("农村农业", null, List.of("土地"), true), new Category("国土资源", null, List.of("土地"), true))));
        assertEquals("categories", twice.field());
        assertEquals("ambiguous", twice.code());
        assertThrows(ValidationException.class, () -> new CategoryList(1, List.of()));
        assertThrows(ValidationException.class, () -> new Category(" ", null, List.of(), true));
    }
}
