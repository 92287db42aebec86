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

    private final HttpService http;
    private final PageRegistry pages;
    private final Bundle own;

    public WebApp(HttpService http, PageRegistry pages, Bundle own) {
        this.http = http;
        this.pages = pages;
        this.own = own;
    }

    public void start() throws ServletException, NamespaceException {
        // the API stays at /api: the HTTP service matches the longest alias first
        http.registerServlet(ALIAS, new StaffAppServlet(pages, own), null, null);
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
