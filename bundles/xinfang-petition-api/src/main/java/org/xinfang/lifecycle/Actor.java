package org.xinfang.lifecycle;

import java.util.Set;

/** Who acts: the user and the roles the realm gives them. The unit is the node's own. */
public record Actor(String user, Set<String> roles) {
    public Actor {
        roles = Set.copyOf(roles);
    }

    /** Whether the actor has any of these roles; admin may do everything. */
    public boolean hasAny(Set<String> wanted) {
        return roles.contains("admin") || wanted.stream().anyMatch(roles::contains);
    }
}
