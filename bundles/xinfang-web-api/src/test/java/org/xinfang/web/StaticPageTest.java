package org.xinfang.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticPageTest {
    @Test
    void readsTheRolesOfAPage() {
        StaticPage page = new StaticPage("register", 20, "登记", "Register", "register.js", " clerk, admin ,", true);
        assertEquals(Set.of("clerk", "admin"), page.roles());
        assertEquals(Set.of(), new StaticPage("cases", 10, "案件", "Cases", "cases.js", "", true).roles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.js", "/etc/passwd", "a/../b.js", "page", "a b.js", "x.js?y", ".hidden.js"})
    void aScriptOutsideTheBundlesWebFolderIsRefused(String script) {
        assertThrows(IllegalArgumentException.class, () -> new StaticPage("p", 1, "页", "Page", script, "", true));
        assertFalse(WebPage.isServableFile(script));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cases", "1st", "a_b", "", "a23456789012345678901234567890123456789012"})
    void aPageIdIsARouteName(String id) {
        assertThrows(IllegalArgumentException.class, () -> new StaticPage(id, 1, "页", "Page", "p.js", "", true));
    }

    @Test
    void bothTitlesAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> new StaticPage("p", 1, "页", " ", "p.js", "", true));
        assertThrows(IllegalArgumentException.class, () -> new StaticPage("p", 1, null, "Page", "p.js", "", true));
    }

    @Test
    void servableFilesAreRelativeNamesInSubfolders() {
        assertTrue(WebPage.isServableFile("pages/case-view.js"));
        assertTrue(WebPage.isServableFile("icon.svg"));
    }
}
