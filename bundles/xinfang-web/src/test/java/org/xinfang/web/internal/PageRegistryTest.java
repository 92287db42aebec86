package org.xinfang.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.web.StaticPage;

class PageRegistryTest {
    private static StaticPage page(String id, int order, String titleZh) {
        return new StaticPage(id, order, titleZh, id, id + ".js", "", true);
    }

    @Test
    void pagesAreListedInNavigationOrderWhateverOrderTheyCameIn() {
        PageRegistry registry = new PageRegistry();
        registry.add("sync", page("sync", 90, "同步状态"), null);
        registry.add("cases", page("cases", 10, "案件"), null);
        registry.add("register", page("register", 20, "登记"), null);
        assertEquals(List.of("cases", "register", "sync"), registry.all().stream().map(c -> c.page().id()).toList());
    }

    @Test
    void whenTwoBundlesClaimAnIdTheFirstStays() {
        PageRegistry registry = new PageRegistry();
        registry.add("a", page("cases", 10, "案件"), null);
        registry.add("b", page("cases", 10, "另一个"), null);
        assertEquals("案件", registry.find("cases").orElseThrow().page().titleZh());
    }

    @Test
    void theServletListsExactlyThePagesInstalled() {
        PageRegistry registry = new PageRegistry();
        StaffAppServlet servlet = new StaffAppServlet(registry, null);
        assertEquals("[]", servlet.pagesJson());
        registry.add("r", new StaticPage("register", 20, "登记\"</script>", "Register", "register.js", "clerk,admin", true),
                null);
        String json = servlet.pagesJson();
        assertEquals("[{\"id\":\"register\",\"order\":20,\"title\":{\"zh\":\"登记\\\"\\u003c/script>\",\"en\":\"Register\"},"
                + "\"script\":\"/pages/register/register.js\",\"roles\":[\"admin\",\"clerk\"],\"navigation\":true}]", json);
        assertTrue(registry.find("nothing").isEmpty());
    }

    @Test
    void everyTitleReadsBackAsWrittenAndNoneOpensATag() throws Exception {
        PageRegistry registry = new PageRegistry();
        String zh = "登记\\<b>\t\"甲\"\n&\u0001";
        registry.add("r", new StaticPage("register", 20, zh, "a</script><script>", "register.js", "", false), null);
        String json = new StaffAppServlet(registry, null).pagesJson();
        assertFalse(json.contains("<"), json);
        com.fasterxml.jackson.databind.JsonNode page = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)
                .get(0);
        assertEquals(zh, page.get("title").get("zh").asText());
        assertEquals("a</script><script>", page.get("title").get("en").asText());
        assertEquals(0, page.get("roles").size());
        assertFalse(page.get("navigation").asBoolean());
    }

    @Test
    void theServletTellsThePageHowLongALoginLastsUnused() {
        assertEquals("{\"idleMinutes\":30}", new StaffAppServlet(new PageRegistry(), null).configJson());
        assertEquals("{\"idleMinutes\":5}", new StaffAppServlet(new PageRegistry(), null, 5).configJson());
        assertThrows(IllegalArgumentException.class, () -> new WebApp(null, new PageRegistry(), null, 0));
    }
}
