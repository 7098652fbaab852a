package io.routesync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A prefix is canonical when its host bits are clear; the check must agree with masking the address. */
class PrefixCanonicalTest {
    @Test
    void hasNoBitsAfterAgreesWithMasking() {
        Random random = new Random(10);
        List<IpAddress> addresses = new java.util.ArrayList<>(List.of(IpAddress.parse("0.0.0.0"), IpAddress.parse("255.255.255.255"),
                IpAddress.parse("10.0.0.16"), IpAddress.parse("::"), IpAddress.parse("2001:db8::1"),
                IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), IpAddress.parse("2001:db8:0:0:8000::")));
        for (int i = 0; i < 200; i++) {
            addresses.add(new IpAddress(Family.INET, 0, random.nextLong() & 0xffffffffL));
            addresses.add(new IpAddress(Family.INET6, random.nextLong(), random.nextLong()));
            addresses.add(new IpAddress(Family.INET6, random.nextLong(), 0));
        }
        for (IpAddress a : addresses) {
            int max = a.family() == Family.INET ? 32 : 128;
            for (int length = 0; length <= max; length++) {
                assertEquals(a.masked(length).equals(a), a.hasNoBitsAfter(length), a + "/" + length);
            }
        }
    }

    @Test
    void canonicalPrefixes() {
        assertTrue(Prefix.parse("10.0.0.16/28").isCanonical());
        assertFalse(Prefix.parse("10.0.0.17/28").isCanonical());
        assertTrue(Prefix.parse("2001:db8::/32").isCanonical());
        assertFalse(Prefix.parse("2001:db8::1/64").isCanonical());
        assertTrue(Prefix.parse("0.0.0.0/0").isCanonical());
    }
}
