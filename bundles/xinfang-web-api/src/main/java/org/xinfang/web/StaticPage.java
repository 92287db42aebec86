package org.xinfang.web;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A {@link WebPage} described by its values, as a Blueprint bean declares it. */
public final class StaticPage implements WebPage {
    static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z]{1,5}");

    private final String id;
    private final int order;
    private final String titleZh;
    private final String titleEn;
    private final String script;
    private final Set<String> roles;
    private final boolean navigation;

    /**
     * @param id the page's route ({@code #/<id>}), lower case
     * @param order its place in the navigation, lowest first
     * @param titleZh the title in Chinese, shown first
     * @param titleEn the title in English
     * @param script the page's script, relative to the bundle's {@code web/} folder
     * @param roles comma-separated staff roles that see the page; empty for every staff member
     * @param navigation whether the page has an entry in the navigation (a case page, opened from a
     *     list, has none)
     */
    public StaticPage(String id, int order, String titleZh, String titleEn, String script, String roles,
            boolean navigation) {
        if (!WebPage.isValidId(id)) {
            throw new IllegalArgumentException("page id must be lower-case letters, digits and dashes: " + id);
        }
        if (script == null || !FILE.matcher(script).matches()) {
            throw new IllegalArgumentException("page script must be a relative file name: " + script);
        }
        if (titleZh == null || titleZh.isBlank() || titleEn == null || titleEn.isBlank()) {
            throw new IllegalArgumentException("page " + id + " needs a Chinese and an English title");
        }
        this.id = id;
        this.order = order;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.script = script;
        this.roles = roles == null ? Set.of() : Arrays.stream(roles.split(",")).map(String::strip)
                .filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.navigation = navigation;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public String titleZh() {
        return titleZh;
    }

    @Override
    public String titleEn() {
        return titleEn;
    }

    @Override
    public String script() {
        return script;
    }

    @Override
    public Set<String> roles() {
        return roles;
    }

    @Override
    public boolean navigation() {
        return navigation;
    }
}
