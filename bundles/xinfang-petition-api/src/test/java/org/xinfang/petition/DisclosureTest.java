package org.xinfang.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who reads what of a case (R2022 Art. 30, 46(5)): a 检举控告 against a village committee, read at the village, the
 * township between and the district, by staff with and without the role the office names for accusations.
 */
class DisclosureTest {
    /** DX the district office; TX a township below it; VX a village below TX; D01 a department. */
    private static final Hierarchy TREE = new Hierarchy() {
        final Map<String, String> parent = Map.of("D01", "DX", "TX", "DX", "VX", "TX");

        @Override
        public boolean isWithin(String code, String ancestor) {
            for (String u = code; u != null; u = parent.get(u)) {
                if (u.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Optional<String> childCodeToward(String from, String target) {
            return Optional.empty();
        }
    };
    private static final Disclosure.Policy POLICY = new Disclosure.Policy(Set.of("admin", "handler", "head"),
            Set.of("discipline"), TREE);
    private static final Instant AT = Instant.parse("2026-11-02T02:00:00Z");

    private static Petition accusation(String registeredAt, String owner, Attributes accused, NewEvent... steps) {
        List<Event> timeline = new ArrayList<>();
        timeline.add(new Event(1, registeredAt + "#1", AT, EventType.REGISTERED, new Person("clerk", "李娜", "登记员"),
                registeredAt, registeredAt, accused, null));
        for (NewEvent e : steps) {
            timeline.add(e.recorded(timeline.size() + 1, e.node() + "#" + (timeline.size() + 1)));
        }
        return new Petition(registeredAt + "-1", "TRK", Kind.ACCUSATION, Channel.LETTER, "举报村主任", "截留补助款",
                null, null, LocalDate.of(2026, 11, 2), 1, List.of(new Petitioner("张三", "510199196503120413",
                        "13881234567", "青溪区清河镇柳树村3组")), registeredAt, owner, Status.REGISTERED, AT, timeline);
    }

    private static Disclosure.Reader reader(String unit, String name, String... roles) {
        return new Disclosure.Reader(new Person("u", name, "职务"), Set.of(roles), unit);
    }

    private static final Attributes AGAINST_VILLAGE = Attributes.builder().put(Attr.ACCUSED_UNIT, "VX")
            .put(Attr.ACCUSED_PERSON, "王五").build();

    @Test
    void anAccusationAgainstAVillageIsSealedAtThatVillageWhateverTheRole() {
        Petition p = accusation("VX", "VX", AGAINST_VILLAGE);
        assertFalse(Disclosure.mayReadSealed(p, reader("VX", "赵六", "head", "handler"), POLICY),
                "the owner's handlers, when the owner is the accused unit");
        assertFalse(Disclosure.mayReadSealed(p, reader("VX", "赵六", "discipline", "admin"), POLICY));
        assertFalse(Disclosure.mayReveal(p, reader("VX", "赵六", "admin"), POLICY));
    }

    @Test
    void aboveTheAccusedUnitOnlyTheConfiguredRoleReadsIt() {
        Petition p = accusation("VX", "VX", AGAINST_VILLAGE);
        assertFalse(Disclosure.mayReadSealed(p, reader("DX", "钱七", "clerk"), POLICY));
        assertFalse(Disclosure.mayReadSealed(p, reader("DX", "钱七", "admin", "head", "handler"), POLICY),
                "not the owner's handlers, and admin is not a discipline role");
        assertTrue(Disclosure.mayReadSealed(p, reader("DX", "孙八", "discipline"), POLICY));
        assertTrue(Disclosure.mayReadSealed(p, reader("TX", "孙八", "discipline"), POLICY), "not routed yet");
    }

    @Test
    void theAccusedPersonNeverReadsItEvenWithTheRole() {
        Petition p = accusation("TX", "TX", AGAINST_VILLAGE);
        assertFalse(Disclosure.mayReadSealed(p, reader("DX", "王五", "discipline"), POLICY));
    }

    @Test
    void theHandlersOfTheOwningUnitReadWhatDoesNotAccuseThem() {
        Petition p = accusation("TX", "TX", Attributes.builder().put(Attr.ACCUSED_UNIT, "D01").build());
        assertTrue(Disclosure.mayReadSealed(p, reader("TX", "周九", "handler"), POLICY));
        assertFalse(Disclosure.mayReadSealed(p, reader("TX", "周九", "clerk"), POLICY), "a clerk is not a handler");
    }

    @Test
    void onceRoutedNoNodeBelowTheRouterReadsIt() {
        NewEvent routed = new NewEvent(EventType.REDIRECTED, new Person("head", "吴十", "局长"), "DX", "DX", AT,
                Attributes.builder().put(Attr.CHANNEL, RedirectChannel.DISCIPLINE).put(Attr.REASON, "转纪委").build(), null);
        Petition p = accusation("TX", "TX", Attributes.builder().put(Attr.ACCUSED_UNIT, "D01").build(), routed);
        assertEquals("DX", Disclosure.routedBy(p));
        assertFalse(Disclosure.mayReadSealed(p, reader("TX", "孙八", "discipline"), POLICY));
        assertFalse(Disclosure.mayReadSealed(p, reader("TX", "周九", "handler"), POLICY));
        assertTrue(Disclosure.mayReadSealed(p, reader("DX", "孙八", "discipline"), POLICY));
    }

    @Test
    void otherCasesAreRevealedToTheRolesThatWorkWithPersonalDataAndNeverSealed() {
        Petition claim = new Petition("TX-2", "TRK2", Kind.CLAIM, Channel.LETTER, "土地", "征地补偿", null, null,
                LocalDate.of(2026, 11, 2), 1, List.of(new Petitioner("张三", "510199196503120413", null, null)), "TX",
                "TX", Status.REGISTERED, AT, List.of(new Event(1, "TX#1", AT, EventType.REGISTERED,
                        new Person("clerk", "李娜", "登记员"), "TX", "TX", Attributes.NONE, null)));
        assertTrue(Disclosure.mayReadSealed(claim, reader("TX", "李娜", "clerk"), POLICY));
        assertFalse(Disclosure.mayReveal(claim, reader("TX", "李娜", "clerk"), POLICY));
        assertTrue(Disclosure.mayReveal(claim, reader("TX", "周九", "handler"), POLICY));
        assertEquals(List.of(PersonalField.ID_NUMBER), Disclosure.fields(claim));
        assertEquals("土地", Disclosure.listSubject(claim.kind(), claim.subject()));
    }

    @Test
    void aRevealOfAnAccusationNamesItsMaterialAndTheNumbers() {
        Petition p = accusation("VX", "VX", AGAINST_VILLAGE);
        assertEquals(List.of(PersonalField.CONTENT, PersonalField.ACCUSER, PersonalField.ID_NUMBER, PersonalField.PHONE,
                PersonalField.ADDRESS), Disclosure.fields(p));
        assertEquals(Disclosure.SEALED_SUBJECT, Disclosure.listSubject(p.kind(), p.subject()));
    }

    @Test
    void aMaskedAddressKeepsItsBeginningOnly() {
        assertEquals("青溪区清河镇****", new Petitioner("张三", null, null, "青溪区清河镇柳树村3组12号").masked().address());
        assertEquals("青溪****", new Petitioner("张三", null, null, "青溪区清").masked().address());
    }
}
