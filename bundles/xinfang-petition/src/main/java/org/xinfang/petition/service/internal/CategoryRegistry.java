package org.xinfang.petition.service.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.xinfang.node.NodeService;
import org.xinfang.petition.ValidationException;
import org.xinfang.reference.Category;
import org.xinfang.reference.CategoryList;
import org.xinfang.reference.CategoryService;
import org.xinfang.reference.ReferenceStore;

/**
 * The list of problem categories held here: the top node's latest, synced down through the reference
 * store, or the list shipped with the software until the first change at the top arrives.
 */
public final class CategoryRegistry implements CategoryService {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final CategoryList SHIPPED = shipped();

    private final ReferenceStore store;
    private final NodeService node;
    /** The list parsed from the held document, kept until the version held changes. */
    private volatile CategoryList cached;

    public CategoryRegistry(ReferenceStore store, NodeService node) {
        this.store = store;
        this.node = node;
    }

    /** The list shipped with the software (version 0). */
    public static CategoryList shippedList() {
        return SHIPPED;
    }

    @Override
    public CategoryList list() {
        var held = store.get(CategoryList.DOCUMENT);
        if (held.isEmpty()) {
            return SHIPPED;
        }
        CategoryList c = cached;
        if (c != null && c.version() == held.get().version()) {
            return c;
        }
        c = parse(held.get().payload(), held.get().version());
        cached = c;
        return c;
    }

    @Override
    public CategoryList replace(long expectedVersion, List<Category> categories) {
        if (node.info().parentUrl() != null) {
            throw new IllegalStateException("the list of categories is kept at the top of the network");
        }
        CategoryList next = new CategoryList(expectedVersion + 1, categories);
        var stored = store.replace(CategoryList.DOCUMENT, expectedVersion, write(next));
        return parse(stored.payload(), stored.version());
    }

    @Override
    public CategoryList replace(String json) {
        JsonNode root;
        try {
            root = json == null ? null : MAPPER.readTree(json);
        } catch (IOException e) {
            throw new ValidationException("body", "invalid_json", "不是有效的JSON / not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException("body", "required", "请求体应为JSON对象 / a JSON object is required");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() < 0) {
            throw new ValidationException("version", "required", "请提供所读取的版本号 / the version read is required");
        }
        return replace(version.asLong(), categories(root.get("categories")));
    }

    /** The list as JSON: {@code {"version", "categories": [{"name", "en", "aliases", "active"}]}}. */
    public static String write(CategoryList list) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", list.version());
        ArrayNode items = root.putArray("categories");
        for (Category c : list.categories()) {
            ObjectNode n = items.addObject();
            n.put("name", c.name());
            n.put("en", c.en());
            ArrayNode aliases = n.putArray("aliases");
            c.aliases().forEach(aliases::add);
            n.put("active", c.active());
        }
        return root.toString();
    }

    /** Reads the list's JSON; every fault is named by its place, e.g. {@code categories[3].name}. */
    public static List<Category> categories(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new ValidationException("categories", "required", "缺少问题分类列表 / categories is required");
        }
        List<Category> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode n = array.get(i);
            try {
                if (!n.isObject()) {
                    throw new ValidationException("name", "not_an_object", "应为对象 / must be an object");
                }
                List<String> aliases = new ArrayList<>();
                JsonNode a = n.path("aliases");
                if (!a.isMissingNode() && !a.isNull()) {
                    if (!a.isArray()) {
                        throw new ValidationException("aliases", "not_a_list", "别名应为列表 / must be a list");
                    }
                    a.forEach(x -> aliases.add(x.isTextual() ? x.asText() : null));
                }
                JsonNode active = n.path("active");
                list.add(new Category(text(n, "name"), text(n, "en"), aliases,
                        active.isMissingNode() || active.isNull() || active.asBoolean(true)));
            } catch (ValidationException e) {
                throw e.under("categories[" + i + "]");
            }
        }
        return list;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ValidationException(field, "not_text", "应为文字 / must be text");
        }
        return v.asText();
    }

    private static CategoryList parse(String json, long version) {
        try {
            return new CategoryList(version, categories(MAPPER.readTree(json).get("categories")));
        } catch (IOException e) {
            throw new UncheckedIOException("the held list of categories is not JSON", e);
        }
    }

    private static CategoryList shipped() {
        try (InputStream in = CategoryRegistry.class.getResourceAsStream("categories.json")) {
            return new CategoryList(0, categories(MAPPER.readTree(in).get("categories")));
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped list of categories cannot be read", e);
        }
    }
}
