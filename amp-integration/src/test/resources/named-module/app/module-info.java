/** An application module that uses amp-java as a user's does: the runtime and annotations only. */
module app {
    requires io.ampjava.annotations;
    requires io.ampjava.runtime;
}
