package org.xinfang.petition;

import java.util.Set;

/**
 * Who acts: the person (login, and name and title from the node's staff list) and the roles the
 * realm gives them. The unit is the node's own.
 */
public record Actor(Person person, Set<String> roles) {
    public Actor {
        java.util.Objects.requireNonNull(person, "person");
        roles = Set.copyOf(roles);
    }

    /** An actor known by login only (not in the staff list). */
    public Actor(String user, Set<String> roles) {
        this(new Person(user, null, null), roles);
    }

    /** The login. */
    public String user() {
        return person.login();
    }

    /** Whether the actor has any of these roles; admin may do everything. */
    public boolean hasAny(Set<String> wanted) {
        return roles.contains(StaffRoles.ADMIN) || wanted.stream().anyMatch(roles::contains);
    }
}
