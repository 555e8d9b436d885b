package io.ampjava.types;

import io.ampjava.internal.posix.NativePosix;
import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Descriptor ordinals (spec §3.2 "Descriptor", checklist 46), against an in-memory exchange shaped
 * like Twisted's {@code _DescriptorExchanger}: send ordinals count up, received ones are popped.
 * The descriptors are real pipe fds, so ownership mistakes would leak or double-close.
 */
class DescriptorArgumentTest {
    private final List<Descriptor> opened = new ArrayList<>();

    /** One direction of a connection: what one side sends, the other receives under the same ordinal. */
    private static final class Exchange implements ArgumentContext {
        final List<Descriptor> sent = new ArrayList<>();
        final Map<Integer, Descriptor> received = new HashMap<>();

        @Override
        public int sendDescriptor(Descriptor descriptor) {
            sent.add(descriptor);
            return sent.size() - 1;
        }

        @Override
        public Descriptor claimDescriptor(int ordinal) {
            Descriptor descriptor = received.remove(ordinal);
            if (descriptor == null) {
                throw new BadArgumentException("no descriptor " + ordinal + " is waiting");
            }
            return descriptor;
        }

        void deliverAll() {
            for (int i = 0; i < sent.size(); i++) {
                received.put(i, sent.get(i));
            }
        }
    }

    private Descriptor pipeEnd() {
        int[] fds = new int[2];
        assertEquals(0, NativePosix.posix().pipe(fds));
        Descriptor read = Descriptor.adopt(fds[0]);
        Descriptor write = Descriptor.adopt(fds[1]);
        opened.add(read);
        opened.add(write);
        return write;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Descriptor::close);
    }

    @Test
    void sendOrdinalsCountFromZero() {
        Exchange exchange = new Exchange();
        DescriptorArgument type = DescriptorArgument.INSTANCE;
        assertArrayEquals(ascii("0"), type.toWire(pipeEnd(), exchange));
        assertArrayEquals(ascii("1"), type.toWire(pipeEnd(), exchange));
        assertArrayEquals(ascii("2"), type.toWire(pipeEnd(), exchange));
        assertEquals(3, exchange.sent.size());
    }

    @Test
    void receivingPopsByOrdinalAndLeavesNothingBehind() {
        Exchange exchange = new Exchange();
        Descriptor first = pipeEnd();
        Descriptor second = pipeEnd();
        byte[] firstWire = DescriptorArgument.INSTANCE.toWire(first, exchange);
        byte[] secondWire = DescriptorArgument.INSTANCE.toWire(second, exchange);
        exchange.deliverAll();
        assertSame(second, DescriptorArgument.INSTANCE.fromWire(secondWire, exchange)); // any order
        assertSame(first, DescriptorArgument.INSTANCE.fromWire(firstWire, exchange));
        assertTrue(exchange.received.isEmpty());
        assertThrows(BadArgumentException.class, () -> DescriptorArgument.INSTANCE.fromWire(firstWire, exchange));
        assertTrue(first.isOpen() && second.isOpen(), "the argument type never closes descriptors");
    }

    @Test
    void badOrdinalIsABadArgument() {
        Exchange exchange = new Exchange();
        assertThrows(BadArgumentException.class, () -> DescriptorArgument.INSTANCE.fromWire(ascii("x"), exchange));
        assertThrows(BadArgumentException.class, () -> DescriptorArgument.INSTANCE.fromWire(ascii(""), exchange));
        assertThrows(BadArgumentException.class, () -> DescriptorArgument.INSTANCE.fromWire(ascii("7"), exchange));
    }

    @Test
    void withoutAUnixConnectionDescriptorsAreRefused() {
        Descriptor descriptor = pipeEnd();
        assertThrows(UnsupportedOperationException.class,
                () -> DescriptorArgument.INSTANCE.toWire(descriptor, ArgumentContext.NONE));
        assertThrows(BadArgumentException.class,
                () -> DescriptorArgument.INSTANCE.fromWire(ascii("0"), ArgumentContext.NONE));
        assertTrue(descriptor.isOpen());
        descriptor.close();
        assertFalse(descriptor.isOpen());
    }
}
