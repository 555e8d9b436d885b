package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The file descriptors this process had open at one moment (Linux, {@code /proc/self/fd}), by
 * identity ({@link OpenDescriptor}: number and target), for leak checks that other tests in the
 * same JVM cannot upset.
 *
 * <p>Comparing totals fails when a connection left by an earlier test closes its socket half-way
 * through a later one: the total drops below the baseline, or a leak hides behind that drop. A
 * snapshot instead asks which descriptors are open now that were not open then. Descriptors that
 * were open and are gone are ignored: some other thread closed them.
 *
 * <pre>{@code
 * DescriptorSnapshot before = DescriptorSnapshot.take();
 * ... open and close things ...
 * before.assertNoNewDescriptors(); // waits up to a second for closing threads
 * }</pre>
 */
public final class DescriptorSnapshot {
    /** How long the checks wait by default for threads that close descriptors as they wind down. */
    public static final Duration A_SECOND = Duration.ofSeconds(1);

    private final Set<OpenDescriptor> descriptors;

    private DescriptorSnapshot(Set<OpenDescriptor> descriptors) {
        this.descriptors = Set.copyOf(descriptors);
    }

    /** The descriptors open now. */
    public static DescriptorSnapshot take() {
        // The names first, with the directory closed again: its own descriptor then either is gone
        // when the links are read, or its number already belongs to something really open.
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(OpenDescriptor.FD_DIRECTORY)) {
            for (Path entry : entries) {
                numbers.add(Integer.parseInt(entry.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + OpenDescriptor.FD_DIRECTORY, e);
        }
        Set<OpenDescriptor> open = new LinkedHashSet<>();
        for (int fd : numbers) {
            OpenDescriptor.of(fd).ifPresent(open::add); // absent: closed since the listing
        }
        return new DescriptorSnapshot(open);
    }

    /** A snapshot of exactly {@code descriptors}, for testing the comparisons. */
    static DescriptorSnapshot of(Collection<OpenDescriptor> descriptors) {
        return new DescriptorSnapshot(new LinkedHashSet<>(descriptors));
    }

    /** The descriptors in this snapshot. */
    public Set<OpenDescriptor> descriptors() {
        return descriptors;
    }

    /** The descriptors of {@code later} that this snapshot does not have, in fd order. */
    public Set<OpenDescriptor> newIn(DescriptorSnapshot later) {
        Set<OpenDescriptor> added = new TreeSet<>(BY_FD);
        for (OpenDescriptor descriptor : later.descriptors) {
            if (!descriptors.contains(descriptor)) {
                added.add(descriptor);
            }
        }
        return added;
    }

    /** The descriptors open now that were not open when this snapshot was taken, in fd order. */
    public Set<OpenDescriptor> openedSince() {
        return newIn(take());
    }

    /**
     * Asserts that every descriptor opened since this snapshot is closed, waiting up to
     * {@link #A_SECOND} for it; the failure lists those still open.
     */
    public void assertNoNewDescriptors() throws InterruptedException {
        assertNoNewDescriptors(A_SECOND);
    }

    /**
     * Asserts that every descriptor opened since this snapshot is closed within {@code within}
     * ({@link Duration#ZERO}: right now); the failure lists those still open with their targets.
     */
    public void assertNoNewDescriptors(Duration within) throws InterruptedException {
        Set<OpenDescriptor> left = leftOpenAfter(within);
        if (!left.isEmpty()) {
            fail(left.size() + " descriptors opened since the snapshot are still open after " + within.toMillis() + " ms: " + describe(left));
        }
    }

    /**
     * Waits up to {@code within} for every descriptor opened since this snapshot to be closed, and
     * returns those still open then (empty if none): for a test that reports before it asserts.
     */
    public Set<OpenDescriptor> leftOpenAfter(Duration within) throws InterruptedException {
        return Polling.untilEmpty(this::openedSince, within);
    }

    /**
     * Waits up to {@code within} until at least {@code count} descriptors opened since this
     * snapshot are open, and returns them all (fd order); fails listing those seen otherwise.
     */
    public Set<OpenDescriptor> awaitOpenedSince(int count, Duration within) throws InterruptedException {
        return awaitOpenedSince(count, descriptor -> true, within);
    }

    /**
     * Waits up to {@code within} until at least {@code count} descriptors opened since this
     * snapshot that match {@code which} are open, and returns those that match (fd order); fails
     * listing every new descriptor otherwise. For a test that expects, say, two sockets while
     * other things (a child process's pipes) open too.
     */
    public Set<OpenDescriptor> awaitOpenedSince(int count, Predicate<? super OpenDescriptor> which, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Set<OpenDescriptor> added = openedSince();
            Set<OpenDescriptor> matching = added.stream().filter(which).collect(Collectors.toCollection(() -> new TreeSet<>(BY_FD)));
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() - deadline >= 0) {
                fail("expected at least " + count + " such descriptors opened since the snapshot within " + within.toMillis() + " ms"
                        + ", found " + matching.size() + " among " + describe(added));
            }
            Thread.sleep(5);
        }
    }

    /**
     * Asserts that each of {@code descriptors} is closed within {@code within}
     * ({@link Duration#ZERO}: right now), by identity; the failure lists those still open.
     */
    public static void assertClosed(Collection<OpenDescriptor> descriptors, Duration within) throws InterruptedException {
        Set<OpenDescriptor> open = Polling.untilEmpty(() -> stillOpen(descriptors), within);
        if (!open.isEmpty()) {
            fail(open.size() + " of " + descriptors.size() + " descriptors are still open after " + within.toMillis() + " ms: " + describe(open));
        }
    }

    private static Set<OpenDescriptor> stillOpen(Collection<OpenDescriptor> descriptors) {
        return descriptors.stream().filter(OpenDescriptor::isOpen).collect(Collectors.toCollection(() -> new TreeSet<>(BY_FD)));
    }

    /** {@code descriptors} one per entry, as "fd 12 -> socket:[81234]". */
    public static String describe(Collection<OpenDescriptor> descriptors) {
        return descriptors.stream().sorted(BY_FD).map(OpenDescriptor::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static final Comparator<OpenDescriptor> BY_FD =
            Comparator.comparingInt(OpenDescriptor::fd).thenComparing(OpenDescriptor::target);

    @Override
    public String toString() {
        return descriptors.size() + " open fds";
    }
}
