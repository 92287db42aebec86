package org.xinfang.petition.service.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Codes made ahead: each set verifies as one made at registration, none is handed out twice, an empty stock still serves. */
class CodeStockTest {

    @Test
    void theStockFillsAndEverySetItHandsOutVerifies() throws Exception {
        try (CodeStock stock = new CodeStock(new Codes(), 3)) {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (stock.ready() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(3, stock.ready(), "filled to its capacity");
            Set<String> tracking = new HashSet<>();
            for (int i = 0; i < 5; i++) { // three from the stock, then made on the spot (or refilled meanwhile)
                CodeStock.Issued s = stock.next();
                assertTrue(Codes.matches(s.tracking(), s.verification(), s.hash()), "the hash is of this pair");
                assertTrue(s.hash().startsWith("pbkdf2$" + Codes.ITERATIONS + "$"), "as slow as ever: " + s.hash());
                assertTrue(tracking.add(s.tracking()), "never the same set twice");
            }
        }
    }

    @Test
    void withoutAStockEveryRegistrationMakesItsOwn() {
        try (CodeStock none = new CodeStock(new Codes(), 0)) {
            CodeStock.Issued s = none.next();
            assertEquals(0, none.ready());
            assertTrue(Codes.matches(s.tracking(), s.verification(), s.hash()));
        }
    }
}
