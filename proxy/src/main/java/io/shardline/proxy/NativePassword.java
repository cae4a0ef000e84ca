package io.shardline.proxy;

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
        return Scrambles.matches("SHA-1", token, sha1(scramble, stored), stored);
    }

    /** The client's side, for tests: the token for {@code password} and {@code scramble}. */
    static byte[] token(String password, byte[] scramble) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        byte[] stage1 = sha1(password.getBytes(StandardCharsets.UTF_8));
        return Scrambles.xor(stage1, sha1(scramble, sha1(stage1)));
    }

    private static byte[] sha1(byte[]... parts) {
        return Scrambles.hash("SHA-1", parts);
    }
}
