package org.xinfang.petition;

/** Administrative division codes per GB/T 2260: six digits, the first two a province. */
public final class DivisionCodes {
    private DivisionCodes() {
    }

    static boolean isProvince(String twoDigits) {
        return IdNumbers.PROVINCES.contains(twoDigits);
    }

    /**
     * Validates a GB/T 2260 code.
     *
     * @throws ValidationException naming {@code field} with the reason
     */
    public static String validate(String field, String value) {
        String code = value.strip();
        if (!code.matches("\\d{6}")) {
            throw new ValidationException(field, "format",
                    "行政区划代码应为6位数字（GB/T 2260） / must be a 6-digit GB/T 2260 code");
        }
        if (!isProvince(code.substring(0, 2))) {
            throw new ValidationException(field, "region",
                    "行政区划代码的省级代码无效 / the province part of the code is not valid");
        }
        return code;
    }
}
