package org.xinfang.petition;

import static org.xinfang.petition.StaffRoles.HANDLER;
import static org.xinfang.petition.StaffRoles.HEAD;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Who reads what of a case. One place for the rules every screen and list applies:
 * <ul>
 *   <li>Full personal data (ID numbers, phones, addresses) is shown masked until a reader allowed to see it
 *       asks; that request is a recorded read ({@link PersonalRead}).</li>
 *   <li>A 检举控告 (R2022 Art. 30: 导入纪检监察渠道; Art. 46(5): 不得将检举控告材料转给被检举控告的人员或单位) is
 *       sealed: its subject, content, the accuser and its files are read only by the roles the office names
 *       for it (e.g. {@code discipline}) and by the handlers of the unit that owns it now — never by staff of
 *       the unit it accuses or by the person it accuses, and never at a node below the unit that routed it to
 *       the discipline channel. Everyone else sees that it exists: number, kind, status, owner, clocks.</li>
 *   <li>In lists a 检举控告 shows neither subject nor accuser to anyone, and a text search does not find it by
 *       its words or its accuser's name: the case page is where an allowed reader asks for it.</li>
 * </ul>
 */
public final class Disclosure {
    /** The subject a 检举控告 shows in lists and to readers it is sealed from. */
    public static final String SEALED_SUBJECT = "检举控告事项";
    /** Why the material is not shown. */
    public static final String SEALED_REASON = "检举控告材料仅限授权人员查阅，不得透露给被检举控告的单位和人员"
            + "（《信访工作条例》第三十条、第四十六条）";

    /**
     * Who reads: the person, the staff roles the realm gives them, and their unit (the node's own).
     */
    public record Reader(Person person, Set<String> roles, String unit) {
        public Reader {
            roles = Set.copyOf(roles);
        }
    }

    /** Who may read what, as the office configures it. */
    public record Policy(Set<String> personalDataRoles, Set<String> accusationRoles, Hierarchy tree) {
        public Policy {
            personalDataRoles = Set.copyOf(personalDataRoles);
            accusationRoles = Set.copyOf(accusationRoles);
        }
    }

    private static final Set<String> CASE_HANDLERS = Set.of(HANDLER, HEAD);

    private Disclosure() {
    }

    /** Whether a case is a 检举控告, whose material is sealed. */
    public static boolean sealed(Kind kind) {
        return kind == Kind.ACCUSATION;
    }

    /** The subject as a list or a reader it is sealed from shows it. */
    public static String listSubject(Kind kind, String subject) {
        return sealed(kind) ? SEALED_SUBJECT : subject;
    }

    /** The unit a 检举控告 accuses, as registered; null when none was named. */
    public static String accusedUnit(Petition p) {
        return p.timeline().isEmpty() ? null : p.timeline().get(0).attrs().get(Attr.ACCUSED_UNIT);
    }

    /** The person a 检举控告 accuses, as registered; null when none was named. */
    public static String accusedPerson(Petition p) {
        return p.timeline().isEmpty() ? null : p.timeline().get(0).attrs().get(Attr.ACCUSED_PERSON);
    }

    /** The unit that routed the case to the discipline channel (its 导入其他渠道), or null. */
    public static String routedBy(Petition p) {
        for (Event e : p.timeline()) {
            if (e.type() == EventType.REDIRECTED && e.attrs().get(Attr.CHANNEL) == RedirectChannel.DISCIPLINE) {
                return e.unit();
            }
        }
        return null;
    }

    /**
     * Whether {@code reader} may read the sealed material of a 检举控告 (always true of other cases): not staff of
     * the accused unit nor the accused person, not at a node below the unit that routed it, and either holding a
     * role the office names for accusations or handling it for the unit that owns it now.
     */
    public static boolean mayReadSealed(Petition p, Reader reader, Policy policy) {
        if (!sealed(p.kind())) {
            return true;
        }
        String accused = accusedUnit(p);
        if (accused != null && (reader.unit().equals(accused) || policy.tree().isWithin(reader.unit(), accused))) {
            return false;
        }
        String person = accusedPerson(p);
        if (person != null && reader.person().name() != null && person.strip().equals(reader.person().name().strip())) {
            return false;
        }
        String router = routedBy(p);
        if (router != null && policy.tree().isBelow(reader.unit(), router)) {
            return false;
        }
        if (!Collections.disjoint(reader.roles(), policy.accusationRoles())) {
            return true;
        }
        return p.owner().equals(reader.unit()) && !Collections.disjoint(reader.roles(), CASE_HANDLERS);
    }

    /**
     * Whether {@code reader} may ask for the case's full personal data: a 检举控告 by {@link #mayReadSealed}, any
     * other case by the roles that work with personal data.
     */
    public static boolean mayReveal(Petition p, Reader reader, Policy policy) {
        if (sealed(p.kind())) {
            return mayReadSealed(p, reader, policy);
        }
        return !Collections.disjoint(reader.roles(), policy.personalDataRoles());
    }

    /** The fields a reveal of this case shows in full, in order: what the record of the read names. */
    public static List<PersonalField> fields(Petition p) {
        List<PersonalField> fields = new ArrayList<>();
        if (sealed(p.kind())) {
            fields.add(PersonalField.CONTENT);
            if (!p.petitioners().isEmpty()) {
                fields.add(PersonalField.ACCUSER);
            }
        }
        if (p.petitioners().stream().anyMatch(x -> x.idNumber() != null)) {
            fields.add(PersonalField.ID_NUMBER);
        }
        if (p.petitioners().stream().anyMatch(x -> x.phone() != null)) {
            fields.add(PersonalField.PHONE);
        }
        if (p.petitioners().stream().anyMatch(x -> x.address() != null)) {
            fields.add(PersonalField.ADDRESS);
        }
        return fields;
    }
}
