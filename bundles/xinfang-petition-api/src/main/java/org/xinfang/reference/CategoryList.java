package org.xinfang.reference;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xinfang.petition.ValidationException;

/**
 * The managed list of problem categories (问题分类), kept at the top of the network and synced down as
 * reference data ({@link ReferenceStore}, document {@value #DOCUMENT}). Cases are registered under a
 * category's name; statistics count a case's category through {@link #countedAs}, so free text registered
 * before the list existed is counted once it is mapped (an alias).
 *
 * @param version 0 for the list shipped with the software, then one more with every change at the top
 * @param categories in the order offered
 */
public record CategoryList(long version, List<Category> categories) {
    public static final String DOCUMENT = "categories";
    public static final int MAX_CATEGORIES = 200;
    /** What statistics count a case without a category as. */
    public static final String NONE = "未分类";
    /** What statistics count a category nobody mapped yet as. */
    public static final String UNMAPPED = "未映射";

    public CategoryList {
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new ValidationException("categories", "required", "问题分类不能为空 / the list is empty");
        }
        if (categories.size() > MAX_CATEGORIES) {
            throw new ValidationException("categories", "too_many", "问题分类最多" + MAX_CATEGORIES + "个 / at most "
                    + MAX_CATEGORIES);
        }
        Set<String> words = new HashSet<>();
        for (Category c : categories) {
            for (String w : words(c)) {
                if (!words.add(normal(w))) {
                    throw new ValidationException("categories", "ambiguous", "「" + w + "」在列表中出现了两次，"
                            + "无法确定归属 / \"" + w + "\" names two categories");
                }
            }
        }
    }

    private static List<String> words(Category c) {
        List<String> all = new java.util.ArrayList<>();
        all.add(c.name());
        if (c.en() != null) {
            all.add(c.en());
        }
        all.addAll(c.aliases());
        return all;
    }

    /** The category {@code text} names (its name, English name or an alias), active or not. */
    public Optional<Category> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return categories.stream().filter(c -> c.isNamedBy(text)).findFirst();
    }

    /**
     * The name a new case is registered under: the active category {@code text} names.
     *
     * @throws ValidationException {@code category} when nothing in the list is named so, or it is retired
     */
    public String registeredAs(String text) {
        Category c = find(text).orElseThrow(() -> new ValidationException("category", "unknown_category",
                "「" + text + "」不在问题分类目录中，请从目录中选择 / not in the list of categories"));
        if (!c.active()) {
            throw new ValidationException("category", "retired_category", "问题分类「" + c.name()
                    + "」已停用 / this category is no longer used");
        }
        return c.name();
    }

    /** What a case registered under {@code category} is counted as: a name of the list, {@link #NONE} or {@link #UNMAPPED}. */
    public String countedAs(String category) {
        if (category == null || category.isBlank()) {
            return NONE;
        }
        return find(category).map(Category::name).orElse(UNMAPPED);
    }

    static String normal(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
