package org.xinfang.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;

/**
 * Serves files from a bundle to the browser with the headers every page of the node carries: the
 * content type, no caching of stale code, and a policy that lets pages load nothing from anywhere but
 * this node (offline offices: no CDN, and no script injected from elsewhere).
 */
public final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "json", "application/json; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=UTF-8");

    private StaticFiles() {
    }

    /** The headers of every answer of the web application. */
    public static void secure(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; "
                + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
    }

    /** The content type for a file name, by its extension. */
    public static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /**
     * Sends {@code entry} of {@code bundle}; answers 404 when the bundle has no such entry. Browsers
     * revalidate every time (the bundle's modification time is the validator), so a node updated by
     * installing a new bundle never serves a stale script.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, Bundle bundle, String entry)
            throws IOException {
        send(request, response, bundle, entry, "/");
    }

    /** As {@link #send(HttpServletRequest, HttpServletResponse, Bundle, String)}; a 404 links to {@code home}. */
    public static void send(HttpServletRequest request, HttpServletResponse response, Bundle bundle, String entry,
            String home) throws IOException {
        secure(response);
        URL url = bundle.getEntry(entry);
        if (url == null) {
            notFound(response, home);
            return;
        }
        String tag = "\"" + bundle.getBundleId() + "-" + bundle.getLastModified() + "\"";
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", tag);
        if (tag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(contentType(entry));
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (InputStream in = url.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** A plain, bilingual 404 page linking to the staff application. */
    public static void notFound(HttpServletResponse response) throws IOException {
        notFound(response, "/");
    }

    /** A plain, bilingual 404 page linking to {@code home} (a path on this node). */
    public static void notFound(HttpServletResponse response, String home) throws IOException {
        if (home == null || !home.startsWith("/") || home.startsWith("//") || home.contains("\"") || home.contains("<")) {
            throw new IllegalArgumentException("home must be a path on this node: " + home);
        }
        secure(response);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html; charset=UTF-8");
        response.getWriter().write("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>未找到 / Not found"
                + "</title><h1>页面不存在</h1><p>Page not found.</p><p><a href=\"" + home + "\">返回首页 / Home</a></p></html>");
    }
}
