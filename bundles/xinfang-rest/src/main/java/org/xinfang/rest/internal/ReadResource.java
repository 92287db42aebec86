package org.xinfang.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.xinfang.petition.PersonalReads;
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.Roles;

/**
 * The reads of personal data by one person: {@code GET /reads?login=…[&node=…][&limit=…]} (the node defaults to
 * this one; the reads of staff below arrive with their journals). For the administrator, heads and the roles that
 * read accusations; each item as {@code GET /petitions/{id}/reads} gives it.
 */
@Path("/reads")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ReadResource {
    private final PersonalReads reads;
    private final Views views;

    public ReadResource(PersonalReads reads, Views views) {
        this.reads = reads;
        this.views = views;
    }

    @GET
    public Map<String, Object> byReader(@QueryParam("login") String login, @QueryParam("node") String node,
            @QueryParam("limit") String limit, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        if (!views.auditsReads(security)) {
            throw new ApiException(403, "forbidden", "只有管理员、负责人和纪检监察人员可查看查阅记录 / only the"
                    + " administrator, heads and the roles that read accusations list reads", null);
        }
        if (login == null || login.isBlank()) {
            throw new ValidationException("login", "required", "请指定查阅人的账号 / the reader's login is required");
        }
        if (login.length() > 100 || node != null && node.length() > 60) {
            throw new ValidationException(login.length() > 100 ? "login" : "node", "too_long", "过长 / too long");
        }
        String at = node == null || node.isBlank() ? views.nodeId() : node.strip();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("login", login.strip());
        answer.put("node", at);
        answer.put("nodeName", views.unitName(at));
        answer.put("items", reads.byReader(at, login.strip(), Views.limit(limit, 200)).stream().map(views::read).toList());
        return answer;
    }
}
