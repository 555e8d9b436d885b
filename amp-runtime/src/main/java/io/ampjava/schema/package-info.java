/**
 * What travels for each AMP command, as data: {@link io.ampjava.schema.CommandSchema},
 * {@link io.ampjava.schema.FieldSchema}, {@link io.ampjava.schema.AmpType}. Generated commands carry
 * theirs ({@code DivideCommand.COMMAND.schema()}), so that tools can build and read boxes of commands
 * they only know by name. This package depends on no other of the runtime.
 */
package io.ampjava.schema;
