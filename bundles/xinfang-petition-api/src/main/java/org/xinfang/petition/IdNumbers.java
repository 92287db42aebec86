package org.xinfang.petition;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * Resident identity numbers per GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth
 * date, 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public final class IdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** The check character for the first 17 digits of an identity number. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * Validates and normalises (upper-case X) an identity number.
     *
     * @throws ValidationException naming {@code field} with the reason
     */
    public static String validate(String field, String value) {
        String id = value.strip().toUpperCase();
        if (!id.matches("\\d{17}[\\dX]")) {
            throw new ValidationException(field, "format",
                    "身份证号码应为18位，前17位为数字，末位为数字或X / must be 18 characters: 17 digits and a digit or X");
        }
        if (!DivisionCodes.isProvince(id.substring(0, 2))) {
            throw new ValidationException(field, "region",
                    "身份证号码的地址码无效 / the address code is not a valid region");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new ValidationException(field, "birth_date",
                    "身份证号码中的出生日期无效 / the birth date is not a valid date");
        }
        if (birth.getYear() < 1850 || birth.isAfter(LocalDate.now())) {
            throw new ValidationException(field, "birth_date",
                    "身份证号码中的出生日期不合理 / the birth date is out of range");
        }
        if (checkCharacter(id) != id.charAt(17)) {
            throw new ValidationException(field, "check_digit",
                    "身份证号码校验码错误 / the check digit (GB 11643, ISO 7064 MOD 11-2) does not match");
        }
        return id;
    }

    /** Masks an identity number for lists: {@code 5119**********123X}. */
    public static String mask(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** Masks a phone number for lists: {@code 138****5678}. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** Province-level prefixes of GB/T 2260 codes, used by identity numbers and locations. */
    static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82");
}
