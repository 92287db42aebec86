package org.xinfang.petition;

/**
 * A petitioner as presented to a reader: with identity number and phone either masked
 * ({@code 5119**********123X}, {@code 138****5678}) or in full.
 *
 * @param gender 性别, or null when not recorded
 * @param workUnit 工作单位, or null when not recorded
 * @param masked whether the numbers are masked
 */
public record PersonView(String name, String idNumber, String phone, String address, Gender gender, String workUnit,
        boolean masked) {
}
