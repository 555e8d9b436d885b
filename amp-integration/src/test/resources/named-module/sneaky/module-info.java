module sneaky {
    requires io.ampjava.runtime;
}
