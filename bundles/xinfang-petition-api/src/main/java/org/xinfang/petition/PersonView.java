package org.xinfang.petition;

/**
 * A petitioner as presented to a reader: with identity number and phone either masked
 * ({@code 5119**********123X}, {@code 138****5678}) or in full.
 *
 * @param masked whether the numbers are masked
 */
public record PersonView(String name, String idNumber, String phone, String address, boolean masked) {
}
