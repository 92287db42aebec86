package org.xinfang.web.internal;

import javax.servlet.ServletException;
import org.osgi.framework.Bundle;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts the staff application at the node's root URL, and takes it away again. */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    static final String ALIAS = "/";
    /** Minutes without use after which the browser forgets a login, unless configured. */
    static final int DEFAULT_IDLE_MINUTES = 30;

    private final HttpService http;
    private final PageRegistry pages;
    private final Bundle own;
    private final int idleMinutes;

    public WebApp(HttpService http, PageRegistry pages, Bundle own) {
        this(http, pages, own, DEFAULT_IDLE_MINUTES);
    }

    /**
     * @param idleMinutes minutes without use after which every tab of the browser forgets the login
     *     ({@code session.idle.minutes} in etc/org.xinfang.web.cfg; 1 to 1440)
     */
    public WebApp(HttpService http, PageRegistry pages, Bundle own, int idleMinutes) {
        if (idleMinutes < 1 || idleMinutes > 1440) {
            throw new IllegalArgumentException("session.idle.minutes must be 1 to 1440, not " + idleMinutes);
        }
        this.http = http;
        this.pages = pages;
        this.own = own;
        this.idleMinutes = idleMinutes;
    }

    public void start() throws ServletException, NamespaceException {
        // the API stays at /api: the HTTP service matches the longest alias first
        http.registerServlet(ALIAS, new StaffAppServlet(pages, own, idleMinutes), null, null);
        LOG.info("staff web application at {}", ALIAS);
    }

    public void stop() {
        try {
            http.unregister(ALIAS);
        } catch (IllegalArgumentException alreadyGone) {
            LOG.debug("staff web application was not registered", alreadyGone);
        }
    }
}
