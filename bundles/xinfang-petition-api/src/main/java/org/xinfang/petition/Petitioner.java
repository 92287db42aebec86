package org.xinfang.petition;

/**
 * A person who brings a petition or, for a collective petition, one of its elected representatives.
 *
 * @param name the name as given; required
 * @param idNumber resident identity number (GB 11643, check digit verified); optional
 * @param phone contact phone; optional
 * @param address contact address; optional
 * @param gender 性别, from a fixed set; optional
 * @param workUnit 工作单位, where the person works; optional
 */
public record Petitioner(String name, String idNumber, String phone, String address, Gender gender, String workUnit) {
    public Petitioner {
        name = Checks.text("name", name, 50);
        idNumber = idNumber == null || idNumber.isBlank() ? null : IdNumbers.validate("idNumber", idNumber);
        phone = Checks.optionalText("phone", phone, 20);
        if (phone != null && !phone.matches("\\+?[0-9][0-9 ()\\-]{4,19}")) {
            throw new ValidationException("phone", "format",
                    "电话号码只能包含数字、空格、括号和连字符 / digits, spaces, brackets and hyphens only");
        }
        address = Checks.optionalText("address", address, 200);
        workUnit = Checks.optionalText("workUnit", workUnit, 100);
    }

    /** A person of whom gender and work unit are not known (cases and copies recorded before they were asked). */
    public Petitioner(String name, String idNumber, String phone, String address) {
        this(name, idNumber, phone, address, null, null);
    }

    /** This person as shown in lists and on screens that do not need the full numbers. */
    public PersonView masked() {
        return new PersonView(name, IdNumbers.mask(idNumber), IdNumbers.maskPhone(phone), maskAddress(address), gender,
                workUnit, true);
    }

    /** An address masked: its first six characters (province, city or district) and asterisks for the rest. */
    static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        int keep = Math.min(6, address.codePointCount(0, address.length()) / 2);
        return address.substring(0, address.offsetByCodePoints(0, keep)) + "****";
    }

    /** This person with full numbers, for the screens that need them (registration, handling). */
    public PersonView full() {
        return new PersonView(name, idNumber, phone, address, gender, workUnit, false);
    }
}
