package io.shardline.proxy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * {@code mysql_native_password}: the client proves it knows the password by sending
 * {@code SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password)))}; the proxy keeps only
 * {@code SHA1(SHA1(password))}, undoes the XOR and checks that the SHA1 of the result is the stored hash.
 */
final class NativePassword {

    /** The plugin name clients announce and the proxy asks for. */
    static final String PLUGIN = "mysql_native_password";

    private NativePassword() {
    }

    /** SHA1(SHA1(password)), or an empty array for an empty password (no token expected). */
    static byte[] storedHash(String password) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        return sha1(sha1(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** Parses MySQL's {@code *HEX} form of SHA1(SHA1(password)) (as in {@code mysql.user}). */
    static byte[] parseHash(String text) {
        String hex = text.startsWith("*") ? text.substring(1) : text;
        if (hex.length() != 40) {
            throw new IllegalArgumentException("passwordHash must be '*' and 40 hex digits (SHA1(SHA1(password)))");
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("passwordHash is not hexadecimal: " + e.getMessage());
        }
    }

    /** Whether {@code token} proves knowledge of the password hashed as {@code stored} for {@code scramble}. */
    static boolean verify(byte[] stored, byte[] scramble, byte[] token) {
        if (stored.length == 0) {
            return token.length == 0;
        }
        if (token.length != 20) {
            return false;
        }
        MessageDigest sha1 = digest();
        sha1.update(scramble);
        sha1.update(stored);
        byte[] mask = sha1.digest();
        byte[] candidate = new byte[20];
        for (int i = 0; i < 20; i++) {
            candidate[i] = (byte) (token[i] ^ mask[i]);
        }
        return MessageDigest.isEqual(sha1(candidate), stored);
    }

    /** The client's side, for tests: the token for {@code password} and {@code scramble}. */
    static byte[] token(String password, byte[] scramble) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        byte[] stage1 = sha1(password.getBytes(StandardCharsets.UTF_8));
        MessageDigest sha1 = digest();
        sha1.update(scramble);
        sha1.update(sha1(stage1));
        byte[] mask = sha1.digest();
        for (int i = 0; i < 20; i++) {
            stage1[i] = (byte) (stage1[i] ^ mask[i]);
        }
        return stage1;
    }

    private static byte[] sha1(byte[] in) {
        return digest().digest(in);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
