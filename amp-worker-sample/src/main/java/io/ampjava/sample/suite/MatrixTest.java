package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Matrix arithmetic checked two ways: Vandermonde determinants by elimination and by their product
 * formula, Fibonacci numbers by matrix powers and by iteration, and associativity of products.
 */
class MatrixTest {
    private static final long PRIME = 1_000_000_007L;

    @Test void vandermonde8() { checkVandermonde(8); }
    @Test void vandermonde12() { checkVandermonde(12); }
    @Test void vandermonde16() { checkVandermonde(16); }
    @Test void vandermonde20() { checkVandermonde(20); }
    @Test void vandermonde24() { checkVandermonde(24); }
    @Test void vandermonde28() { checkVandermonde(28); }
    @Test void vandermonde32() { checkVandermonde(32); }
    @Test void vandermonde36() { checkVandermonde(36); }
    @Test void fibonacci1Million() { checkFibonacci(1_000_000); }
    @Test void fibonacci10Million() { checkFibonacci(10_000_000); }
    @Test void fibonacci20Million() { checkFibonacci(20_000_000); }
    @Test void fibonacci30Million() { checkFibonacci(30_000_000); }
    @Test void associativity1() { checkAssociativity(1); }
    @Test void associativity2() { checkAssociativity(2); }
    @Test void associativity3() { checkAssociativity(3); }
    @Test void associativity4() { checkAssociativity(4); }

    private static void checkVandermonde(int n) {
        Lcg random = new Lcg(n);
        long[] xs = new long[n];
        for (int i = 0; i < n; i++) {
            xs[i] = random.next() % 1_000 - 500 + 1_000L * i; // distinct
        }
        BigInteger[][] matrix = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            BigInteger power = BigInteger.ONE;
            for (int j = 0; j < n; j++) {
                matrix[i][j] = power;
                power = power.multiply(BigInteger.valueOf(xs[i]));
            }
        }
        BigInteger formula = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                formula = formula.multiply(BigInteger.valueOf(xs[j] - xs[i]));
            }
        }
        assertEquals(formula, bareissDeterminant(matrix));
    }

    /** The exact determinant by fraction-free elimination; the rows must not need pivoting by zero. */
    static BigInteger bareissDeterminant(BigInteger[][] m) {
        int n = m.length;
        BigInteger previous = BigInteger.ONE;
        int sign = 1;
        for (int k = 0; k < n - 1; k++) {
            if (m[k][k].signum() == 0) {
                int swap = k + 1;
                while (swap < n && m[swap][k].signum() == 0) {
                    swap++;
                }
                if (swap == n) {
                    return BigInteger.ZERO;
                }
                BigInteger[] row = m[k];
                m[k] = m[swap];
                m[swap] = row;
                sign = -sign;
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j < n; j++) {
                    m[i][j] = m[i][j].multiply(m[k][k]).subtract(m[i][k].multiply(m[k][j])).divide(previous);
                }
            }
            previous = m[k][k];
        }
        return sign < 0 ? m[n - 1][n - 1].negate() : m[n - 1][n - 1];
    }

    private static void checkFibonacci(int n) {
        long[][] power = matrixPower(new long[][] {{1, 1}, {1, 0}}, n);
        long previous = 0;
        long current = 1;
        for (int i = 1; i < n; i++) {
            long next = (previous + current) % PRIME;
            previous = current;
            current = next;
        }
        assertEquals(current, power[0][1]);
    }

    private static long[][] matrixPower(long[][] base, long exponent) {
        long[][] result = identity(base.length);
        while (exponent > 0) {
            if ((exponent & 1) == 1) {
                result = multiply(result, base);
            }
            base = multiply(base, base);
            exponent >>= 1;
        }
        return result;
    }

    private static void checkAssociativity(long seed) {
        int n = 200;
        long[][] a = randomMatrix(new Lcg(seed), n);
        long[][] b = randomMatrix(new Lcg(seed + 100), n);
        long[][] c = randomMatrix(new Lcg(seed + 200), n);
        long[][] left = multiply(multiply(a, b), c);
        long[][] right = multiply(a, multiply(b, c));
        for (int i = 0; i < n; i++) {
            assertArrayEquals(left[i], right[i], "row " + i);
        }
    }

    private static long[][] randomMatrix(Lcg random, int n) {
        long[][] m = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = random.next() % PRIME;
            }
        }
        return m;
    }

    private static long[][] identity(int n) {
        long[][] m = new long[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** The product modulo {@link #PRIME}. */
    static long[][] multiply(long[][] a, long[][] b) {
        int n = a.length;
        int inner = b.length;
        int columns = b[0].length;
        long[][] product = new long[n][columns];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inner; k++) {
                long aik = a[i][k];
                for (int j = 0; j < columns; j++) {
                    product[i][j] = (product[i][j] + aik * b[k][j]) % PRIME;
                }
            }
        }
        return product;
    }
}
