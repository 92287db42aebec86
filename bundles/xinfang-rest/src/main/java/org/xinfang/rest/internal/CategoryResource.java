package org.xinfang.rest.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.HEAD;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.xinfang.node.NodeService;
import org.xinfang.reference.CategoryList;
import org.xinfang.reference.CategoryService;
import org.xinfang.reference.ReferenceStore;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.Roles;

/**
 * {@code /api/v1/categories}: the managed list of problem categories (问题分类) that cases are registered
 * under and counted by. Every node reads the list it holds; the top of the network edits it
 * ({@code PUT}, heads and the administrator) and sync carries it down.
 */
@Path("/categories")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CategoryResource {
    private final CategoryService categories;
    private final NodeService node;

    public CategoryResource(CategoryService categories, NodeService node) {
        this.categories = categories;
        this.node = node;
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        return view(categories.list());
    }

    /** Replaces the list: {@code {"version": the version read, "categories": [{name, en, aliases, active}]}}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> replace(String body, @Context SecurityContext security) {
        Roles.require(security, Set.of(ADMIN, HEAD));
        if (node.info().parentUrl() != null) {
            throw new ApiException(409, "maintained_above", "问题分类目录由上级统一维护并同步下发 / the list is kept at the"
                    + " top of the network and arrives by sync", null);
        }
        try {
            return view(categories.replace(body));
        } catch (ReferenceStore.StaleException e) {
            throw new ApiException(409, "version_conflict", e.getMessage(), null);
        }
    }

    static Map<String, Object> view(CategoryList list) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", list.version());
        m.put("categories", list.categories().stream().map(c -> {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", c.name());
            n.put("en", c.en());
            n.put("aliases", c.aliases());
            n.put("active", c.active());
            return n;
        }).toList());
        return m;
    }
}
