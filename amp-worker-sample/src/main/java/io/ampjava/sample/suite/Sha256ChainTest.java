package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** SHA-256 applied 300,000 times to {@code amp-<n>}; the digests were computed with Python's hashlib. */
class Sha256ChainTest {
    private static final int ROUNDS = 300_000;

    @Test void seed0() { check(0, "69f47d75a9a778dd672fe1fc0a00a9d1b5235a6e45dbfde8ffe3f949cfbf8be0"); }
    @Test void seed1() { check(1, "801780dae05a82b3845c1bc5ce66ecbe24a6c11fd357ea601e6ffe158c1cacf6"); }
    @Test void seed2() { check(2, "1afc333c366fe64031d6b98cdc03b8cd2c40339a73b36263b16aefecb6aa5515"); }
    @Test void seed3() { check(3, "8fa7696326fd1f6034122296e8347866f930f06e27cb004f6dc37684aa318235"); }
    @Test void seed4() { check(4, "29e8a5dfd5bec1b0c2a49e3bc3b05939e191454267188326a8a3313e32d12716"); }
    @Test void seed5() { check(5, "db3109ea9fd595b72ba91f81279dc72ce69ff26c96e995119c66e1cdf385cd8e"); }
    @Test void seed6() { check(6, "92d82c1077e64a60d2ad9abc006b67710071401dce863cc74fd2fbcb2187cd2d"); }
    @Test void seed7() { check(7, "f6ca66c8e3dea70d6ce665e1da21f02bb33b06a7cea14a205b92b2ce04410ce5"); }
    @Test void seed8() { check(8, "b20d8973a373e238f9f0c546502824a0e69b0c2bd40376ba98d07a0437556db0"); }
    @Test void seed9() { check(9, "a2c98fedeacc0b1d610d8b7bf095f8814af0391a9f457983ef4c4699bd9fc978"); }
    @Test void seed10() { check(10, "7e1a52c89249a45e110e819b50ef342d5704cd4bc62302c5682887c36761563e"); }
    @Test void seed11() { check(11, "20ebb58839b4ea46ba6b438943c5fdc6766567d72a8635e7bdc1e5b204fbd717"); }
    @Test void seed12() { check(12, "4b1fb43a8ba20d825e100300d40c5491b923b2239dfbf9fed4b9b15b7cdb78f1"); }
    @Test void seed13() { check(13, "4478867fb3cb00c9dd59290b0c3b9f0bd0ddc9d664b503ec154dca43c09f1c43"); }
    @Test void seed14() { check(14, "402665c64f0d2ecb0297fd815f31c3435c46c875e956dac45db30a3995e47f64"); }
    @Test void seed15() { check(15, "d23bd0d8e7b3a2dfae6cc11cf7328284ac17c4b0116071e39a69545b362f4b16"); }

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
