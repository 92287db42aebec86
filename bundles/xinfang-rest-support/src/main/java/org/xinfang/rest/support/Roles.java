package org.xinfang.rest.support;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.CLERK;
import static org.xinfang.petition.StaffRoles.DISCIPLINE;
import static org.xinfang.petition.StaffRoles.HANDLER;
import static org.xinfang.petition.StaffRoles.HEAD;
import static org.xinfang.petition.StaffRoles.LEADER;
import static org.xinfang.petition.StaffRoles.SUPERVISOR;

import java.util.Set;
import javax.ws.rs.core.SecurityContext;

/** The staff roles of the JAAS realm and what each call needs. */
public final class Roles {
    /**
     * Anyone who works a node: clerk 登记员, handler 承办人, head 签批, leader 领导, supervisor 督查, discipline 纪检监察
     * (reads the material of 检举控告; the office may name other roles for it: {@code accusation.roles}), admin.
     */
    public static final Set<String> STAFF = Set.of(ADMIN, CLERK, HANDLER, HEAD, LEADER, SUPERVISOR, DISCIPLINE);
    /** Who may register a petition. */
    public static final Set<String> REGISTER = Set.of(ADMIN, CLERK);
    /**
     * Who may read a petitioner's ID number and phone in full and find a case by an ID number: the staff who work
     * a case through (handler, head) and the administrator. Clerks, leaders and supervisors see them masked on the
     * case page and find cases by name, number and 查询码.
     */
    public static final Set<String> PERSONAL_DATA = Set.of(ADMIN, HANDLER, HEAD);

    private Roles() {
    }

    /** The staff roles the caller holds. */
    public static Set<String> of(SecurityContext security) {
        java.util.Set<String> held = new java.util.HashSet<>();
        for (String role : STAFF) {
            if (security != null && security.isUserInRole(role)) {
                held.add(role);
            }
        }
        return held;
    }

    /** Whether the caller holds a role of {@link #PERSONAL_DATA}. */
    public static boolean personalData(SecurityContext security) {
        return !java.util.Collections.disjoint(of(security), PERSONAL_DATA);
    }

    public static void require(SecurityContext security, Set<String> anyOf) {
        if (security == null || security.getUserPrincipal() == null) {
            throw new ApiException(401, "unauthorized", "请先登录 / authentication required", null);
        }
        for (String role : anyOf) {
            if (security.isUserInRole(role)) {
                return;
            }
        }
        throw new ApiException(403, "forbidden", "当前用户无权执行此操作 / your role does not allow this", null);
    }
}
