/**
 * The bundled example suite: deterministic tests that all pass and, together, keep a CPU busy for a
 * few seconds, so that running them on two workers is measurably faster than on one. Each test
 * checks a computed result against a known value or a second, independent computation. The
 * constants were computed independently with Python.
 */
package io.ampjava.sample.suite;
