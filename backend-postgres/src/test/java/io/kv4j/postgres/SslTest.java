package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvConfigurationException;
import io.kv4j.KvStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate the client cannot verify, or a certificate file it cannot read, is a
 * configuration error, never an outage: on an embedded server with SSL and a certificate made
 * for the test by the JDK's keytool.
 */
class SslTest {

    @TempDir
    static Path dir;
    private static EmbeddedPostgres server;
    private static String url;

    @BeforeAll
    static void startWithSsl() throws Exception {
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        selfSigned("server", cert, key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        selfSigned("other", dir.resolve("other.crt"), dir.resolve("other.key"));
        server = TestServer.startEmbedded(0, null, "ssl", "on", "ssl_cert_file", cert.toString(),
                "ssl_key_file", key.toString());
        url = "kv:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A self-signed certificate for localhost and its key, as PEM files. */
    private static void selfSigned(String name, Path cert, Path key) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, output);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate(name).getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY",
                ks.getKey(name, "changeit".toCharArray()).getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Map<String, String> options(String... sslOptions) {
        Map<String, String> out = new java.util.LinkedHashMap<>(Map.of("user", "postgres",
                "schema", TestServer.freshSchema("ssl")));
        for (int i = 0; i < sslOptions.length; i += 2) {
            out.put(sslOptions[i], sslOptions[i + 1]);
        }
        return out;
    }

    @Test
    void verifiedAgainstItsOwnCertificate_opens() {
        try (KvStore store = KvStore.open(url, options("sslmode", "verify-full",
                "sslrootcert", dir.resolve("server.crt").toString()))) {
            store.run("F", kv -> {
                kv.set("k", 1);
                return null;
            });
        }
    }

    @Test
    void aCertificateSignedByAnotherAuthority_isAConfigurationError() {
        KvConfigurationException e = assertThrows(KvConfigurationException.class,
                () -> KvStore.open(url, options("sslmode", "verify-ca",
                        "sslrootcert", dir.resolve("other.crt").toString())).close());
        assertTrue(e.getMessage().contains("SSL"), e.getMessage());
    }

    @Test
    void aRootCertificateFileThatDoesNotExist_isAConfigurationError() {
        KvConfigurationException e = assertThrows(KvConfigurationException.class,
                () -> KvStore.open(url, options("sslmode", "verify-full",
                        "sslrootcert", dir.resolve("absent.crt").toString())).close());
        assertTrue(e.getMessage().contains("absent.crt"), e.getMessage());
    }
}
