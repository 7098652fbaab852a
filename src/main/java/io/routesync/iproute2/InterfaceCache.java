package io.routesync.iproute2;

import io.routesync.model.Interface;

/**
 * Interns interface names while parsing a big table: a route table names a handful of devices a million
 * times, so each name is validated and allocated once per parse instead of once per line.
 */
final class InterfaceCache {
    private final Interface[] slots = new Interface[128];

    Interface get(CharSequence text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + text.charAt(i);
        int slot = (h ^ (h >>> 7)) & (slots.length - 1);
        Interface cached = slots[slot];
        if (cached != null && matches(cached.name(), text, from, to)) return cached;
        Interface created = Interface.of(text.subSequence(from, to).toString());
        slots[slot] = created;
        return created;
    }

    private static boolean matches(String name, CharSequence text, int from, int to) {
        if (name.length() != to - from) return false;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != text.charAt(from + i)) return false;
        }
        return true;
    }
}
