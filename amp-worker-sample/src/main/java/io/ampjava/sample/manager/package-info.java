/**
 * The manager: trial's {@code disttrial} in Java. {@link io.ampjava.sample.manager.DistributedRun}
 * spawns worker processes ({@link io.ampjava.sample.manager.WorkerProcess}), hands each test to the
 * next free worker, and collects the reports with {@link io.ampjava.sample.manager.ReportReceiver},
 * which accepts both dialects of trial's manager commands.
 */
package io.ampjava.sample.manager;
