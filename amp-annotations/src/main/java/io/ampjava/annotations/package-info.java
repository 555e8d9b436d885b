/**
 * Annotations for declaring AMP commands ({@link io.ampjava.annotations.AmpCommand}) and the
 * methods that answer them ({@link io.ampjava.annotations.Responder}). The {@code amp-processor}
 * annotation processor turns them into serializers, responder locators and call stubs at compile
 * time.
 */
package io.ampjava.annotations;
