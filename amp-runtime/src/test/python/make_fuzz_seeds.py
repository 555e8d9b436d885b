#!/usr/bin/env python3
"""Writes the hand-made seed inputs of the Jazzer fuzz tests in io.ampjava.fuzz.

The fuzzer starts from these valid streams and values instead of from nothing, so a short run
reaches deep code at once. Seeds are named seed-<what>; the fuzzer's own finds (kept when they add
coverage) sit beside them. Run from anywhere: python3 make_fuzz_seeds.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
INPUTS = os.path.join(HERE, "..", "resources", "io", "ampjava", "fuzz")


def box(*pairs):
    out = b""
    for key, value in pairs:
        key = key.encode() if isinstance(key, str) else key
        value = value.encode() if isinstance(value, str) else value
        out += struct.pack(">H", len(key)) + key + struct.pack(">H", len(value)) + value
    return out + b"\x00\x00"


def list_of(*elements):
    return b"".join(struct.pack(">H", len(e)) + e for e in (x.encode() if isinstance(x, str) else x for x in elements))


# The value of every FuzzTypes entry, in FuzzTypes order (the types fuzz test picks one by index).
VALUES = [
    ("integer", b"-123456789012345678901234567890"),
    ("int", b"2147483647"),
    ("long", b"-9223372036854775808"),
    ("string", b"\x00\xffbytes"),
    ("unicode", "caf\u00e9 \u2603".encode()),
    ("boolean", b"True"),
    ("float", b"1.5e+300"),
    ("decimal", b"-1.2300E+5"),
    ("ampdecimal", b"sNaN123"),
    ("datetime", b"9876-01-23T12:34:56.054321-01:23"),
    ("path", b"/tmp/x y"),
    ("fd", b"0"),
    ("integers", list_of("1", "20", "-500")),
    ("strings", list_of(b"", b"\x00")),
    ("unicodes", list_of("\u2603", "")),
    ("booleans", list_of("True", "False")),
    ("floats", list_of("nan", "-inf", "0.1")),
    ("decimals", list_of("Infinity", "1E-7")),
    ("datetimes", list_of("2012-01-23T12:34:56.054321-00:00")),
    ("paths", list_of("/", "relative/p")),
    ("items", box(("x", "1"), ("label", "one")) + box(("x", "2"))),
    ("nested", box(("name", "n"), ("children", box(("x", "7"))))),
    ("tree", box(("value", "1"), ("children", box(("value", "2"), ("children", box(("value", "3"))))))),
]


def write(directory, name, data):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "seed-" + name), "wb") as f:
        f.write(data)


def types_seeds():
    directory = os.path.join(INPUTS, "ArgumentTypesFuzzTestInputs", "decodeAnyType")
    for index, (name, value) in enumerate(VALUES):
        # FuzzedDataProvider takes the type index from the last byte, the value from the front.
        write(directory, name, value + bytes([index]))


def decoder_seeds():
    directory = os.path.join(INPUTS, "BoxDecoderFuzzTestInputs", "decodeInPieces")
    trailer = struct.pack(">q", 7) + struct.pack(">H", 3) + b"\x01"  # seed, piece size, default key limit
    streams = {
        "sum": box(("_command", "Sum"), ("_ask", "1"), ("a", "13"), ("b", "81"), ("Z", "z")),
        "two-boxes": box(("k", "v")) + box(("K", "w"), ("k", "x")),
        "empty-value": box(("k", "")),
        "empty-box": b"\x00\x00",
        "long-key": box(("k" * 255, "v")),
        "key-too-long": b"\x01\x00",
        "http": b"GET / HTTP/1.1\r\n\r\n",
        "truncated": box(("key", "value"))[:-3],
    }
    for name, stream in streams.items():
        write(directory, name, stream + trailer)


def connection_seeds():
    directory = os.path.join(INPUTS, "ConnectionFuzzTestInputs", "feedBytes")
    # Trailer, read from the end: descriptors on, 3 calls made first, pieces of up to ~64 bytes, a seed.
    trailer = struct.pack(">q", 11) + struct.pack(">H", 64) + b"\x03" + b"\x01"
    echo_all = box(("_command", "Echo"), ("_ask", "a"), *VALUES)
    streams = {
        "echo-all": echo_all,
        "echo-fd": box(("_command", "Echo"), ("_ask", "1"), ("fd", "0"), ("unicode", "x")),
        "answers": box(("_answer", "1"), ("integer", "5")) + box(("_answer", "2"), ("integers", list_of("1")))
        + box(("_error", "3"), ("_error_code", "UNHANDLED"), ("_error_description", "no")),
        "fail-modes": box(("_command", "Fail"), ("_ask", "1"), ("mode", "declared"))
        + box(("_command", "Fail"), ("_ask", "2"), ("mode", "other"))
        + box(("_command", "Fail"), ("_ask", "3"), ("mode", "undeclared")),
        "fatal": box(("_command", "Fail"), ("_ask", "1"), ("mode", "fatal")),
        "goodbye": box(("_command", "Echo"), ("_ask", "1")) + box(("_command", "Goodbye"), ("_ask", "2")),
        "unhandled": box(("_command", "Nope"), ("_ask", "1")) + box(("_command", "Echo"), ("int", "x"), ("_ask", "2")),
        "no-ask": box(("_command", "Echo"), ("int", "1")) + box(("_command", "Echo"), ("int", "bad")),
        "unknown-tag": box(("_answer", "ff")),
        "no-role": box(("a", "b")),
    }
    for name, stream in streams.items():
        write(directory, name, stream + trailer)


if __name__ == "__main__":
    types_seeds()
    decoder_seeds()
    connection_seeds()
