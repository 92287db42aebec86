package org.xinfang.rest.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.LoginThrottle;
import org.xinfang.rest.support.Roles;

/**
 * Staff login locks (issue 15): which accounts and addresses are locked after too many failed logins, and
 * lifting one. For the node's administrators only.
 */
@Path("/admin/logins/locks")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class LoginLockResource {
    private static final Logger LOG = LoggerFactory.getLogger(LoginLockResource.class);
    private static final Set<String> ADMINISTRATORS = Set.of(ADMIN);

    /** {"items": [{key, kind: ACCOUNT|ADDRESS, name, since, until, failures, lastAddress, lastAccount}]}. */
    @GET
    public Map<String, Object> list(@Context SecurityContext security) {
        Roles.require(security, ADMINISTRATORS);
        List<Map<String, Object>> items = new ArrayList<>();
        for (LoginThrottle.Lock l : LoginThrottle.shared().locks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            boolean account = l.key().startsWith(LoginThrottle.ACCOUNT);
            m.put("key", l.key());
            m.put("kind", account ? "ACCOUNT" : "ADDRESS");
            m.put("kindLabel", account ? "账号" : "地址");
            m.put("name", l.key().substring(l.key().indexOf(':') + 1));
            m.put("since", l.since().toString());
            m.put("until", l.until().toString());
            m.put("failures", l.failures());
            m.put("lastAddress", l.lastAddress());
            m.put("lastAccount", l.lastAccount());
            items.add(m);
        }
        return Map.of("items", items);
    }

    /** Lifts the lock {@code key} ({@code account:NAME} or {@code address:HOST}); 404 when none is in force. */
    @DELETE
    @Path("/{key}")
    public Map<String, Object> lift(@PathParam("key") String key, @Context SecurityContext security) {
        Roles.require(security, ADMINISTRATORS);
        if (key == null || key.length() > 80
                || !(key.startsWith(LoginThrottle.ACCOUNT) || key.startsWith(LoginThrottle.ADDRESS))) {
            throw new ApiException(400, "invalid_field",
                    "须为 account:账号 或 address:地址 / must be account:NAME or address:HOST", "key");
        }
        if (!LoginThrottle.shared().lift(key)) {
            throw new ApiException(404, "not_found", "没有这个锁定 / no such lock in force", "key");
        }
        LOG.warn("login lock {} lifted by {}", key, security.getUserPrincipal().getName());
        return Map.of("key", key, "lifted", true);
    }
}
