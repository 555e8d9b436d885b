package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The Lucas-Lehmer test on Mersenne numbers 2^p - 1 for prime p, against the known Mersenne primes. */
class MersenneTest {
    @Test void p61IsPrime() { assertTrue(isMersennePrime(61)); }
    @Test void p89IsPrime() { assertTrue(isMersennePrime(89)); }
    @Test void p107IsPrime() { assertTrue(isMersennePrime(107)); }
    @Test void p127IsPrime() { assertTrue(isMersennePrime(127)); }
    @Test void p521IsPrime() { assertTrue(isMersennePrime(521)); }
    @Test void p607IsPrime() { assertTrue(isMersennePrime(607)); }
    @Test void p1279IsPrime() { assertTrue(isMersennePrime(1_279)); }
    @Test void p2203IsPrime() { assertTrue(isMersennePrime(2_203)); }
    @Test void p2281IsPrime() { assertTrue(isMersennePrime(2_281)); }
    @Test void p3217IsPrime() { assertTrue(isMersennePrime(3_217)); }
    @Test void p4253IsPrime() { assertTrue(isMersennePrime(4_253)); }
    @Test void p4423IsPrime() { assertTrue(isMersennePrime(4_423)); }
    @Test void p67IsComposite() { assertFalse(isMersennePrime(67)); }
    @Test void p257IsComposite() { assertFalse(isMersennePrime(257)); }
    @Test void p1277IsComposite() { assertFalse(isMersennePrime(1_277)); }
    @Test void p4241IsComposite() { assertFalse(isMersennePrime(4_241)); }

    /** Lucas-Lehmer, for an odd prime {@code p}. */
    static boolean isMersennePrime(int p) {
        BigInteger mersenne = BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE);
        BigInteger s = BigInteger.valueOf(4);
        for (int i = 0; i < p - 2; i++) {
            s = s.multiply(s).subtract(BigInteger.TWO);
            // s mod 2^p - 1 without division: fold the high bits onto the low ones.
            while (s.bitLength() > p) {
                s = s.and(mersenne).add(s.shiftRight(p));
            }
            if (s.equals(mersenne)) {
                s = BigInteger.ZERO;
            }
        }
        return s.signum() == 0;
    }
}
