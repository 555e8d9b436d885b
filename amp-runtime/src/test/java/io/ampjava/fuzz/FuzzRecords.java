package io.ampjava.fuzz;

import static io.ampjava.types.TestCodecs.required;

import io.ampjava.types.AmpListArgument;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BigIntegerArgument;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.math.BigInteger;
import java.util.List;

/**
 * The records the fuzz tests put inside {@code AmpList} values, with hand-written codecs in the
 * shape the processor generates: flat, nested two deep (as the conformance peer's {@code nested}),
 * and recursive (a tree, which only the nesting-depth limit stops).
 */
final class FuzzRecords {
    private FuzzRecords() {}

    /** {@code x: Integer, label: Unicode (optional)}. */
    record Item(BigInteger x, String label) {}

    /** {@code name: Unicode, children: AmpList(Item)}. */
    record Group(String name, List<Item> children) {}

    /** {@code value: Integer (optional), children: AmpList(Node) (optional)}: a tree of any depth. */
    record Node(BigInteger value, List<Node> children) {}

    static final BoxCodec<Item> ITEM = new BoxCodec<>() {
        @Override
        public void write(Item item, Box box, ArgumentContext context) {
            box.put("x", BigIntegerArgument.INSTANCE.toWire(item.x(), context));
            if (item.label() != null) {
                box.put("label", UnicodeArgument.encode(item.label()));
            }
        }

        @Override
        public Item read(Box box, ArgumentContext context) {
            byte[] label = box.get("label");
            return new Item(BigIntegerArgument.INSTANCE.fromWire(required(box, "x"), context),
                    label == null ? null : UnicodeArgument.decode(label));
        }
    };

    static final AmpListArgument<Item> ITEMS = new AmpListArgument<>(ITEM);

    static final BoxCodec<Group> GROUP = new BoxCodec<>() {
        @Override
        public void write(Group group, Box box, ArgumentContext context) {
            box.put("name", UnicodeArgument.encode(group.name()));
            box.put("children", ITEMS.toWire(group.children(), context));
        }

        @Override
        public Group read(Box box, ArgumentContext context) {
            return new Group(UnicodeArgument.decode(required(box, "name")),
                    ITEMS.fromWire(required(box, "children"), context));
        }
    };

    static final AmpListArgument<Group> GROUPS = new AmpListArgument<>(GROUP);

    static final BoxCodec<Node> NODE = new BoxCodec<>() {
        @Override
        public void write(Node node, Box box, ArgumentContext context) {
            if (node.value() != null) {
                box.put("value", BigIntegerArgument.INSTANCE.toWire(node.value(), context));
            }
            if (node.children() != null) {
                box.put("children", NodeList.INSTANCE.toWire(node.children(), context));
            }
        }

        @Override
        public Node read(Box box, ArgumentContext context) {
            byte[] value = box.get("value");
            byte[] children = box.get("children");
            return new Node(value == null ? null : BigIntegerArgument.INSTANCE.fromWire(value, context),
                    children == null ? null : NodeList.INSTANCE.fromWire(children, context));
        }
    };

    /** Holder, so the recursive codec and its list type can refer to each other. */
    static final class NodeList {
        static final AmpListArgument<Node> INSTANCE = new AmpListArgument<>(NODE);

        private NodeList() {}
    }
}
