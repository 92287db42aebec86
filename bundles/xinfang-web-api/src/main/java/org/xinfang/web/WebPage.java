package org.xinfang.web;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A page of the staff web application, contributed by the bundle that publishes it as an OSGi service
 * (whiteboard): a tier gains a page by installing the feature whose bundle publishes it. The page's
 * script and its other files are served from the publishing bundle's {@code web/} folder at
 * {@code /pages/<id>/<file>}; the script calls {@code Xinfang.page(id, {...})} to render itself.
 * Bundles usually publish a {@link StaticPage} from their Blueprint XML.
 */
public interface WebPage {
    /** The page's route ({@code #/<id>}): lower-case letters, digits and dashes. */
    String id();

    /** Its place in the navigation, lowest first. */
    int order();

    /** The title in Chinese, shown first. */
    String titleZh();

    /** The title in English. */
    String titleEn();

    /** The page's script, relative to the publishing bundle's {@code web/} folder. */
    String script();

    /** The roles that see the page; empty for every staff member ({@code admin} sees everything). */
    Set<String> roles();

    /** Whether the page has an entry in the navigation (a case page, opened from a list, has none). */
    boolean navigation();

    /** Whether {@code path} is a file name a page may serve: relative, no {@code ..}, a known form. */
    static boolean isServableFile(String path) {
        return path != null && StaticPage.FILE.matcher(path).matches();
    }

    /** Whether {@code id} is a valid page id. */
    static boolean isValidId(String id) {
        return id != null && Pattern.matches("[a-z][a-z0-9-]{0,39}", id);
    }
}
