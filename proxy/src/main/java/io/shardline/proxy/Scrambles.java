package io.shardline.proxy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What {@code mysql_native_password} and {@code caching_sha2_password} share: the client sends
 * {@code H(password) XOR mask}, where the mask is a hash of the stored {@code H(H(password))} and the scramble; the
 * server undoes the XOR and checks that hashing the result gives the stored value. Only the hash and the order
 * inside the mask differ.
 */
final class Scrambles {

    private Scrambles() {
    }

    /** Whether {@code token XOR mask}, hashed with {@code algorithm}, is {@code stored}. */
    static boolean matches(String algorithm, byte[] token, byte[] mask, byte[] stored) {
        return token.length == mask.length && MessageDigest.isEqual(hash(algorithm, xor(token, mask)), stored);
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    /** {@code algorithm} over the concatenation of {@code parts}. */
    static byte[] hash(String algorithm, byte[]... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every Java platform", e);
        }
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
