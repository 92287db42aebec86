package org.xinfang.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code Prefer} header of a registration (RFC 7240): which values ask for the minimal answer. */
class PreferTest {
    @Test
    void returnMinimalAmongOtherPreferencesAndParameters() {
        assertTrue(PetitionResource.minimal("return=minimal"));
        assertTrue(PetitionResource.minimal("RETURN=Minimal"));
        assertTrue(PetitionResource.minimal("respond-async, return=minimal"));
        assertTrue(PetitionResource.minimal("return = minimal; foo=bar"));
    }

    @Test
    void anythingElseGetsTheWholeCase() {
        assertFalse(PetitionResource.minimal(null));
        assertFalse(PetitionResource.minimal(""));
        assertFalse(PetitionResource.minimal("return=representation"));
        assertFalse(PetitionResource.minimal("return=minimalist"));
        assertFalse(PetitionResource.minimal("handling=lenient"));
    }
}
