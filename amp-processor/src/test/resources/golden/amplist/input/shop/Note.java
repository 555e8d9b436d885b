package shop;

import io.ampjava.annotations.Argument;

/** Only its package can name it, and so only its package can name its NoteElement. */
interface Note {
    @Argument String text();
}
