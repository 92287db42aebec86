package org.xinfang.petition;

import java.util.Locale;

/**
 * A petitioner's gender as recorded at registration, from the fixed set of GB/T 2261.1-2003 the registers of
 * petition offices use (男 1, 女 2, 未说明的性别 9). Optional: a letter that does not say is left blank, or
 * recorded as not stated when the petitioner declined to say.
 */
public enum Gender {
    MALE("男", "1"),
    FEMALE("女", "2"),
    UNSTATED("未说明", "9");

    private final String label;
    private final String standardCode;

    Gender(String label, String standardCode) {
        this.label = label;
        this.standardCode = standardCode;
    }

    /** The Chinese name used in documents and screens. */
    public String label() {
        return label;
    }

    /** The code of GB/T 2261.1-2003. */
    public String standardCode() {
        return standardCode;
    }

    /**
     * The gender a request names: the constant ({@code MALE}, any case), its GB/T 2261.1 code or its Chinese name;
     * blank is none.
     *
     * @throws ValidationException naming {@code field} for anything else
     */
    public static Gender parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        for (Gender g : values()) {
            if (g.name().equals(v.toUpperCase(Locale.ROOT)) || g.standardCode.equals(v) || g.label.equals(v)) {
                return g;
            }
        }
        throw new ValidationException(field, "invalid_value",
                "性别取值无效，可选：MALE 男、FEMALE 女、UNSTATED 未说明 / must be MALE, FEMALE or UNSTATED");
    }
}
