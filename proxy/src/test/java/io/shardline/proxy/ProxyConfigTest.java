package io.shardline.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class ProxyConfigTest {

    @Test
    void exampleFileLoads() throws Exception {
        Path example = Paths.get(ProxyConfigTest.class.getResource("/config/proxy-example.yaml").toURI());
        ProxyConfig config = ProxyConfig.load(example);
        assertThat(config.users()).containsOnlyKeys("app", "report");
        assertThat(config.schema()).isEqualTo("shop");
        assertThat(config.maxPacketBytes()).isEqualTo(67_108_864L);
        byte[] scramble = "12345678901234567890".getBytes();
        assertThat(NativePassword.verify(config.passwordHash("app").orElseThrow(), scramble,
                NativePassword.token("secret", scramble))).isTrue();
        assertThat(NativePassword.verify(config.passwordHash("app").orElseThrow(), scramble,
                NativePassword.token("Secret", scramble))).isFalse();
        assertThat(NativePassword.verify(config.passwordHash("report").orElseThrow(), scramble,
                NativePassword.token("report-pw", scramble))).isTrue();
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
}
