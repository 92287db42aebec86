package org.xinfang.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.web.WebPage;

/** The pages installed now, each with the bundle that serves its files. Bound and unbound by Blueprint. */
public final class PageRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PageRegistry.class);

    /** A page and the bundle its files come from; {@code seq} orders pages bound earlier first. */
    public record Contribution(WebPage page, Bundle bundle, long seq) {
    }

    private final BundleContext context;
    private final Map<Object, Contribution> pages = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public PageRegistry(BundleContext context) {
        this.context = context;
    }

    /** For tests and for callers that hold the page already. */
    PageRegistry() {
        this.context = null;
    }

    public void bind(ServiceReference<WebPage> reference) {
        if (reference == null) {
            return;
        }
        WebPage page = context.getService(reference);
        if (page != null) {
            add(reference, page, reference.getBundle());
        }
    }

    public void unbind(ServiceReference<WebPage> reference) {
        if (reference == null) {
            return;
        }
        Contribution gone = pages.remove(reference);
        if (gone != null) {
            context.ungetService(reference);
            LOG.info("web page '{}' removed", gone.page().id());
        }
    }

    void add(Object key, WebPage page, Bundle bundle) {
        Contribution before = find(page.id()).orElse(null);
        if (before != null && before.bundle() != bundle) {
            LOG.warn("web page '{}' of bundle {} is also contributed by {}; the first one stays", page.id(),
                    name(bundle), name(before.bundle()));
        }
        pages.put(key, new Contribution(page, bundle, sequence.incrementAndGet()));
        LOG.info("web page '{}' added", page.id());
    }

    private static String name(Bundle bundle) {
        return bundle == null ? "?" : bundle.getSymbolicName();
    }

    /** The page with this id (the first one installed, should two bundles claim it). */
    public Optional<Contribution> find(String id) {
        return all().stream().filter(c -> c.page().id().equals(id)).findFirst();
    }

    /** Every installed page, in navigation order. */
    public List<Contribution> all() {
        return pages.values().stream()
                .sorted(Comparator.comparingInt((Contribution c) -> c.page().order())
                        .thenComparingLong(Contribution::seq))
                .toList();
    }
}
