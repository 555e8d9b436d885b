package io.ampjava.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file helpers of {@link Descriptor}: real files and pipes, through jnr-posix. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DescriptorFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReadAFile() throws IOException {
        Path file = dir.resolve("out.bin");
        byte[] content = new byte[100_000];
        new Random(3).nextBytes(content);
        try (Descriptor out = Descriptor.openForWriting(file)) {
            out.write(content);
        }
        assertArrayEquals(content, Files.readAllBytes(file));
        try (Descriptor in = Descriptor.openForReading(file)) {
            assertArrayEquals(java.util.Arrays.copyOf(content, 10), in.read(10));
            byte[] rest = in.readAll();
            assertEquals(content.length - 10, rest.length);
            assertEquals(0, in.read(5).length, "end of file is an empty read");
        }
    }

    @Test
    void openForWritingTruncates() throws IOException {
        Path file = Files.writeString(dir.resolve("old.txt"), "a long old content");
        try (Descriptor out = Descriptor.openForWriting(file)) {
            out.write("new".getBytes(US_ASCII));
        }
        assertEquals("new", Files.readString(file));
    }

    @Test
    void openingFailuresNameThePathAndTheReason() throws IOException {
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> Descriptor.openForReading(dir.resolve("missing")));
        assertTrue(missing.getMessage().contains("missing") && missing.getMessage().contains("ENOENT"), missing.getMessage());
        FileSystemException directory = assertThrows(FileSystemException.class, () -> Descriptor.openForWriting(dir));
        assertTrue(directory.getMessage().contains("EISDIR"), directory.getMessage());
        if (!"root".equals(System.getProperty("user.name"))) {
            Path locked = Files.createFile(dir.resolve("locked"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("---------")));
            assertThrows(AccessDeniedException.class, () -> Descriptor.openForReading(locked));
        }
    }

    @Test
    void aPipeCarriesMoreThanItsBufferWhenSomeoneReads() throws Exception {
        byte[] content = new byte[300_000]; // several times a pipe's capacity
        new Random(4).nextBytes(content);
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    return pipe.readEnd().readAll();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, NewThread.EACH_TASK);
            pipe.writeEnd().write(content);
            pipe.writeEnd().close();
            assertArrayEquals(content, Await.result(reading));
        }
    }

    @Test
    void aDuplicateIsASecondHandleOnTheSameFile() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            Descriptor copy = pipe.writeEnd().duplicate();
            assertNotEquals(pipe.writeEnd().fd(), copy.fd());
            pipe.writeEnd().close();
            try {
                copy.write("via the copy".getBytes(US_ASCII));
            } finally {
                copy.close();
            }
            assertEquals("via the copy", new String(pipe.readEnd().readAll(), US_ASCII));
        }
    }

    @Test
    void createdDescriptorsAreCloseOnExec() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe();
                Descriptor file = Descriptor.openForWriting(dir.resolve("f"));
                Descriptor copy = file.duplicate()) {
            for (Descriptor descriptor : new Descriptor[] {pipe.readEnd(), pipe.writeEnd(), file, copy}) {
                String flags = Files.readString(Path.of("/proc/self/fdinfo/" + descriptor.fd()));
                // the "flags:" line is octal open flags; O_CLOEXEC is 02000000
                String octal = flags.lines().filter(line -> line.startsWith("flags:")).findFirst().orElseThrow().substring(6).trim();
                assertTrue((Long.parseLong(octal, 8) & 02000000) != 0, descriptor + " flags " + octal);
            }
        }
    }

    @Test
    void closingThePipeClosesBothEndsAndNothingLeaks() throws Exception {
        Descriptor.pipe().close();
        DescriptorSnapshot before = DescriptorSnapshot.take();
        for (int i = 0; i < 100; i++) {
            Descriptor.Pipe pipe = Descriptor.pipe();
            Descriptor copy = pipe.readEnd().duplicate();
            pipe.close();
            assertFalse(pipe.readEnd().isOpen());
            assertFalse(pipe.writeEnd().isOpen());
            copy.close();
        }
        before.assertNoNewDescriptors();
    }

    @Test
    void aClosedDescriptorRefusesUse() throws IOException {
        Descriptor.Pipe pipe = Descriptor.pipe();
        pipe.close();
        assertThrows(IllegalStateException.class, () -> pipe.readEnd().read(1));
        assertThrows(IllegalStateException.class, () -> pipe.writeEnd().write(new byte[1]));
        assertThrows(IllegalStateException.class, () -> pipe.writeEnd().duplicate());
        assertThrows(IllegalArgumentException.class, () -> Descriptor.adopt(-1));
    }
}
