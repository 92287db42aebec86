package org.xinfang.reception.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * The published rota, {@code /api/v1/portal/reception-days}, without login: the scheduled sessions from
 * today on of this node's unit and of every unit whose rota synced here (the district holds them all), with
 * time, place, the leader by name and title and the unit by name (R2022 Art. 18; R2005 Art. 10). No logins,
 * no records, no cases.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class PublishedReceptionResource {
    private final ReceptionService service;
    private final ReceptionViews views;

    public PublishedReceptionResource(ReceptionService service) {
        this.service = service;
        this.views = new ReceptionViews(service);
    }

    @GET
    public Map<String, Object> published() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("title", "领导接访日安排");
        answer.put("notice", "领导接访日当天，群众可到所列地点当面反映问题；请携带身份证件，多人反映同一问题的请推选不超过5名代表"
                + "（《信访工作条例》第十八条、第二十条）。");
        answer.put("from", service.today().toString());
        answer.put("items", service.published().stream().map(views::published).toList());
        return answer;
    }
}
