package org.xinfang.rest.internal;

import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.xinfang.petition.PetitionService;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.ProgressView;
import org.xinfang.rest.support.Roles;
import org.xinfang.petition.ValidationException;

/**
 * The petitioner's progress query (R2022 Art. 21): no login, both codes required, no personal data.
 * A wrong verification code and an unknown tracking code get the same polite answer.
 */
@Path("/public/petitions")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class PublicResource {
    private final PetitionService petitions;
    private final Views views;

    public PublicResource(PetitionService petitions, Views views) {
        this.petitions = petitions;
        this.views = views;
    }

    @GET
    @Path("/{trackingCode}")
    public Map<String, Object> progress(@PathParam("trackingCode") String trackingCode, @QueryParam("code") String code) {
        if (code == null || code.isBlank()) {
            throw new ValidationException("code", "required", "请输入验证码 / the verification code is required");
        }
        return petitions.publicProgress(trackingCode, code).map(ProgressView::of).orElseThrow(() -> new ApiException(404, "not_found",
                "未找到与该查询码和验证码相符的信访事项，请核对后重试 / no petition matches these codes; please check them",
                null));
    }
}
