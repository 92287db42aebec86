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
import org.xinfang.petition.DocumentPage;
import org.xinfang.petition.OfficialDocument;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PublicProgress;
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
     * @param misses wrong code pairs allowed per case (tracking code) at this node: a six-digit verification
     *     code must not be guessed by trying them all, from however many addresses
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

    /**
     * The petitioner's copy of a numbered document (ID numbers and phones masked, no staff names), as a printable
     * page; read with the same two codes as the progress, under the same limit on wrong guesses.
     */
    @GET
    @Path("/{trackingCode}/documents/{n}")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public javax.ws.rs.core.Response document(@PathParam("trackingCode") String trackingCode, @PathParam("n") String n,
            @QueryParam("code") String code, @Context HttpServletRequest request) {
        if (code == null || code.isBlank()) {
            throw new ValidationException("code", "required", "请输入验证码 / the verification code is required");
        }
        PublicProgress p = found(trackingCode, code, request == null ? "unknown" : request.getRemoteAddr());
        OfficialDocument d = p.documents().stream().filter(x -> String.valueOf(x.event()).equals(n)).findFirst()
                .orElseThrow(() -> new ApiException(404, "not_found", "没有这份文书 / no such document", "n"));
        return Views.page(DocumentPage.bytes(d, PUBLIC_STYLESHEET));
    }

    /** Where the portal serves the documents' stylesheet (the same rules as the staff application's). */
    static final String PUBLIC_STYLESHEET = "/portal/document.css";

    Map<String, Object> progress(String trackingCode, String code, String client) {
        return ProgressView.of(found(trackingCode, code, client));
    }

    private PublicProgress found(String trackingCode, String code, String client) {
        // the budget is the case's, not the address's: many addresses must not add up to more tries
        String guessed = RateLimiter.caseKey(trackingCode);
        Duration wait = misses.retryAfter(guessed);
        if (!wait.isZero()) {
            throw new TooManyRequests(TooManyRequests.GUESSES, wait.toSeconds());
        }
        return petitions.publicProgress(trackingCode, code).orElseThrow(() -> {
            misses.tryAcquire(guessed);
            return new ApiException(404, "not_found",
                    "未找到与该查询码和验证码相符的信访事项，请核对后重试 / no petition matches these codes; please check them",
                    null);
        });
    }
}
