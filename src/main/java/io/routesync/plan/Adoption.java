package io.routesync.plan;

import io.routesync.model.Route;
import io.routesync.model.Rule;

/**
 * When a live entry counts as the desired one
 * (docs/route-identity.md#equality-when-the-observed-route-is-the-desired-one: "an observed entry equal
 * but for its protocol is adopted as it is"). The protocol is ignored only while the desired entry asks
 * for routesync's own tag (the default); a state that names another protocol explicitly
 * ({@code proto static}) gets exactly that, so its protocol is compared like any other attribute.
 */
final class Adoption {
    private Adoption() {
    }

    /**
     * True when {@code observed} may stand for {@code desired}: equal, or equal but for the protocol tag,
     * after the devices {@code desired} leaves to the kernel are taken from {@code observed}.
     */
    static boolean adopts(Route desired, Route observed, int tag) {
        // a device the state leaves out is whatever the kernel chose (docs/route-identity.md)
        desired = desired.withDevicesFrom(observed);
        if (desired.protocol() == observed.protocol()) return desired.equals(observed);
        if (desired.protocol() != tag) return false;
        return desired.equals(observed.withProtocol(tag));
    }

    /**
     * True when the protocols of two rules of the same identity do not keep them apart. -1 is "not
     * known" (a kernel before 4.17 has no rule protocol, or the state left it to routesync).
     */
    static boolean protocolAgrees(Rule desired, Rule observed, int tag) {
        int want = desired.protocol();
        int have = observed.protocol();
        return want == -1 || want == tag || have == -1 || want == have;
    }

    /** The protocol a desired rule is added with: everything routesync adds carries its tag. */
    static Rule tagged(Rule desired, int tag) {
        return desired.protocol() == -1 ? desired.withProtocol(tag) : desired;
    }

    /** True when {@code observed} carries exactly the protocol {@code desired} is added with. */
    static boolean sameProtocol(Rule desired, Rule observed, int tag) {
        return (desired.protocol() == -1 ? tag : desired.protocol()) == observed.protocol();
    }
}
