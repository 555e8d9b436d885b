package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwistedPythonTest {
    @Test
    void theInterpreterIsAmpPythonOrDebians() {
        String configured = System.getenv(TwistedPython.AMP_PYTHON);
        Path expected = configured == null || configured.isBlank() ? Path.of("/usr/bin/python3") : Path.of(configured);
        assertEquals(expected, TwistedPython.interpreter());
    }

    @Test
    void aRequiredInterpreterRunsAndAnswers() {
        Path python = TwistedPython.require(TwistedPython.Need.PYTHON);
        assertTrue(Files.isExecutable(python), python.toString());
        assertEquals("3", TwistedPython.output("-c", "import sys; print(sys.version_info[0])"));
    }

    @Test
    void twistedIsImportableWhereItIsRequired() {
        TwistedPython.require(TwistedPython.Need.TWISTED);
        assertTrue(TwistedPython.output("-c", "import twisted; print(twisted.__version__)").matches("\\d+\\.\\d+.*"));
    }

    @Test
    void aMissingInterpreterIsReportedWithHowToInstallIt() {
        assertEquals(Optional.of("/nonexistent/python3 is not an executable file: install it with `apt-get install -y python3`,"
                        + " or point AMP_PYTHON at a Python 3 that has it"),
                TwistedPython.probe(Path.of("/nonexistent/python3"), TwistedPython.Need.PYTHON));
    }

    @Test
    void anInterpreterThatCannotImportWhatIsNeededIsReportedWithItsLastWordAndTheDebianPackages() {
        // The shell stands in for a Python without Twisted: it cannot run the import either.
        Optional<String> problem = TwistedPython.probe(Path.of("/bin/sh"), TwistedPython.Need.TWISTED_TLS);
        assertTrue(problem.isPresent());
        assertTrue(problem.get().startsWith("/bin/sh cannot `import twisted, OpenSSL, service_identity` ("), problem.get());
        assertTrue(problem.get().endsWith("): install it with `apt-get install -y python3-twisted python3-openssl"
                + " python3-service-identity`, or point AMP_PYTHON at a Python 3 that has it"), problem.get());
    }
}
