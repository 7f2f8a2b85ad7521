package com.sessiondesk.server;

import com.sessiondesk.cli.Env;
import com.sessiondesk.server.tls.TlsFiles;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --tls-cert FILE --tls-key FILE} of {@code serve}: HTTPS with PEM files, both or neither. */
public final class TlsOptions {

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = {"Serve HTTPS (TLS 1.2 and 1.3 only) with this PEM certificate chain; "
                    + "needs --tls-key. Both files are read again when they change (a renewal needs no restart)."})
    @Env("SESSIONDESK_TLS_CERT")
    Path certificate;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The PEM private key of --tls-cert (PKCS#8, PKCS#1 RSA or EC; not encrypted).")
    @Env("SESSIONDESK_TLS_KEY")
    Path key;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The files, or null for plain HTTP; one without the other is a usage error. */
    TlsFiles files() {
        if ((certificate == null) != (key == null)) {
            throw new ParameterException(spec.commandLine(), certificate == null
                    ? "--tls-key needs --tls-cert (the certificate chain)" : "--tls-cert needs --tls-key (its private key)");
        }
        return certificate == null ? null : new TlsFiles(certificate, key);
    }
}
