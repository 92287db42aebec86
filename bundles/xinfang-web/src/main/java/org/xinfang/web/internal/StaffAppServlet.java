package org.xinfang.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.StringJoiner;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.xinfang.web.StaticFiles;
import org.xinfang.web.WebPage;

/**
 * The staff application at {@code /}: the page shell and its assets from this bundle, the list of
 * installed pages ({@code /pages.json}) and each page's files from the bundle that contributed it
 * ({@code /pages/<id>/<file>}), and the application's settings ({@code /config.json}: how long a login
 * lasts without use). Serves no data: every piece of data comes from {@code /api/v1}, which checks the
 * login on every call.
 */
public final class StaffAppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient PageRegistry pages;
    private final transient Bundle own;
    private final int idleMinutes;

    public StaffAppServlet(PageRegistry pages, Bundle own) {
        this(pages, own, WebApp.DEFAULT_IDLE_MINUTES);
    }

    /** @param idleMinutes minutes without use after which the browser forgets the login */
    public StaffAppServlet(PageRegistry pages, Bundle own, int idleMinutes) {
        this.pages = pages;
        this.own = own;
        this.idleMinutes = idleMinutes;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (path.isEmpty() || path.equals("index.html")) {
            StaticFiles.send(request, response, own, "web/index.html");
        } else if (path.equals("pages.json")) {
            StaticFiles.secure(response);
            response.setHeader("Cache-Control", "no-cache");
            response.setContentType("application/json; charset=UTF-8");
            response.getOutputStream().write(pagesJson().getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("config.json")) {
            StaticFiles.secure(response);
            response.setHeader("Cache-Control", "no-cache");
            response.setContentType("application/json; charset=UTF-8");
            response.getOutputStream().write(configJson().getBytes(StandardCharsets.UTF_8));
        } else if (path.startsWith("assets/") && WebPage.isServableFile(path.substring(7))) {
            StaticFiles.send(request, response, own, "web/" + path);
        } else if (path.startsWith("pages/")) {
            String rest = path.substring(6);
            int slash = rest.indexOf('/');
            Optional<PageRegistry.Contribution> page = slash < 0 ? Optional.empty() : pages.find(rest.substring(0, slash));
            String file = slash < 0 ? "" : rest.substring(slash + 1);
            if (page.isPresent() && WebPage.isServableFile(file)) {
                StaticFiles.send(request, response, page.get().bundle(), "web/" + file);
            } else {
                StaticFiles.notFound(response);
            }
        } else {
            StaticFiles.notFound(response);
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        String path = info == null ? request.getServletPath() : info;
        return path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
    }

    /** The application's settings: {@code idleMinutes}, after which an unused login is forgotten. */
    String configJson() {
        return "{\"idleMinutes\":" + idleMinutes + "}";
    }

    /** The installed pages: id, order, titles, script URL, roles, whether they are in the navigation. */
    String pagesJson() {
        StringJoiner list = new StringJoiner(",", "[", "]");
        for (PageRegistry.Contribution c : pages.all()) {
            WebPage p = c.page();
            StringJoiner roles = new StringJoiner(",", "[", "]");
            p.roles().stream().sorted().forEach(r -> roles.add(Json.string(r)));
            list.add("{\"id\":" + Json.string(p.id()) + ",\"order\":" + p.order() + ",\"title\":{\"zh\":"
                    + Json.string(p.titleZh()) + ",\"en\":" + Json.string(p.titleEn()) + "},\"script\":"
                    + Json.string("/pages/" + p.id() + "/" + p.script()) + ",\"roles\":" + roles + ",\"navigation\":"
                    + p.navigation() + "}");
        }
        return list.toString();
    }
}
