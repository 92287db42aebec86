package org.xinfang.open311.internal;

import javax.servlet.ServletException;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts GeoReport v2 at {@code /open311/v2}, and takes it away again. */
public final class Open311Site {
    private static final Logger LOG = LoggerFactory.getLogger(Open311Site.class);
    /** The path the issue fixes; the staff application at "/" does not shadow it (longest alias first). */
    static final String ALIAS = "/open311/v2";

    private final HttpService http;
    private final Open311Api api;
    private final String publicUrl;

    public Open311Site(HttpService http, Open311Api api, String publicUrl) {
        this.http = http;
        this.api = api;
        this.publicUrl = publicUrl;
    }

    public void start() throws ServletException, NamespaceException {
        http.registerServlet(ALIAS, new Open311Servlet(api, publicUrl), null, null);
        LOG.info("Open311 GeoReport v2 at {}/", ALIAS);
    }

    public void stop() {
        try {
            http.unregister(ALIAS);
        } catch (IllegalArgumentException alreadyGone) {
            LOG.debug("Open311 was not registered", alreadyGone);
        }
    }
}
