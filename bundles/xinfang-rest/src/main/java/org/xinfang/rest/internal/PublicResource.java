package org.xinfang.rest.internal;

import java.util.Map;
import java.time.Duration;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.xinfang.petition.PetitionService;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.ProgressView;
import org.xinfang.rest.support.RateLimiter;
import org.xinfang.rest.support.TooManyRequests;
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
    private final RateLimiter misses;

    /**
     * @param misses wrong code pairs allowed per client address: a six-digit verification code must
     *     not be guessed by trying them all
     */
    public PublicResource(PetitionService petitions, RateLimiter misses) {
        this.petitions = petitions;
        this.misses = misses;
    }

    @GET
    @Path("/{trackingCode}")
    public Map<String, Object> progress(@PathParam("trackingCode") String trackingCode, @QueryParam("code") String code,
            @Context HttpServletRequest request) {
        if (code == null || code.isBlank()) {
            throw new ValidationException("code", "required", "请输入验证码 / the verification code is required");
        }
        return progress(trackingCode, code, request == null ? "unknown" : request.getRemoteAddr());
    }

    Map<String, Object> progress(String trackingCode, String code, String client) {
        Duration wait = misses.retryAfter(client);
        if (!wait.isZero()) {
            throw new TooManyRequests(TooManyRequests.GUESSES, wait.toSeconds());
        }
        return petitions.publicProgress(trackingCode, code).map(ProgressView::of).orElseThrow(() -> {
            misses.tryAcquire(client);
            return new ApiException(404, "not_found",
                    "未找到与该查询码和验证码相符的信访事项，请核对后重试 / no petition matches these codes; please check them",
                    null);
        });
    }
}
