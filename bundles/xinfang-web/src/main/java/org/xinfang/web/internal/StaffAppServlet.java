package org.xinfang.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
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
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter JSON = MAPPER.writer().with(new ScriptSafe());

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
            response.getOutputStream().write(JSON.writeValueAsBytes(pages()));
        } else if (path.equals("config.json")) {
            StaticFiles.secure(response);
            response.setHeader("Cache-Control", "no-cache");
            response.setContentType("application/json; charset=UTF-8");
            response.getOutputStream().write(JSON.writeValueAsBytes(config()));
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
    ObjectNode config() {
        return MAPPER.createObjectNode().put("idleMinutes", idleMinutes);
    }

    /** The installed pages: id, order, titles, script URL, roles, whether they are in the navigation. */
    ArrayNode pages() {
        ArrayNode list = MAPPER.createArrayNode();
        for (PageRegistry.Contribution c : pages.all()) {
            WebPage p = c.page();
            ObjectNode page = list.addObject();
            page.put("id", p.id());
            page.put("order", p.order());
            page.putObject("title").put("zh", p.titleZh()).put("en", p.titleEn());
            page.put("script", "/pages/" + p.id() + "/" + p.script());
            ArrayNode roles = page.putArray("roles");
            p.roles().stream().sorted().forEach(roles::add);
            page.put("navigation", p.navigation());
        }
        return list;
    }

    /** {@link #config()} as it is sent. */
    String configJson() {
        return write(config());
    }

    /** {@link #pages()} as it is sent. */
    String pagesJson() {
        return write(pages());
    }

    private static String write(Object json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings, numbers and booleans always serialises
        }
    }

    /**
     * Jackson's escaping, and {@code <} written as its Unicode escape: a title never closes a script element its
     * JSON is embedded in.
     */
    private static final class ScriptSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final SerializableString LESS_THAN = new SerializedString("\\u003c");
        private final int[] codes;

        ScriptSafe() {
            codes = standardAsciiEscapesForJSON();
            codes['<'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == '<' ? LESS_THAN : null;
        }
    }
}
