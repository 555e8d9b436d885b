/**
 * The worker: trial's {@code workertrial.py} in Java. {@link io.ampjava.sample.worker.TrialWorker}
 * answers {@code Start} and {@code Run}; {@link io.ampjava.sample.worker.ReportQueue} sends the
 * results back in whichever dialect the manager speaks.
 */
package io.ampjava.sample.worker;
