package io.ampjava.cli.decode;

import io.ampjava.cli.CliException;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.Subcommand;
import io.ampjava.cli.Terminal;
import io.ampjava.cli.print.BoxJson;
import io.ampjava.cli.print.BoxText;
import io.ampjava.cli.print.BoxView;
import io.ampjava.cli.print.LineBuffer;
import io.ampjava.cli.print.ValueText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code amp decode [FILE]}: prints the boxes of a raw AMP byte stream (one direction of a
 * connection, as captured) from a file or standard input, each with its byte offset.
 */
public final class DecodeSubcommand implements Subcommand {
    private static final int FLUSH_BYTES = 32 * 1024;

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("decode");
        spec.usageMessage()
                .description("Print the boxes of a raw AMP byte stream (one direction of a connection, as"
                        + " captured), each with its byte offset. A stream that ends inside a box, or that is"
                        + " not AMP, is reported with the byte offset and the problem (exit status 1).");
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("FILE")
                .type(String.class)
                .description("The capture; standard input when absent or '-'.").build());
        spec.addOption(OptionSpec.builder("--json").arity("0").type(boolean.class)
                .description("One JSON object per box: offset, length, kind, command, tag, code, description,"
                        + " fields (a value that is not UTF-8 as {\"base64\": ...}).").build());
        spec.addOption(OptionSpec.builder("--full").arity("0").type(boolean.class)
                .description("Show long values whole (text output cuts them after "
                        + ValueText.DEFAULT_LIMIT + " characters).").build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, Terminal terminal) throws Exception {
        String file = parsed.matchedPositionalValue(0, "-");
        boolean json = parsed.matchedOptionValue("--json", false);
        int limit = parsed.matchedOptionValue("--full", false) ? Integer.MAX_VALUE : ValueText.DEFAULT_LIMIT;
        PrintWriter out = terminal.out();
        LineBuffer line = new LineBuffer(4096);
        int[] invalid = new int[1];
        CaptureReader.Listener printer = (offset, length, box) -> {
            BoxView view = BoxView.of(box);
            if (view.kind() == BoxView.Kind.NO_ROLE || view.kind() == BoxView.Kind.EMPTY) {
                invalid[0]++;
            }
            if (json) {
                line.append(BoxJson.line(w -> {
                    w.beginObject().name("offset").value(offset).name("length").value(length);
                    BoxJson.members(w, view);
                    w.endObject();
                })).append('\n');
            } else {
                line.append('@').append(offset).append(' ');
                BoxText.appendHeadline(line, view, limit);
                line.append('\n');
                BoxText.appendFields(line, "  ", view, limit);
            }
            if (line.size() >= FLUSH_BYTES) {
                write(line, terminal.stdout());
            }
        };
        CaptureReader.Ending ending;
        out.flush();
        try (InputStream in = open(file, terminal)) {
            ending = CaptureReader.read(in, printer);
            write(line, terminal.stdout());
        } catch (OutputClosed e) {
            return ExitCode.OK; // the reader stopped reading (amp decode ... | head): so do we
        } catch (IOException e) {
            throw CliException.usage("cannot read " + (file.equals("-") ? "standard input" : file) + ": "
                    + CliException.message(e));
        }
        if (!ending.clean()) {
            throw new CliException(ExitCode.REFUSED, ending.problem());
        }
        if (invalid[0] > 0) {
            throw new CliException(ExitCode.REFUSED, invalid[0] + (invalid[0] == 1 ? " box has" : " boxes have")
                    + " no _command, _answer or _error: a peer drops the connection on such a box");
        }
        return ExitCode.OK;
    }

    /** Standard output is gone. */
    private static final class OutputClosed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputClosed(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static void write(LineBuffer line, OutputStream stdout) {
        try {
            line.writeTo(stdout);
            stdout.flush();
        } catch (IOException e) {
            throw new OutputClosed(e);
        }
    }

    private static InputStream open(String file, Terminal terminal) throws CliException {
        if (file.equals("-")) {
            return terminal.in();
        }
        try {
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw CliException.usage("cannot read " + file + ": it is a directory");
            }
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw CliException.usage("cannot read " + file + ": no such file");
        } catch (InvalidPathException | IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
    }
}
