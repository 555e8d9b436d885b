package io.ampjava.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RemoteAmpExceptionTest {
    @Test
    void textReadsLikeTwisted() {
        RemoteAmpException error = new RemoteAmpException("BROKEN", "Something has broken");
        assertEquals("Code<BROKEN>: Something has broken", error.getMessage());
        assertEquals("BROKEN", error.code());
        assertEquals("Something has broken", error.description());
        assertFalse(error.isFatal());
        assertTrue(new RemoteAmpException("BROKEN", "x", true).isFatal());
    }

    @Test
    void unprintableCodeBytesAreEscaped() {
        assertEquals("Code<A\\nB\\x01>: d", new RemoteAmpException("A\nB\u0001", "d").getMessage());
    }

    @Test
    void anUnknownRemoteErrorKeepsItsCode() {
        UnknownRemoteErrorException error = new UnknownRemoteErrorException("UNKNOWN", "Unknown Error");
        assertEquals("Code<UNKNOWN>: Unknown Error", error.getMessage());
        assertEquals("UNKNOWN", error.code());
    }
}
