package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** SHA-256 applied 150,000 times to {@code amp-<n>}; the digests were computed with Python's hashlib. */
class Sha256ChainTest {
    private static final int ROUNDS = 150_000;

    @Test void seed0() { check(0, "7d369571468e18be6acbe7ae9887a7e519474ac4b0b2eb9aecc8ca56d7628e17"); }
    @Test void seed1() { check(1, "2f6adb238e64acb88e4f254c76b168cef66e25802387fc17af1bd43120fe6268"); }
    @Test void seed2() { check(2, "b8a455ba9bc1d286c3cdf721d9a0adf36aa0e133c7a77012c4e3495e8ce930c9"); }
    @Test void seed3() { check(3, "8c1b2f8f50f3c0dba67af86278115fe963750174a68331c7f9f4d83ca75165a6"); }
    @Test void seed4() { check(4, "bec6d5f55ea56db214f93e7219d37c22ac99395cc3221d53a735ccb50bac0c29"); }
    @Test void seed5() { check(5, "aa31829fdabe7101277c84981916513ee7f2455cc908cc11ae596297f3969664"); }
    @Test void seed6() { check(6, "5d370515ac85a78c9a2da17f0b3752e70a2be472f660a1908f90cafb5c90b6f3"); }
    @Test void seed7() { check(7, "4811a67f1b0ae2bdb9c26e951770a35d4d8939f85f800c6c79285b1b9176726a"); }
    @Test void seed8() { check(8, "d8cf0fdeac1c087e229053e4910cc85af574bd7dbd6cb9315a2e23c91d85b3db"); }
    @Test void seed9() { check(9, "badd42612ae001dd2f1577c5f6ef43e974733512b6a87e2a664cc79882cf5644"); }
    @Test void seed10() { check(10, "ca19cc3a19bf08c2870e6628f94e023d77f29d77cc1c98fb8e1c790b4502a803"); }
    @Test void seed11() { check(11, "f997eb848cee962f800a8ce84d4404e8fbf35522fcd072dbf94be1994cdcf01a"); }
    @Test void seed12() { check(12, "15e5e6ceee3fa1e943d43ad3a62a5728c61c959ff8b4953d29bc9e181f5937be"); }
    @Test void seed13() { check(13, "403c07c424e95129efab67cd4729ed0d63cffae4480037df3718957ae0d91ccc"); }
    @Test void seed14() { check(14, "01c0daa6139e208cd173078c6c11ee5ef1652281a9728ffe52e9af2e9e7e9acd"); }
    @Test void seed15() { check(15, "a5e015dd49408d67fa77c0d6810a50670d5be7cccfb076c46caa79793dd5d2a7"); }

    private static void check(int seed, String expectedHex) {
        assertEquals(expectedHex, HexFormat.of().formatHex(chain(("amp-" + seed).getBytes(StandardCharsets.US_ASCII), ROUNDS)));
    }

    static byte[] chain(byte[] seed, int rounds) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java has SHA-256", e);
        }
        byte[] digest = seed;
        for (int i = 0; i < rounds; i++) {
            digest = sha256.digest(digest);
        }
        return digest;
    }
}
