package org.xinfang.petition;

/** The petition (or other record) asked for does not exist on this node. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
