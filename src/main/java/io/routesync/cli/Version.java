package io.routesync.cli;

import picocli.CommandLine;

/** The version line of {@code --version}, from the jar manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {
    static String number() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"routesync " + number()};
    }
}
