package org.disentangle4j.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the project was built as. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"disentangle4j " + org.disentangle4j.Version.get()};
    }
}
