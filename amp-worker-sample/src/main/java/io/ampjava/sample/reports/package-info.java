/**
 * What a run leaves for CI: JUnit XML reports in Maven Surefire's format, which Jenkins, GitLab and
 * GitHub's test reporters read.
 */
package io.ampjava.sample.reports;
