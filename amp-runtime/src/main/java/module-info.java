/**
 * amp-java's runtime: the AMP box codec, argument types, connections and dispatch, the accept
 * loop, the Unix, TCP and pipe transports, and StartTLS. {@link io.ampjava.Amp} is the entry point.
 */
// The jnr jars are automatic modules; their Automatic-Module-Name entries keep these names stable.
@SuppressWarnings("requires-automatic")
module io.ampjava.runtime {
    // sun.misc.Unsafe.invokeCleaner frees a closed connection's direct buffers at once.
    requires jdk.unsupported;
    requires org.jnrproject.constants;
    requires org.jnrproject.ffi;
    requires org.jnrproject.posix;
    requires org.jnrproject.unixsocket;
    // jnr-ffi generates its bindings with ASM but, being an automatic module, cannot require it:
    // without this line nothing resolves ASM's module and the first native call fails.
    requires org.objectweb.asm;

    exports io.ampjava;
    exports io.ampjava.dispatch;
    exports io.ampjava.schema;
    exports io.ampjava.server;
    exports io.ampjava.tls;
    exports io.ampjava.transport;
    exports io.ampjava.transport.pipe;
    exports io.ampjava.transport.tcp;
    exports io.ampjava.transport.unix;
    exports io.ampjava.types;
    exports io.ampjava.wire;

    // Not API. jnr-ffi implements FileLibrary and SocketLibrary in classes it defines in a class
    // loader of its own, whose unnamed module cannot be named in "exports ... to"; the JVM refuses
    // such a class unless this package is exported to it. io.ampjava.internal.io, .log and .text
    // stay encapsulated.
    exports io.ampjava.internal.posix;
}
