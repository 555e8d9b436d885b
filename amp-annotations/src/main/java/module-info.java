/**
 * The annotations that declare AMP commands and their responders; {@code amp-processor} reads them
 * at compile time. They are retained in class files only, so a module may also read this one
 * {@code requires static}.
 */
module io.ampjava.annotations {
    exports io.ampjava.annotations;
}
