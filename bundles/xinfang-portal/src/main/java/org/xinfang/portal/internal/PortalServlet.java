package org.xinfang.portal.internal;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.xinfang.web.StaticFiles;
import org.xinfang.web.WebPage;

/**
 * The public portal's files at {@code /portal/}: the page and its script and style from this bundle's
 * {@code portal/} folder, nothing from anywhere else. Serves no data: the page reads and writes through
 * {@code /api/v1/portal} and the public progress query.
 */
public final class PortalServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String FOLDER = "portal/";
    /** Where a citizen who mistyped an address is sent back to. */
    static final String HOME = "/portal/";

    private final transient Bundle own;

    public PortalServlet(Bundle own) {
        this.own = own;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (path.isEmpty() || path.equals("index.html")) {
            StaticFiles.send(request, response, own, FOLDER + "index.html");
        } else if (WebPage.isServableFile(path)) {
            StaticFiles.send(request, response, own, FOLDER + path, HOME);
        } else {
            StaticFiles.notFound(response, HOME);
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    /** The path below the alias, without its leading slash: "" for {@code /portal} and {@code /portal/}. */
    static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null) {
            return "";
        }
        return info.startsWith("/") ? info.substring(1) : info;
    }
}
