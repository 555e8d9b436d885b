/**
 * Running one JUnit test by name in this JVM, through the JUnit Platform Launcher, and turning what
 * happens into trial's four kinds of result ({@link io.ampjava.sample.junit.TestOutcome}). Nothing here
 * knows about AMP: the worker sends the outcomes, an in-process run only counts them.
 */
package io.ampjava.sample.junit;
