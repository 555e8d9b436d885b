/**
 * The key-value protocol: one annotated interface per AMP command, the exceptions its declared
 * errors become, and the size rules both sides follow. The annotation processor generates a
 * {@code <Name>Command} class for each command and {@code EntryElement} for {@link
 * com.example.kv.protocol.Entry}; a Twisted peer declares the same commands in
 * {@code twisted/kv_commands.py}.
 */
package com.example.kv.protocol;
