package org.xinfang.portal.internal;

import javax.servlet.ServletException;
import org.osgi.framework.Bundle;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts the public portal at {@code /portal}, and takes it away again. */
public final class PortalSite {
    private static final Logger LOG = LoggerFactory.getLogger(PortalSite.class);
    /** The staff application is at "/", the API at "/api": the HTTP service matches the longest alias. */
    static final String ALIAS = "/portal";

    private final HttpService http;
    private final Bundle own;

    public PortalSite(HttpService http, Bundle own) {
        this.http = http;
        this.own = own;
    }

    public void start() throws ServletException, NamespaceException {
        http.registerServlet(ALIAS, new PortalServlet(own), null, null);
        LOG.info("public portal at {}/", ALIAS);
    }

    public void stop() {
        try {
            http.unregister(ALIAS);
        } catch (IllegalArgumentException alreadyGone) {
            LOG.debug("public portal was not registered", alreadyGone);
        }
    }
}
