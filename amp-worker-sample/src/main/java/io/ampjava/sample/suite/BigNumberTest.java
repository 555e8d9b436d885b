package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Big-integer arithmetic: digit sums, constants to thousands of digits, partitions, Catalan numbers. */
class BigNumberTest {
    @Test void digitSumOfTwoTo1000() { assertEquals(1_366, digitSum(BigInteger.TWO.pow(1_000))); }
    @Test void digitSumOfTwoTo100000() { assertEquals(135_178, digitSum(BigInteger.TWO.pow(100_000))); }
    @Test void digitSumOf100Factorial() { assertEquals(648, digitSum(factorial(100))); }
    @Test void digitSumOf1000Factorial() { assertEquals(10_539, digitSum(factorial(1_000))); }
    @Test void firstFibonacciWith1000Digits() { assertEquals(4_782, firstFibonacciWithDigits(1_000)); }

    @Test void piTo3000Digits() {
        BigInteger pi = pi(3_000);
        assertTrue(pi.toString().startsWith("3141592653589793238462643383279502884197"));
        assertEquals(13_849, digitSum(pi));
    }

    @Test void eTo3000Digits() {
        BigInteger e = e(3_000);
        assertTrue(e.toString().startsWith("2718281828459045235360287471352662497757"));
        assertEquals(13_627, digitSum(e));
    }

    @Test void squareRootOfTwoTo5000Digits() {
        BigInteger scaled = BigInteger.TWO.multiply(BigInteger.TEN.pow(10_000));
        BigInteger root = newtonSquareRoot(scaled);
        assertEquals(scaled.sqrt(), root);
        assertEquals(22_978, digitSum(root));
    }

    @Test void partitionsOf500() { assertEquals(new BigInteger("2300165032574323995027"), partitions(500)); }
    @Test void partitionsOf1000() { assertEquals(new BigInteger("24061467864032622473692149727991"), partitions(1_000)); }

    @Test void catalan500ByRecurrenceAndBinomial() {
        BigInteger byRecurrence = catalanByRecurrence(500);
        assertEquals(catalanByBinomial(500), byRecurrence);
        assertEquals(1_296, digitSum(byRecurrence));
    }

    @Test void factorialByProductTreeAndLoop() { assertEquals(factorial(3_000), productTree(1, 3_000)); }

    static int digitSum(BigInteger n) {
        int sum = 0;
        String digits = n.toString();
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }

    static BigInteger factorial(int n) {
        BigInteger product = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            product = product.multiply(BigInteger.valueOf(i));
        }
        return product;
    }

    private static BigInteger productTree(int from, int to) {
        if (to - from < 8) {
            BigInteger product = BigInteger.ONE;
            for (int i = from; i <= to; i++) {
                product = product.multiply(BigInteger.valueOf(i));
            }
            return product;
        }
        int middle = (from + to) >>> 1;
        return productTree(from, middle).multiply(productTree(middle + 1, to));
    }

    private static int firstFibonacciWithDigits(int digits) {
        BigInteger limit = BigInteger.TEN.pow(digits - 1);
        BigInteger previous = BigInteger.ONE;
        BigInteger current = BigInteger.ONE;
        int index = 2;
        while (current.compareTo(limit) < 0) {
            BigInteger next = previous.add(current);
            previous = current;
            current = next;
            index++;
        }
        return index;
    }

    /** Pi times 10^digits, truncated: Machin's formula with ten guard digits. */
    static BigInteger pi(int digits) {
        BigInteger one = BigInteger.TEN.pow(digits + 10);
        BigInteger quarter = arctanOfInverse(5, one).shiftLeft(2).subtract(arctanOfInverse(239, one));
        return quarter.shiftLeft(2).divide(BigInteger.TEN.pow(10));
    }

    private static BigInteger arctanOfInverse(int x, BigInteger one) {
        BigInteger xSquared = BigInteger.valueOf((long) x * x);
        BigInteger term = one.divide(BigInteger.valueOf(x));
        BigInteger sum = term;
        int n = 1;
        boolean subtract = true;
        while (term.signum() != 0) {
            term = term.divide(xSquared);
            n += 2;
            BigInteger part = term.divide(BigInteger.valueOf(n));
            sum = subtract ? sum.subtract(part) : sum.add(part);
            subtract = !subtract;
        }
        return sum;
    }

    /** e times 10^digits, truncated: the series of 1/n!, with ten guard digits. */
    static BigInteger e(int digits) {
        BigInteger term = BigInteger.TEN.pow(digits + 10);
        BigInteger sum = BigInteger.ZERO;
        int n = 0;
        while (term.signum() != 0) {
            sum = sum.add(term);
            n++;
            term = term.divide(BigInteger.valueOf(n));
        }
        return sum.divide(BigInteger.TEN.pow(10));
    }

    private static BigInteger newtonSquareRoot(BigInteger n) {
        BigInteger x = BigInteger.ONE.shiftLeft(n.bitLength() / 2 + 1);
        while (true) {
            BigInteger next = x.add(n.divide(x)).shiftRight(1);
            if (next.compareTo(x) >= 0) {
                return x;
            }
            x = next;
        }
    }

    /** The number of partitions of n, by Euler's pentagonal number recurrence. */
    static BigInteger partitions(int n) {
        BigInteger[] p = new BigInteger[n + 1];
        p[0] = BigInteger.ONE;
        for (int m = 1; m <= n; m++) {
            BigInteger total = BigInteger.ZERO;
            for (int k = 1; ; k++) {
                int first = k * (3 * k - 1) / 2;
                if (first > m) {
                    break;
                }
                int second = k * (3 * k + 1) / 2;
                BigInteger terms = p[m - first];
                if (second <= m) {
                    terms = terms.add(p[m - second]);
                }
                total = k % 2 == 1 ? total.add(terms) : total.subtract(terms);
            }
            p[m] = total;
        }
        return p[n];
    }

    private static BigInteger catalanByRecurrence(int n) {
        BigInteger[] c = new BigInteger[n + 1];
        c[0] = BigInteger.ONE;
        for (int m = 1; m <= n; m++) {
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < m; i++) {
                sum = sum.add(c[i].multiply(c[m - 1 - i]));
            }
            c[m] = sum;
        }
        return c[n];
    }

    private static BigInteger catalanByBinomial(int n) {
        BigInteger binomial = BigInteger.ONE;
        for (int i = 1; i <= n; i++) {
            binomial = binomial.multiply(BigInteger.valueOf(n + i)).divide(BigInteger.valueOf(i));
        }
        return binomial.divide(BigInteger.valueOf(n + 1));
    }
}
