package io.shardline.proxy;

import java.nio.charset.StandardCharsets;

/**
 * The fast path of {@code caching_sha2_password}, MySQL 8's default: the client sends
 * {@code SHA256(password) XOR SHA256(SHA256(SHA256(password)) + scramble)}; a server that knows
 * {@code SHA256(SHA256(password))} undoes the XOR, checks that the SHA256 of the result is what it knows, and answers
 * "fast auth success". A MySQL server knows that value only for users in its in-memory cache and otherwise asks for
 * the plain password over TLS or RSA (the full path); the proxy derives it from a {@code password} in its
 * configuration, so for such users the fast path always applies, and the full path is never needed. Users given
 * only as a {@code mysql_native_password} hash cannot be checked this way; they are switched to that plugin.
 */
final class CachingSha2Password {

    /** The plugin name MySQL 8 clients announce. */
    static final String PLUGIN = "caching_sha2_password";
    /** AuthMoreData status byte: the token matched; an OK packet follows. */
    static final int FAST_AUTH_SUCCESS = 3;

    private CachingSha2Password() {
    }

    /** SHA256(SHA256(password)), or an empty array for an empty password (no token expected). */
    static byte[] storedHash(String password) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        return sha256(sha256(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code token} proves knowledge of the password hashed as {@code stored} for {@code scramble}. */
    static boolean verify(byte[] stored, byte[] scramble, byte[] token) {
        if (stored.length == 0) {
            return token.length == 0 || token.length == 1 && token[0] == 0; // some clients send a lone NUL
        }
        return Scrambles.matches("SHA-256", token, sha256(stored, scramble), stored);
    }

    /** The client's side, for tests: the token for {@code password} and {@code scramble}. */
    static byte[] token(String password, byte[] scramble) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        byte[] stage1 = sha256(password.getBytes(StandardCharsets.UTF_8));
        return Scrambles.xor(stage1, sha256(sha256(stage1), scramble));
    }

    private static byte[] sha256(byte[]... parts) {
        return Scrambles.hash("SHA-256", parts);
    }
}
