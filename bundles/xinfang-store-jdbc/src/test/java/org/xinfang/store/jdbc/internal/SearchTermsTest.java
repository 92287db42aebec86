package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row of postings: the ids front-coded (issue 16), read back as given, and rows written plain before still read. */
class SearchTermsTest {

    private static List<String> unpacked(String row) {
        List<String> ids = new ArrayList<>();
        int n = SearchTerms.unpack(row, ids);
        assertEquals(ids.size(), n, "the count returned");
        return ids;
    }

    @Test
    void consecutiveCaseNumbersAreWrittenAsTheirLastDigits() {
        List<String> ids = List.of("510199-0036943", "510199-0036945", "510199-0037001", "510201-0000002");
        String row = SearchTerms.pack(ids);
        // the first id whole, then 13 shared ('0' + 13 = '=') and "5", 10 shared (':') and "7001", 3 ('3') and the rest
        assertEquals(SearchTerms.FRONT_CODED + "510199-0036943 =5 :7001 3201-0000002", row);
        assertEquals(ids, unpacked(row));
    }

    @Test
    void aRowOfOneIdIsTheId() {
        assertEquals("510199-0000001", SearchTerms.pack(List.of("510199-0000001")));
        assertEquals(List.of("510199-0000001"), unpacked("510199-0000001"));
    }

    @Test
    void idsInAnyOrderOrPrefixesOfOneAnotherComeBackAsGiven() {
        List<String> ids = List.of("a-10", "a-1", "a-1x", "b", "a-10", "abc-9", "ab");
        assertEquals(ids, unpacked(SearchTerms.pack(ids)));
    }

    @Test
    void aRowWrittenPlainBeforeIsReadAsItWas() {
        assertEquals(List.of("510199-0000001", "510199-0000003", "510201-0000007"),
                unpacked("510199-0000001 510199-0000003 510201-0000007"));
    }

    @Test
    void theLongestIdsSharingNothingFitTheColumn() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SearchTerms.IDS_PER_ROW; i++) {
            char first = (char) ('A' + i % 2); // each id differs from the one before in its first character
            ids.add(first + String.format("%0" + (SearchTerms.ID_MAX - 1) + "d", i));
        }
        String row = SearchTerms.pack(ids);
        assertTrue(row.length() <= 32_000, "row of " + row.length() + " characters");
        assertEquals(ids, unpacked(row));
    }

    @Test
    void anIdWithAControlCharacterOrTheSeparatorIsNotKeptInARow() {
        assertTrue(SearchTerms.packable("510199-0000001"));
        assertFalse(SearchTerms.packable(SearchTerms.FRONT_CODED + "510199-0000001"));
        assertFalse(SearchTerms.packable("510199" + SearchTerms.MARK + "1"));
        assertFalse(SearchTerms.packable("510199 1"));
        assertFalse(SearchTerms.packable(""));
        assertFalse(SearchTerms.packable("x".repeat(SearchTerms.ID_MAX + 1)));
    }
}
