package io.ampjava.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.ampjava.testing.TwistedPython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python modules the processor writes import under {@code /usr/bin/python3} with Twisted, as
 * written, and declare what the Java side does; their large-value arguments carry values of every
 * size through Twisted's own serializer and parser, and refuse what breaks the scheme.
 */
class PythonModuleTest {
    @TempDir
    Path output;

    @Test
    void theGeneratedModulesImportAndDeclareTheCommands() throws IOException {
        Path python = TwistedPython.require(TwistedPython.Need.TWISTED);
        Path dir = TestCompiler.resource("golden/python");
        Compilation compilation = TestCompiler.compile(inputs(dir.resolve("input")),
                Files.readAllLines(dir.resolve("options")));
        assertWithMessage("diagnostics: %s", compilation.diagnostics()).that(compilation.errors()).isEmpty();
        int modules = 0;
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            if (path.endsWith(".py")) {
                Path out = output.resolve(path.substring(path.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length()));
                Files.createDirectories(out.getParent());
                Files.writeString(out, file.getCharContent(true));
                modules++;
            }
        }
        assertThat(modules).isEqualTo(2);

        List<String> lines = TwistedPython.output(TestCompiler.resource("io/ampjava/processor/check_python_module.py")
                .toString(), output.toString(), "chat_commands", "chat.admin.commands").lines().toList();

        assertThat(lines).containsAtLeast(
                "chat_commands Room_Leave Leave() -> () errors=[] fatal=[] requiresAnswer=True quit=True",
                "chat_commands Room_Typing Typing(who: Unicode) -> () errors=[('LATE', 'QuotaError')] fatal=[]"
                        + " requiresAnswer=False quit=False",
                "chat_commands Send Send(channel: Unicode, text: LargeUnicode, attachment-data: LargeString?,"
                        + " mentions: ListOf(Unicode)?, tags: AmpList(name: Unicode, parts: AmpList(offset: Integer)?))"
                        + " -> (id: Integer, echo: LargeString?) errors=[('BAD', 'ValueError'), ('QUOTA', 'QuotaError')]"
                        + " fatal=[('BANNED', 'Banned')] requiresAnswer=True quit=False",
                "chat_commands Types types-\u2603(small: Integer, wide: Integer, huge: Integer, raw: String,"
                        + " na\u00efve: Unicode, flag: Boolean, ratio: Float, money: Decimal, exact: Decimal,"
                        + " when: DateTime, where: Path, fd: Descriptor, say \"hi\": ListOf(ListOf(Integer))) -> ()"
                        + " errors=[] fatal=[] requiresAnswer=True quit=False",
                "LargeString 10485763 bytes in 162 keys",
                "LargeUnicode 3500000 characters in 70 keys",
                "LargeString refuses bad forms",
                "chat.admin.commands Kick Kick(who: Unicode) -> () errors=[('BANNED', 'KeyError')] fatal=[]"
                        + " requiresAnswer=True quit=False")
                .inOrder();
    }

    private static List<JavaFileObject> inputs(Path input) throws IOException {
        List<JavaFileObject> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(input)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = input.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                inputs.add(JavaFileObjects.forSourceString(name, Files.readString(file)));
            }
        }
        return inputs;
    }
}
