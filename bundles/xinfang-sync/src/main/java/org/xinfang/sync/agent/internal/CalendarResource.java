package org.xinfang.sync.agent.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.Roles;
import org.xinfang.sync.Message;
import org.xinfang.sync.SyncStore;

/**
 * The working-day calendar (public holidays and make-up working days), {@code /api/v1/calendar}. It is
 * maintained at the top of the network and reaches every node by sync.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CalendarResource {
    private static final int MAX_BYTES = 256 * 1024;

    private final NodeService node;
    private final SyncStore store;
    private final SyncAgent agent;

    public CalendarResource(NodeService node, SyncStore store, SyncAgent agent) {
        this.node = node;
        this.store = store;
        this.agent = agent;
    }

    @GET
    public Map<String, Object> get(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        List<Map<String, String>> days = node.calendar().days().entrySet().stream().map(e -> Map.of(
                "date", e.getKey().toString(), "type", e.getValue().name())).toList();
        return Map.of("days", days, "total", days.size());
    }

    /** Replaces the calendar: body is the CSV file ({@code date,HOLIDAY|WORKDAY,name} a line). Admins at the top node. */
    @PUT
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Map<String, Object> put(InputStream body, @Context SecurityContext security) throws IOException {
        Roles.require(security, Set.of(ADMIN));
        if (node.info().parentUrl() != null) {
            throw new ApiException(409, "maintained_above", "节假日安排由上级（" + node.info().unit().parent()
                    + "）统一维护并同步下发 / the calendar is maintained at the top of the network and arrives by sync",
                    null);
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ApiException(413, "payload_too_large", "日历文件过大 / the calendar is too large", null);
        }
        String csv = new String(bytes, StandardCharsets.UTF_8);
        try {
            node.replaceCalendar(csv);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("calendar", "invalid_line", "日历格式错误 / " + e.getMessage());
        }
        String id = node.info().nodeId() + ":calendar:" + Signatures.sha256(bytes).substring(0, 16);
        var children = store.children().keySet();
        store.queueForChildren(new Message(0, id, "*", SyncAgent.CALENDAR, csv, System.currentTimeMillis()), children);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("days", node.calendar().days().size());
        answer.put("sentTo", List.copyOf(children));
        return answer;
    }
}
