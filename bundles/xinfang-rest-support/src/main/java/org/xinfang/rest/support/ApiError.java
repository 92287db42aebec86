package org.xinfang.rest.support;

/**
 * The one error body every failed call answers with.
 *
 * @param error a stable machine-readable code, e.g. {@code invalid_field}, {@code not_found}
 * @param message the reason for a person, zh-CN first, then English
 * @param field the request field at fault, as a JSON path; null when no single field is
 */
public record ApiError(String error, String message, String field) {
}
