/**
 * Which tests a run runs: names, packages, class-name patterns and JUnit tags resolved through
 * JUnit's own discovery ({@link io.ampjava.sample.selection.TestSelection}), and the test class
 * path of a Maven project ({@link io.ampjava.sample.selection.MavenProject}).
 */
package io.ampjava.sample.selection;
