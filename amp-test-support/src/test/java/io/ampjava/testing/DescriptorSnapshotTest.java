package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

@Timeout(20)
class DescriptorSnapshotTest {
    @TempDir
    Path dir;

    /** The JDK opens a socket of its own, for the life of the process, with its first pipe. */
    @BeforeAll
    static void warmUp() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().close();
        pipe.sink().close();
    }

    @Test
    void aPipeOpenedSinceIsReportedUntilItIsClosed() throws Exception {
        DescriptorSnapshot before = DescriptorSnapshot.take();
        Pipe pipe = Pipe.open();
        Set<OpenDescriptor> opened;
        try {
            opened = before.awaitOpenedSince(2, OpenDescriptor::isPipe, Duration.ZERO);
            assertEquals(2, opened.size(), () -> "the two ends, not " + DescriptorSnapshot.describe(before.openedSince()));
            String target = opened.iterator().next().target();
            assertTrue(opened.stream().allMatch(d -> d.isPipe() && d.target().equals(target)), opened::toString);
            assertTrue(opened.stream().allMatch(OpenDescriptor::isOpen));
            AssertionFailedError leak = assertThrows(AssertionFailedError.class, () -> before.assertNoNewDescriptors(Duration.ZERO));
            assertTrue(leak.getMessage().contains("2 descriptors") && leak.getMessage().contains(target), leak.getMessage());
            assertThrows(AssertionFailedError.class, () -> DescriptorSnapshot.assertClosed(opened, Duration.ofMillis(50)));
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
        before.assertNoNewDescriptors(); // passes at once unless another thread has a file open for a moment
        DescriptorSnapshot.assertClosed(opened, Duration.ZERO);
        assertFalse(opened.iterator().next().isOpen());
    }

    @Test
    void aDescriptorClosedByAnotherThreadIsNoLeak() throws Exception {
        DescriptorSnapshot first = DescriptorSnapshot.take();
        Pipe earlier = Pipe.open();
        Set<OpenDescriptor> earlierEnds = first.awaitOpenedSince(2, OpenDescriptor::isPipe, Duration.ZERO);
        assertEquals(2, earlierEnds.size(), earlierEnds::toString);
        DescriptorSnapshot before = DescriptorSnapshot.take();
        Thread closer = new Thread(() -> {
            try {
                earlier.source().close();
                earlier.sink().close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        closer.start();
        closer.join();
        DescriptorSnapshot.assertClosed(earlierEnds, Duration.ZERO);
        before.assertNoNewDescriptors(); // passes at once unless another thread has a file open for a moment
        // What is opened after that is new, whatever number it gets (maybe one the pipe had).
        Files.writeString(dir.resolve("f"), "x");
        try (FileChannel file = FileChannel.open(dir.resolve("f"), StandardOpenOption.READ)) {
            String path = dir.resolve("f").toRealPath().toString();
            Set<OpenDescriptor> opened = before.awaitOpenedSince(1, d -> d.target().equals(path), Duration.ZERO);
            assertEquals(1, opened.size(), opened::toString);
            assertThrows(AssertionFailedError.class, () -> before.assertNoNewDescriptors(Duration.ofMillis(50)));
        }
        before.assertNoNewDescriptors(); // passes at once unless another thread has a file open for a moment
    }

    @Test
    void aNumberReusedForSomethingElseIsANewDescriptor() {
        DescriptorSnapshot before = DescriptorSnapshot.of(List.of(new OpenDescriptor(5, "pipe:[100]"), new OpenDescriptor(6, "/tmp/a")));
        DescriptorSnapshot after = DescriptorSnapshot.of(List.of(new OpenDescriptor(5, "/tmp/b"), new OpenDescriptor(6, "/tmp/a")));
        assertEquals(Set.of(new OpenDescriptor(5, "/tmp/b")), before.newIn(after));
        assertEquals(Set.of(), after.newIn(DescriptorSnapshot.of(List.of(new OpenDescriptor(6, "/tmp/a")))));
    }

    @Test
    void awaitOpenedSinceWaitsForDescriptorsAnotherThreadOpens() throws Exception {
        DescriptorSnapshot before = DescriptorSnapshot.take();
        Pipe[] pipe = new Pipe[1];
        Thread opener = new Thread(() -> {
            try {
                Thread.sleep(100);
                pipe[0] = Pipe.open();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        opener.start();
        Set<OpenDescriptor> opened = before.awaitOpenedSince(2, Duration.ofSeconds(5));
        opener.join();
        assertEquals(List.of(true, true), opened.stream().map(OpenDescriptor::isPipe).toList());
        assertEquals(opened, before.awaitOpenedSince(2, OpenDescriptor::isPipe, Duration.ZERO));
        AssertionFailedError noSocket = assertThrows(AssertionFailedError.class,
                () -> before.awaitOpenedSince(1, OpenDescriptor::isSocket, Duration.ofMillis(50)));
        assertTrue(noSocket.getMessage().contains("found 0 among [fd "), noSocket.getMessage());
        pipe[0].source().close();
        pipe[0].sink().close();
        // Only pipes: the JVM itself may open a descriptor meanwhile (a jar, say).
        AssertionFailedError none = assertThrows(AssertionFailedError.class,
                () -> before.awaitOpenedSince(1, OpenDescriptor::isPipe, Duration.ofMillis(50)));
        assertTrue(none.getMessage().contains("found 0"), none.getMessage());
    }

    @Test
    void anFdNumberNotOpenHasNoDescriptor() {
        assertTrue(OpenDescriptor.of(1_000_000).isEmpty());
        assertThrows(IllegalStateException.class, () -> OpenDescriptor.open(1_000_000));
    }
}
