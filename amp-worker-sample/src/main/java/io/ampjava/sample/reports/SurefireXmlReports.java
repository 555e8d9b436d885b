package io.ampjava.sample.reports;

import io.ampjava.sample.manager.ResultKind;
import io.ampjava.sample.manager.TestResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a run's results as Maven Surefire does: one {@code TEST-<class>.xml} per test class, a
 * {@code <testsuite>} with the counts and one {@code <testcase>} per result, holding a
 * {@code <failure>}, {@code <error>} or {@code <skipped>} element and the test's
 * {@code <system-out>} and {@code <system-err>}.
 *
 * <pre>{@code
 * <testsuite name="pkg.FooTest" time="0.012" tests="2" errors="0" skipped="0" failures="1">
 *   <testcase name="passes" classname="pkg.FooTest" time="0.002"/>
 *   <testcase name="fails" classname="pkg.FooTest" time="0.010">
 *     <failure message="expected: <5> but was: <4>" type="org.opentest4j.AssertionFailedError">...</failure>
 *     <system-out>what it printed</system-out>
 *   </testcase>
 * </testsuite>
 * }</pre>
 *
 * <p>trial's protocol carries what a test prints as one stream of lines, so {@code <system-out>}
 * holds all of it, standard error included. {@code <system-err>} holds what the worker itself wrote
 * to its standard error when that explains the result: the last lines of a worker that died or hung.
 * A failure's {@code type} is the Java exception's class (the start of the reported text) or, for a
 * Python worker's report, the Python class.
 */
public final class SurefireXmlReports {
    private static final String SCHEMA =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";

    private SurefireXmlReports() {}

    /**
     * Writes one file per class of {@code results} into {@code directory} (created if needed),
     * replacing files of the same names; returns the files written.
     */
    public static List<Path> write(Path directory, List<TestResult> results) throws IOException {
        Files.createDirectories(directory);
        Map<String, List<TestResult>> byClass = new TreeMap<>();
        for (TestResult result : results) {
            byClass.computeIfAbsent(result.className(), key -> new ArrayList<>()).add(result);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<TestResult>> suite : byClass.entrySet()) {
            Path file = directory.resolve("TEST-" + fileName(suite.getKey()) + ".xml");
            try (OutputStream out = Files.newOutputStream(file)) {
                writeSuite(out, suite.getKey(), suite.getValue());
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        return written;
    }

    /** One {@code <testsuite>} document for the results of class {@code name}. */
    static void writeSuite(OutputStream out, String name, List<TestResult> results) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("xsi:noNamespaceSchemaLocation", SCHEMA);
        xml.writeAttribute("version", "3.0.2");
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("time", seconds(results.stream().mapToDouble(TestResult::seconds).sum()));
        xml.writeAttribute("tests", Integer.toString(results.size()));
        xml.writeAttribute("errors", Long.toString(count(results, ResultKind.ERROR)));
        xml.writeAttribute("skipped", Long.toString(count(results, ResultKind.SKIP) + count(results, ResultKind.EXPECTED_FAILURE)));
        xml.writeAttribute("failures", Long.toString(count(results, ResultKind.FAILURE)));
        xml.writeCharacters("\n");
        for (TestResult result : results) {
            writeCase(xml, result);
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    private static void writeCase(XMLStreamWriter xml, TestResult result) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(result.methodName()));
        xml.writeAttribute("classname", clean(result.className()));
        xml.writeAttribute("time", seconds(result.seconds()));
        switch (result.kind()) {
            case FAILURE:
                writeProblem(xml, "failure", result);
                break;
            case ERROR:
                writeProblem(xml, "error", result);
                break;
            case SKIP:
            case EXPECTED_FAILURE:
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean(result.headline()));
                break;
            default:
                break;
        }
        writeText(xml, "system-out", result.output());
        writeText(xml, "system-err", result.errorOutput());
        if (hasChildren(result)) {
            xml.writeCharacters("\n  ");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static boolean hasChildren(TestResult result) {
        return result.kind() != ResultKind.SUCCESS && result.kind() != ResultKind.UNEXPECTED_SUCCESS
                || !result.output().isEmpty() || !result.errorOutput().isEmpty();
    }

    private static void writeProblem(XMLStreamWriter xml, String element, TestResult result) throws XMLStreamException {
        String text = result.details().isEmpty() ? result.headline() : result.details();
        String[] typeAndMessage = typeAndMessage(result.headline(), text, element);
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(typeAndMessage[1]));
        xml.writeAttribute("type", clean(typeAndMessage[0]));
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /**
     * The exception type and message of a failure: the Java class that starts the reported text
     * ({@code pkg.SomeException: message}), else the Python class of the headline, else
     * {@code fallback} for what the manager itself recorded (a lost worker, a timeout).
     */
    static String[] typeAndMessage(String headline, String details, String fallback) {
        String source = details;
        int colon = headline.indexOf(": ");
        String pythonClass = colon > 0 && isClassName(headline.substring(0, colon)) ? headline.substring(0, colon) : "";
        if (!pythonClass.isEmpty() && source.startsWith(pythonClass + ": ")) {
            source = source.substring(pythonClass.length() + 2);
        }
        String first = source.lines().findFirst().orElse("");
        int split = first.indexOf(": ");
        String candidate = split > 0 ? first.substring(0, split) : first;
        if (isClassName(candidate)) {
            return new String[] {candidate, split > 0 ? first.substring(split + 2) : ""};
        }
        return new String[] {pythonClass.isEmpty() ? fallback : pythonClass, pythonClass.isEmpty() ? headline : first};
    }

    private static boolean isClassName(String text) {
        return text.contains(".") && !text.startsWith(".") && !text.endsWith(".")
                && text.chars().allMatch(c -> Character.isJavaIdentifierPart(c) || c == '.' || c == '$');
    }

    private static void writeText(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        if (text.isEmpty()) {
            return;
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static long count(List<TestResult> results, ResultKind kind) {
        return results.stream().filter(result -> result.kind() == kind).count();
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** A class name as a file name: what a file system refuses is replaced. */
    private static String fileName(String className) {
        return className.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_");
    }

    /**
     * {@code text} with the characters XML 1.0 cannot hold (most control characters, lone
     * surrogates) replaced by U+FFFD: a test may print anything, a report parser accepts only XML.
     */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(ok ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }
}
