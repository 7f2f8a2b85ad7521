package com.sessiondesk.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code -h, --help} on a command and every sub-command; {@code -V, --version} on the command itself. */
public final class StandardOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;
}
