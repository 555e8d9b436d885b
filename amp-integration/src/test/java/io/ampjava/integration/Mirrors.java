package io.ampjava.integration;

import io.ampjava.annotations.Responder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The responder of {@link Mirror}. */
public class Mirrors {
    @Responder(Mirror.class)
    Mirror.Mirrored mirror(byte[] data, String text, int times) throws NoSuchAlgorithmException {
        byte[] answer = new byte[data.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(data, 0, answer, i * data.length, data.length);
        }
        return MirrorCommand.response(answer, text, sha256(data));
    }

    static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
