package org.xinfang.reference;

import java.util.List;

/** The managed list of problem categories as this node holds it. */
public interface CategoryService {
    /** The list in force here: the one synced from the top, or the one shipped with the software. */
    CategoryList list();

    /**
     * Replaces the list at the top of the network and sends it down (admins and heads of the top node).
     *
     * @throws ReferenceStore.StaleException when the list changed since {@code expectedVersion}
     * @throws IllegalStateException when this node has a parent: the list is kept above
     */
    CategoryList replace(long expectedVersion, List<Category> categories);

    /**
     * Like {@link #replace(long, List)} from the JSON an editor sends: {@code {"version": the version read,
     * "categories": [{"name", "en", "aliases": [...], "active"}]}}.
     *
     * @throws org.xinfang.petition.ValidationException naming the field at fault, e.g. {@code categories[3].name}
     */
    CategoryList replace(String json);
}
