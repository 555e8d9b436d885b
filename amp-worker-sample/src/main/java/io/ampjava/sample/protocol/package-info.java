/**
 * The AMP commands of Twisted trial's distributed runner ({@code trial -j N}), declared for the
 * annotation processor. Wire names and argument keys are Twisted's.
 *
 * <p>Manager to worker: {@link io.ampjava.sample.protocol.Start} and {@link io.ampjava.sample.protocol.Run}.
 * Worker to manager: the {@code Add*} result reports, {@link io.ampjava.sample.protocol.TestWrite}, and
 * (Twisted 22.10 and later) {@link io.ampjava.sample.protocol.StreamOpen} /
 * {@link io.ampjava.sample.protocol.StreamWrite}.
 *
 * <h2>Two dialects, one declaration each</h2>
 * Twisted 22.10 changed {@code AddError}, {@code AddFailure} and {@code AddExpectedFailure}: the
 * texts that used to travel inline ({@code error}, {@code fail}, {@code frames}, limited to 64 KiB
 * each) now travel over streams, and the reports carry stream ids instead. A responder locator can
 * hold only one responder per wire name, so each of those commands is declared once with the
 * union of both dialects' arguments: the arguments both dialects share are required, the others
 * are optional. A manager answering it accepts either dialect (it checks that one complete set is
 * present); a worker fills in exactly one set, so what it sends is byte for byte what a Twisted
 * worker of that dialect sends.
 */
package io.ampjava.sample.protocol;
