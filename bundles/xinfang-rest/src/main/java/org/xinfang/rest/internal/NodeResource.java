package org.xinfang.rest.internal;

import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.Roles;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

/** Who this node is: tier, unit, parent, version. */
@Path("/node")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class NodeResource {
    private final Views views;

    public NodeResource(Views views) {
        this.views = views;
    }

    @GET
    public Map<String, Object> node(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        return views.node();
    }
}
