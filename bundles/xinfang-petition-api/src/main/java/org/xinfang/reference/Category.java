package org.xinfang.reference;

import java.util.List;
import org.xinfang.petition.Checks;
import org.xinfang.petition.ValidationException;

/**
 * One problem category of the managed list (问题分类).
 *
 * @param name the Chinese name cases are registered and counted under, e.g. 劳动社保
 * @param en its English name (optional)
 * @param aliases other words that name it: earlier free-text categories mapped to it (农村土地 → 农村农业)
 * @param active whether new cases may be registered under it (a retired category still counts old cases)
 */
public record Category(String name, String en, List<String> aliases, boolean active) {
    public static final int MAX_ALIASES = 50;

    public Category {
        name = Checks.text("name", name, 50);
        en = Checks.optionalText("en", en, 80);
        aliases = aliases == null ? List.of() : aliases.stream().map(a -> Checks.text("aliases", a, 50))
                .distinct().toList();
        if (aliases.size() > MAX_ALIASES) {
            throw new ValidationException("aliases", "too_many", "别名最多" + MAX_ALIASES + "个 / at most "
                    + MAX_ALIASES + " aliases");
        }
    }

    /** Whether {@code text} names this category: its name, English name or an alias, ignoring case and spaces. */
    public boolean isNamedBy(String text) {
        String t = CategoryList.normal(text);
        return t.equals(CategoryList.normal(name)) || (en != null && t.equals(CategoryList.normal(en)))
                || aliases.stream().anyMatch(a -> t.equals(CategoryList.normal(a)));
    }
}
