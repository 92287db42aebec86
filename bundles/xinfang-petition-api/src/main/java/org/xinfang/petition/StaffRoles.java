package org.xinfang.petition;

import java.util.Set;

/**
 * The staff roles a node's realm grants (etc/users.properties): the one place their names are written. Which
 * roles may do what is said by the service that does it, with these names.
 */
public final class StaffRoles {
    /** The node's administrator: may do everything. */
    public static final String ADMIN = "admin";
    /** 登记员: registers petitions, routes them. */
    public static final String CLERK = "clerk";
    /** 承办人: works a case through. */
    public static final String HANDLER = "handler";
    /** 负责人: signs off decisions, heads the unit. */
    public static final String HEAD = "head";
    /** 领导: takes cases in person (包案), receives on reception days, signs off the digest and the assessment. */
    public static final String LEADER = "leader";
    /** 督查: supervises cases that are late. */
    public static final String SUPERVISOR = "supervisor";
    /** 纪检监察: reads the material of a 检举控告 (R2022 Art. 30, 46(5)). */
    public static final String DISCIPLINE = "discipline";
    /** Every role above. */
    public static final Set<String> ALL = Set.of(ADMIN, CLERK, HANDLER, HEAD, LEADER, SUPERVISOR, DISCIPLINE);

    private StaffRoles() {
    }
}
