package org.xinfang.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.xinfang.rest.support.Roles;

/** Who is logged in, with which staff roles, at which node: what the web application's login checks. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SessionResource {
    private final Views views;

    public SessionResource(Views views) {
        this.views = views;
    }

    @GET
    public Map<String, Object> me(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        Map<String, Object> answer = new LinkedHashMap<>();
        String login = security.getUserPrincipal().getName();
        org.xinfang.petition.Person person = views.person(login);
        answer.put("user", login);
        answer.put("name", person.name());
        answer.put("title", person.title());
        answer.put("display", person.display());
        answer.put("named", person.named());
        answer.put("roles", new TreeSet<>(Roles.of(security)));
        answer.put("node", views.node());
        return answer;
    }
}
