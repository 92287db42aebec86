package org.xinfang.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumbersTest {

    @ParameterizedTest(name = "{0} is valid")
    @CsvSource({
        // the two worked examples of GB 11643-1999
        "11010519491231002X",
        "440524188001010014",
        // lower-case x is accepted and normalised
        "11010519491231002x",
    })
    void acceptsNumbersWithCorrectCheckCharacter(String id) {
        assertEquals(id.toUpperCase(), IdNumbers.validate("idNumber", id));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "110105194912310021, check_digit",
        "440524188001010015, check_digit",
        "11010519491231002, format",
        "1101051949123100211, format",
        "A1010519491231002X, format",
        "991051194912310029, region",
        "110105194913310021, birth_date",
        "110105184912310021, birth_date",
    })
    void refusesBadNumbersWithTheReason(String id, String reason) {
        ValidationException e = assertThrows(ValidationException.class, () -> IdNumbers.validate("idNumber", id));
        assertEquals(reason, e.code());
        assertEquals("idNumber", e.field());
    }

    @ParameterizedTest
    @CsvSource({
        "11010519491231002X, 1101**********002X",
        "13812345678, 138****5678",
    })
    void masksKeepingBothEnds(String value, String masked) {
        String actual = value.length() == 18 ? IdNumbers.mask(value) : IdNumbers.maskPhone(value);
        assertEquals(masked, actual);
    }
}
