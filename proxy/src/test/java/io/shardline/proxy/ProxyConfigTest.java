package io.shardline.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyConfigTest {

    @Test
    void exampleFileLoads() throws Exception {
        Path example = Paths.get(ProxyConfigTest.class.getResource("/config/proxy-example.yaml").toURI());
        ProxyConfig config = ProxyConfig.load(example);
        assertThat(config.users()).containsOnlyKeys("app", "report");
        assertThat(config.schema()).isEqualTo("shop");
        assertThat(config.maxPacketBytes()).isEqualTo(67_108_864L);
        assertThat(config.tls()).isEmpty();
        byte[] scramble = "12345678901234567890".getBytes();
        assertThat(NativePassword.verify(config.credentials("app").orElseThrow().nativeHash(), scramble,
                NativePassword.token("secret", scramble))).isTrue();
        assertThat(NativePassword.verify(config.credentials("app").orElseThrow().nativeHash(), scramble,
                NativePassword.token("Secret", scramble))).isFalse();
        assertThat(NativePassword.verify(config.credentials("report").orElseThrow().nativeHash(), scramble,
                NativePassword.token("report-pw", scramble))).isTrue();
        // A plain password also gives caching_sha2_password's fast path; a native hash cannot.
        assertThat(CachingSha2Password.verify(config.credentials("app").orElseThrow().sha2Hash().orElseThrow(),
                scramble, CachingSha2Password.token("secret", scramble))).isTrue();
        assertThat(CachingSha2Password.verify(config.credentials("app").orElseThrow().sha2Hash().orElseThrow(),
                scramble, CachingSha2Password.token("Secret", scramble))).isFalse();
        assertThat(config.credentials("report").orElseThrow().sha2Hash()).isEmpty();
    }

    @Test
    void passwordHashIsMysqlsStoredForm() {
        // MySQL's PASSWORD('password') = *2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19
        assertThat(NativePassword.parseHash("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19"))
                .isEqualTo(NativePassword.storedHash("password"));
    }

    @Test
    void mistakesNameTheLine() {
        String yaml = "users:\n  app: {password: x, pasword: y}\nschema: s\nmaxConections: 3\nmaxPacketBytes: -1\n";
        assertThatThrownBy(() -> ProxyConfig.parse(new StringReader(yaml), "proxy.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.yaml:2: users.app: unknown key 'pasword'")
                .hasMessageContaining("proxy.yaml:4: maxConections: unknown key")
                .hasMessageContaining("proxy.yaml:5: maxPacketBytes: must be positive");
    }

    @Test
    void usersAreRequired() {
        assertThatThrownBy(() -> ProxyConfig.parse(new StringReader("schema: s\n"), "p.yaml"))
                .hasMessageContaining("at least one user");
    }

    @Test
    void threadingSettings() {
        ProxyConfig config = ProxyConfig.parse(new StringReader("users: {app: {password: x}}\nioThreads: 12\n"
                + "inlineReads: true\n"), "p.yaml");
        assertThat(config.ioThreads()).isEqualTo(12);
        assertThat(config.inlineReads()).isTrue();
        ProxyConfig defaults = ProxyConfig.parse(new StringReader("users: {app: {password: x}}\n"), "p.yaml");
        assertThat(defaults.inlineReads()).isFalse();
        assertThat(defaults.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> ProxyConfig.parse(new StringReader("users: {app: {password: x}}\n"
                + "inlineReads: yes please\nioThreads: 0\n"), "p.yaml"))
                .hasMessageContaining("p.yaml:2: inlineReads: expected true or false, found 'yes please'")
                .hasMessageContaining("p.yaml:3: ioThreads: must be positive");
    }

    // ---------------------------------------------------------------- tls:

    @TempDir
    Path dir;

    /** A self-signed certificate and its PKCS#8 key in {@code dir/certs}, as openssl writes them. */
    private void certificate() throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        Assumptions.assumeTrue(Files.isExecutable(openssl), "openssl is not installed at " + openssl);
        Files.createDirectories(dir.resolve("certs"));
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-keyout", dir.resolve("certs/key.pem").toString(), "-out", dir.resolve("certs/cert.pem").toString());
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private ProxyConfig loadWithTls(String tls) throws Exception {
        Path yaml = dir.resolve("proxy.yaml");
        Files.writeString(yaml, "users:\n  app: {password: x}\ntls:\n" + tls);
        return ProxyConfig.load(yaml);
    }

    @Test
    void tlsPathsAreRelativeToTheFile() throws Exception {
        certificate();
        ProxyConfig config = loadWithTls("  certificate: certs/cert.pem\n  privateKey: certs/key.pem\n"
                + "  required: true\n");
        assertThat(config.tls()).hasValueSatisfying(tls -> assertThat(tls.required()).isTrue());
        assertThat(config.toString()).contains(dir.resolve("certs/cert.pem").toString());
        ProxyConfig optional = loadWithTls("  certificate: certs/cert.pem\n  privateKey: "
                + dir.resolve("certs/key.pem") + "\n");
        assertThat(optional.tls()).hasValueSatisfying(tls -> assertThat(tls.required()).isFalse());
    }

    @Test
    void missingCertificateNamesTheKeyAndTheFile() throws Exception {
        certificate();
        assertThatThrownBy(() -> loadWithTls("  certificate: certs/nope.pem\n  privateKey: certs/key.pem\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("proxy.yaml") + ":4: tls.certificate: "
                        + dir.resolve("certs/nope.pem") + ": no such file");
    }

    @Test
    void aKeyThatIsNoKeyNamesTheKeyAndTheFile() throws Exception {
        certificate();
        // The certificate where the key belongs.
        assertThatThrownBy(() -> loadWithTls("  certificate: certs/cert.pem\n  privateKey: certs/cert.pem\n"))
                .hasMessageContaining(":5: tls.privateKey: " + dir.resolve("certs/cert.pem") + ": no private key in it")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        // A PKCS#8 header around bytes that are no key.
        Files.writeString(dir.resolve("certs/broken.pem"), "-----BEGIN PRIVATE KEY-----\nAAAAAAAA\n"
                + "-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> loadWithTls("  certificate: certs/cert.pem\n  privateKey: certs/broken.pem\n"))
                .hasMessageContaining(":5: tls.privateKey: " + dir.resolve("certs/broken.pem")
                        + ": not a usable private key");
        assertThatThrownBy(() -> loadWithTls("  certificate: certs/cert.pem\n  privateKey: certs/gone.pem\n"))
                .hasMessageContaining(":5: tls.privateKey: " + dir.resolve("certs/gone.pem") + ": no such file");
    }

    @Test
    void pkcs1KeyIsRefusedWithTheConversionCommand() throws Exception {
        certificate();
        openssl("rsa", "-in", dir.resolve("certs/key.pem").toString(), "-traditional", "-out",
                dir.resolve("certs/rsa-key.pem").toString());
        assertThat(Files.readString(dir.resolve("certs/rsa-key.pem"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThatThrownBy(() -> loadWithTls("  certificate: certs/cert.pem\n  privateKey: certs/rsa-key.pem\n"))
                .hasMessageContaining(":5: tls.privateKey: " + dir.resolve("certs/rsa-key.pem"))
                .hasMessageContaining("PKCS#8")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        // Converted as the message says, the key loads.
        openssl("pkcs8", "-topk8", "-nocrypt", "-in", dir.resolve("certs/rsa-key.pem").toString(), "-out",
                dir.resolve("certs/converted.pem").toString());
        assertThat(loadWithTls("  certificate: certs/cert.pem\n  privateKey: certs/converted.pem\n").tls())
                .isPresent();
    }

    @Test
    void tlsMistakesNameTheLine() {
        String yaml = "users:\n  app: {password: x}\ntls:\n  certificate: c.pem\n  requried: true\n"
                + "  required: maybe\n";
        assertThatThrownBy(() -> ProxyConfig.parse(new StringReader(yaml), "proxy.yaml"))
                .hasMessageContaining("proxy.yaml:5: tls.requried: unknown key")
                .hasMessageContaining("proxy.yaml:6: tls.required: expected true or false, found 'maybe'")
                .hasMessageContaining("proxy.yaml:4: tls: privateKey is required");
    }
}
