package dev.queuebench.cli;

import picocli.CommandLine;

/** Reports the jar's version from its manifest ("dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"queuebench " + (version == null ? "dev" : version)};
    }
}
