package dev.storesapi.catalog.item;

import java.math.BigDecimal;

/** Prices are NUMERIC(12,2); on the wire they are plain numbers without trailing zeros (17.99, 10.5, 20). */
final class Money {

    private Money() {
    }

    static BigDecimal forJson(BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        // stripTrailingZeros turns 20.00 into 2E+1; a scale of 0 keeps it a plain 20.
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
