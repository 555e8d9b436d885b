package io.ampjava.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A recursive record type (a tree of AmpLists) is the one schema a peer can nest without bound:
 * decoding stops at {@link ArgumentContext#maxNestingDepth()} with a bad argument, where it would
 * otherwise recurse until the thread's stack overflows.
 */
@Timeout(20)
class AmpListNestingTest {
    /** {@code children: AmpList(Node)} (optional). */
    record Node(List<Node> children) {}

    static final BoxCodec<Node> NODE = new BoxCodec<>() {
        @Override
        public void write(Node node, Box box, ArgumentContext context) {
            if (node.children() != null) {
                box.put("children", Nodes.LIST.toWire(node.children(), context));
            }
        }

        @Override
        public Node read(Box box, ArgumentContext context) {
            byte[] children = box.get("children");
            return new Node(children == null ? null : Nodes.LIST.fromWire(children, context));
        }
    };

    static final class Nodes {
        static final AmpListArgument<Node> LIST = new AmpListArgument<>(NODE);

        private Nodes() {}
    }

    /**
     * The wire value of {@code depth} nodes each in a list of its own, the last with an empty list of
     * children: {@code depth + 1} AmpList values nested in one another, 14 bytes a level.
     */
    static byte[] chain(int depth) {
        byte[] value = new byte[0];
        for (int i = 0; i < depth; i++) {
            value = BoxEncoder.encode(new Box().put("children", value));
        }
        return value;
    }

    private static int depthOf(List<Node> nodes) {
        int depth = 1;
        while (!nodes.get(0).children().isEmpty()) {
            nodes = nodes.get(0).children();
            depth++;
        }
        return depth;
    }

    @Test
    void nestingUpToTheLimitDecodes() {
        // 32 AmpList values in one another: the outermost decodes its records at depth 1, the
        // innermost at depth 32.
        List<Node> decoded = Nodes.LIST.fromWire(chain(ArgumentContext.DEFAULT_MAX_NESTING_DEPTH - 1), ArgumentContext.NONE);
        assertEquals(ArgumentContext.DEFAULT_MAX_NESTING_DEPTH - 1, depthOf(decoded));
    }

    @Test
    void oneLevelDeeperIsABadArgument() {
        BadArgumentException refused = assertThrows(BadArgumentException.class,
                () -> Nodes.LIST.fromWire(chain(ArgumentContext.DEFAULT_MAX_NESTING_DEPTH), ArgumentContext.NONE));
        assertTrue(refused.getMessage().endsWith("AmpList values nested more than 32 deep"), refused.getMessage());
    }

    @Test
    void theLimitComesFromTheContext() {
        ArgumentContext shallow = new ArgumentContext() {
            @Override
            public int sendDescriptor(Descriptor descriptor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Descriptor claimDescriptor(int ordinal) {
                throw new BadArgumentException("none");
            }

            @Override
            public int maxNestingDepth() {
                return 2;
            }
        };
        assertEquals(1, depthOf(Nodes.LIST.fromWire(chain(1), shallow)));
        assertThrows(BadArgumentException.class, () -> Nodes.LIST.fromWire(chain(2), shallow));
    }

    @Test
    void theDeepestValueTheWireAllowsFailsCleanlyOnASmallStack() throws Exception {
        // Each level costs 14 bytes, so one 65535-byte value nests about 4,680 deep: enough to
        // overflow a 256 KiB stack without the limit.
        int depth = 65_535 / 14;
        byte[] deepest = chain(depth);
        assertEquals(14 * depth, deepest.length);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                Nodes.LIST.fromWire(deepest, ArgumentContext.NONE);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertTrue(outcome.get() instanceof BadArgumentException, "outcome: " + outcome.get());
    }
}
