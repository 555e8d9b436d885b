package io.ampjava.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * One {@code @AmpError} of a command.
 *
 * @param code the error code on the wire
 * @param exception the exception type
 * @param fatal whether the responder closes the connection after sending it
 * @param messageConstructor whether the exception is rebuilt with its {@code (String)} constructor
 *     (else with its no-argument one, and the description is lost)
 * @param checked whether it is a checked exception, which {@code callBlocking} must declare
 * @param pythonName the {@code @AmpError(pythonName)}, empty for the default
 */
public record ErrorModel(String code, ClassName exception, boolean fatal, boolean messageConstructor, boolean checked,
        String pythonName) {}
