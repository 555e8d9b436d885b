package io.ampjava.fuzz;

import io.ampjava.types.AmpDecimalArgument;
import io.ampjava.types.ArgumentType;
import io.ampjava.types.BigIntegerArgument;
import io.ampjava.types.BooleanArgument;
import io.ampjava.types.BytesArgument;
import io.ampjava.types.DateTimeArgument;
import io.ampjava.types.DecimalArgument;
import io.ampjava.types.DescriptorArgument;
import io.ampjava.types.FloatArgument;
import io.ampjava.types.IntArgument;
import io.ampjava.types.ListOfArgument;
import io.ampjava.types.LongArgument;
import io.ampjava.types.PathArgument;
import io.ampjava.types.UnicodeArgument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every argument type the runtime ships, by a short name that doubles as the argument key of the
 * fuzz server's {@code Echo} command: the scalars, a {@code ListOf} of each list-able one, and
 * {@code AmpList}s flat, nested and recursive.
 */
final class FuzzTypes {
    private FuzzTypes() {}

    static final Map<String, ArgumentType<?>> ALL = build();

    static final List<String> NAMES = List.copyOf(ALL.keySet());

    private static Map<String, ArgumentType<?>> build() {
        Map<String, ArgumentType<?>> types = new LinkedHashMap<>();
        types.put("integer", BigIntegerArgument.INSTANCE);
        types.put("int", IntArgument.INSTANCE);
        types.put("long", LongArgument.INSTANCE);
        types.put("string", BytesArgument.INSTANCE);
        types.put("unicode", UnicodeArgument.INSTANCE);
        types.put("boolean", BooleanArgument.INSTANCE);
        types.put("float", FloatArgument.INSTANCE);
        types.put("decimal", DecimalArgument.INSTANCE);
        types.put("ampdecimal", AmpDecimalArgument.INSTANCE);
        types.put("datetime", DateTimeArgument.INSTANCE);
        types.put("path", PathArgument.INSTANCE);
        types.put("fd", DescriptorArgument.INSTANCE);
        types.put("integers", new ListOfArgument<>(BigIntegerArgument.INSTANCE));
        types.put("strings", new ListOfArgument<>(BytesArgument.INSTANCE));
        types.put("unicodes", new ListOfArgument<>(UnicodeArgument.INSTANCE));
        types.put("booleans", new ListOfArgument<>(BooleanArgument.INSTANCE));
        types.put("floats", new ListOfArgument<>(FloatArgument.INSTANCE));
        types.put("decimals", new ListOfArgument<>(AmpDecimalArgument.INSTANCE));
        types.put("datetimes", new ListOfArgument<>(DateTimeArgument.INSTANCE));
        types.put("paths", new ListOfArgument<>(PathArgument.INSTANCE));
        types.put("items", FuzzRecords.ITEMS);
        types.put("nested", FuzzRecords.GROUPS);
        types.put("tree", FuzzRecords.NodeList.INSTANCE);
        return types;
    }

    /** Whether a decoded value of this type can be encoded again and compared (not a descriptor). */
    static boolean roundTrips(String name) {
        return !name.equals("fd");
    }
}
