package io.ampjava.sample.worker;

/** Which version of trial's manager commands the manager speaks. */
enum Dialect {
    /** Not known yet: the first long report asks with {@code StreamOpen}. */
    UNKNOWN,
    /** Twisted 22.10 and later: texts and frames over {@code StreamOpen}/{@code StreamWrite}. */
    STREAMS,
    /** Twisted 22.8 and earlier: texts and frames inline, each cut to one AMP value. */
    INLINE
}
