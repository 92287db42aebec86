package org.xinfang.reception.internal;

/**
 * A new session as a clerk enters it, every field as text (the API's and the shell's input); the service
 * checks each and names the field at fault.
 *
 * @param date ISO date, not before today
 * @param start HH:mm
 * @param end HH:mm, after start
 * @param place where (at most 200 characters)
 * @param topics what the session is for (optional, at most 500)
 * @param leader the receiving leader's staff login, named with title in the staff list
 * @param unit the unit whose rota it is: this node's unit (optional; another unit is refused)
 */
public record ReceptionInput(String date, String start, String end, String place, String topics, String leader,
        String unit) {
}
