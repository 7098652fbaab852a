package io.routesync.model;

/** An IPv6 route's router preference ({@code pref low|medium|high}). */
public enum RouterPref {
    LOW, MEDIUM, HIGH;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
