package io.shardline.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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
        if (token.length != 32) {
            return false;
        }
        byte[] mask = mask(stored, scramble);
        byte[] candidate = new byte[32];
        for (int i = 0; i < 32; i++) {
            candidate[i] = (byte) (token[i] ^ mask[i]);
        }
        return MessageDigest.isEqual(sha256(candidate), stored);
    }

    /** The client's side, for tests: the token for {@code password} and {@code scramble}. */
    static byte[] token(String password, byte[] scramble) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        byte[] stage1 = sha256(password.getBytes(StandardCharsets.UTF_8));
        byte[] mask = mask(sha256(stage1), scramble);
        for (int i = 0; i < 32; i++) {
            stage1[i] = (byte) (stage1[i] ^ mask[i]);
        }
        return stage1;
    }

    private static byte[] mask(byte[] stored, byte[] scramble) {
        MessageDigest sha256 = digest();
        sha256.update(stored);
        sha256.update(scramble);
        return sha256.digest();
    }

    private static byte[] sha256(byte[] in) {
        return digest().digest(in);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
