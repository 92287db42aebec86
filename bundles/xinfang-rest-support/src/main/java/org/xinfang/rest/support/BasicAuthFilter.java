package org.xinfang.rest.support;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.xinfang.rest.login.GuardLoginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication against the node's JAAS realm (Karaf's {@code karaf} realm, i.e.
 * {@code etc/users.properties} by default). Every call needs it except the public progress query.
 */
public class BasicAuthFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthFilter.class);
    private static final String PUBLIC_PREFIX = "public/";

    /** What a locked account or address reads (429, with Retry-After). */
    static final String LOCKED = "登录失败次数过多，该账号或地址已暂时锁定，请稍后再试或联系管理员解锁。"
            + " / Too many failed logins: this account or address is locked for now; try later or ask an administrator.";
    /**
     * Logins checked against the realm in the last two minutes, by a keyed hash of name and password, so that
     * the slow password hash (docs: README "Security") is paid once per login and not on every API call.
     * Shared by every bundle's filter: a password changed or an account removed stops working within that time.
     */
    static final RecentLogins LOGINS = new RecentLogins(Duration.ofMinutes(2));

    private final String realm;
    private final String openPrefix;
    @Context
    private HttpServletRequest servletRequest;

    /** Every path needs a login except those under {@code public/}. */
    public BasicAuthFilter(String realm) {
        this(realm, PUBLIC_PREFIX);
    }

    /**
     * Paths under {@code openPrefix} (relative to the server's address; empty for all) may be called
     * without credentials: the resource then decides, with {@link Roles#require}, what needs a login.
     * Credentials that are sent are always checked.
     */
    public BasicAuthFilter(String realm, String openPrefix) {
        this.realm = realm;
        this.openPrefix = openPrefix;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean open = (path.startsWith("/") ? path.substring(1) : path).startsWith(openPrefix);
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        // the staff web application logs in with its own form: a challenge would make the browser
        // open its own password dialog over it
        boolean script = request.getHeaderString("X-Requested-With") != null;
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (!open) {
                request.abortWith(challenge("请先登录 / authentication required", script));
            }
            return;
        }
        String[] credentials = decode(header.substring(6).strip());
        if (credentials == null) {
            request.abortWith(challenge("认证信息格式错误 / malformed Basic credentials", script));
            return;
        }
        String address = servletRequest == null ? null : servletRequest.getRemoteAddr();
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        // a locked account or address is refused before anything else, a remembered login too
        Optional<LoginThrottle.Lock> lock = LoginThrottle.shared().locked(credentials[0], address);
        if (lock.isPresent()) {
            request.abortWith(locked(Duration.between(Instant.now(), lock.get().until()).toSeconds()));
            return;
        }
        try {
            Set<String> roles = LOGINS.login(LOGINS.key(credentials), () -> {
                Subject subject = new Subject();
                // the realm's first module (org.xinfang.rest.login.GuardLoginModule) reads the address from here
                subject.getPrincipals().add(new ClientPrincipal("http", address == null ? "unknown" : address));
                new LoginContext(realm, subject, callbacks -> answer(callbacks, credentials)).login();
                return subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                        .collect(Collectors.toUnmodifiableSet());
            });
            request.setSecurityContext(new Authenticated(credentials[0], roles, secure));
        } catch (GuardLoginModule.Locked e) {
            request.abortWith(locked(e.retryAfterSeconds()));
        } catch (LoginException e) {
            LOG.info("login refused for user '{}' from {} on {}", credentials[0], address, path);
            request.abortWith(challenge("用户名或密码错误 / wrong user name or password", script));
        }
    }

    private static Response locked(long seconds) {
        return Response.status(429).header("Retry-After", Math.max(1, seconds))
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError("too_many_requests", LOCKED, null)).build();
    }

    private static void answer(Callback[] callbacks, String[] credentials) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(credentials[0]);
            } else if (callback instanceof PasswordCallback password) {
                password.setPassword(credentials[1].toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private static String[] decode(String token) {
        try {
            String pair = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response challenge(String message, boolean script) {
        Response.ResponseBuilder answer = Response.status(401);
        if (!script) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Xinfang\", charset=\"UTF-8\"");
        }
        return answer.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError("unauthorized", message, null)).build();
    }

    private record Authenticated(String user, Set<String> roles, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return () -> user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }
}
