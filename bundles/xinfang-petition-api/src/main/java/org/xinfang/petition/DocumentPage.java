package org.xinfang.petition;

import java.nio.charset.StandardCharsets;

/**
 * The printable page of an {@link OfficialDocument}: one HTML document laid out as an A4 公文 after GB/T 9704
 * (发文机关标志, 文号, red separator, title, 主送, body, 落款 with the issuing unit and date), all Chinese, with
 * no script and no inline style (the look is the stylesheet it links, allowed by the web app's CSP). The
 * same document gives the same bytes on every node.
 */
public final class DocumentPage {
    /** Where the staff application serves the documents' stylesheet. */
    public static final String STAFF_STYLESHEET = "/pages/case/document.css";

    private DocumentPage() {
    }

    /** The page as UTF-8 bytes. */
    public static byte[] bytes(OfficialDocument d, String stylesheet) {
        return html(d, stylesheet).getBytes(StandardCharsets.UTF_8);
    }

    /** The page, linking {@code stylesheet} (a path on the serving origin). */
    public static String html(OfficialDocument d, String stylesheet) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(d.title())).append("（").append(esc(d.number())).append("）</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(esc(stylesheet)).append("\">\n</head>\n<body>\n")
                .append("<article class=\"gw-sheet\" id=\"document\" data-type=\"").append(d.type().name())
                .append("\">\n<header class=\"gw-head\">\n<p class=\"gw-issuer\">").append(esc(d.issuer()))
                .append("</p>\n<p class=\"gw-number\" id=\"document-number\">").append(esc(d.number())).append("</p>\n")
                .append("<hr class=\"gw-rule\">\n</header>\n")
                .append("<h1 class=\"gw-title\">").append(esc(d.title())).append("</h1>\n")
                .append("<p class=\"gw-addressee\">").append(esc(d.addressee())).append("：</p>\n");
        for (String p : d.body()) {
            h.append("<p class=\"gw-text\">").append(esc(p)).append("</p>\n");
        }
        h.append("<p class=\"gw-text gw-basis\">本文书依据").append(esc(d.basis())).append("出具。</p>\n");
        for (String r : d.rights()) {
            h.append("<p class=\"gw-text gw-right\">").append(esc(r)).append("</p>\n");
        }
        h.append("<div class=\"gw-closing\">\n");
        if (d.signer() != null) {
            h.append("<p class=\"gw-signer\" id=\"document-signer\">签发人：").append(esc(d.signer())).append("</p>\n");
        }
        h.append("<p class=\"gw-unit\">").append(esc(d.issuer())).append("</p>\n<p class=\"gw-date\">")
                .append(OfficialDocument.date(d.issuedOn())).append("</p>\n</div>\n<footer class=\"gw-foot\">\n<p>登记编号：")
                .append(esc(d.caseId()));
        if (d.trackingCode() != null) {
            h.append("　查询码：").append(esc(d.trackingCode()));
        }
        h.append("　").append(d.publicCopy() ? "信访人联（个人信息已隐去）" : "存档联").append("</p>\n</footer>\n")
                .append("</article>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Text as HTML text or attribute value. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
