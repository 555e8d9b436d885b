package io.ampjava.processor.writer;

/** Text from the user's declarations (wire names, codes) made safe inside a Javadoc comment. */
final class Javadocs {
    private Javadocs() {}

    /**
     * Escapes what could end the comment or start a Unicode escape: a wire name may be any string,
     * and {@code *}{@code /} or a backslash in it must not change the generated code.
     */
    static String text(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\\", "&#92;")
                .replace("*/", "*&#47;")
                .replace("@", "&#64;")
                .replace("{", "&#123;")
                .replace("}", "&#125;");
    }
}
