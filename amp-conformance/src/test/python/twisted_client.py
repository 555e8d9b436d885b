#!/usr/bin/python3
"""The Twisted client driver: runs every row of the conformance command table against a peer.

    twisted_client.py --unix PATH | --tcp HOST:PORT [--only ROW ...] [--list]

The peer may be the Java peer or the Twisted one. Each row uses fresh connections made with
Twisted's own client, calls the peer with callRemote (typed, as an application would) and, where
the exact bytes matter, with callRemoteString (raw values in, raw values out), and prints one JSON
line {"row", "ok", "detail"}. A final line {"summary": ...} counts them; the exit status is 1 when a
row failed. Descriptor rows run over Unix sockets only and are listed as skipped over TCP.

The client also answers Sum, because Callback makes the peer call Sum back on it. The commands come
from conformance_commands, which amp-java's annotation processor generates from the Java declarations
(amp-conformance/target/generated-sources/annotations, on PYTHONPATH).
"""

import argparse
import datetime
import decimal
import hashlib
import json
import math
import os
import sys
import tempfile

from twisted.internet import defer, endpoints, reactor, task
from twisted.internet.error import ConnectionClosed
from twisted.protocols import amp
from twisted.python.filepath import FilePath

try:
    import conformance_commands as c
except ImportError as missing:
    sys.exit("%s: build amp-conformance (mvn package -pl amp-conformance -am) and put its"
             " target/generated-sources/annotations on PYTHONPATH" % missing)

# Any single row that takes longer than this has hung.
ROW_TIMEOUT = 15.0


class CheckFailed(Exception):
    pass


def check(condition, message, *values):
    if not condition:
        raise CheckFailed(message % values if values else message)


class ClientProtocol(amp.AMP):
    """A client connection that answers Sum (for Callback) and says when it was closed."""

    def __init__(self):
        super().__init__()
        self.sums = []
        # Fires (with None) when the connection is gone; the reason is kept apart.
        self.lost = defer.Deferred()
        self.lost_reason = None

    @c.Sum.responder
    def sum(self, a, b):
        self.sums.append((a, b))
        return {"total": a + b}

    def connectionLost(self, reason):
        super().connectionLost(reason)
        self.lost_reason = reason
        self.lost.callback(None)


class Driver:
    def __init__(self, address):
        self.address = address
        self.unix = address[0] == "unix"
        self.open = []

    async def connect(self):
        if self.unix:
            endpoint = endpoints.UNIXClientEndpoint(reactor, self.address[1])
        else:
            endpoint = endpoints.TCP4ClientEndpoint(reactor, self.address[1], self.address[2])
        conn = await endpoints.connectProtocol(endpoint, ClientProtocol())
        self.open.append(conn)
        return conn

    async def close_all(self):
        for conn in self.open:
            if not conn.lost.called:
                conn.transport.loseConnection()
                await conn.lost
        self.open = []


async def closed_soon(conn, seconds=5.0):
    """Whether the peer closes conn within seconds (without us closing it)."""
    if conn.lost.called:
        return True
    waiter = defer.Deferred()

    def settle(closed):
        if not waiter.called:
            waiter.callback(closed)

    conn.lost.addCallback(lambda _: settle(True))
    timer = reactor.callLater(seconds, settle, False)
    closed = await waiter
    if timer.active():
        timer.cancel()
    return closed


async def still_serves(conn):
    answer = await conn.callRemote(c.Sum, a=1, b=2)
    check(answer["total"] == 3, "Sum after the row answered %r", answer)


async def expect_failure(deferred, kind):
    try:
        result = await deferred
    except kind as e:
        return e
    names = "/".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
    raise CheckFailed("expected %s, got the answer %r" % (names, result))


def raw(answer):
    """An answer box without its tag, as a plain dict of bytes."""
    return {k: v for k, v in answer.items() if k != b"_answer"}


ROWS = []


def row(name, unix_only=False):
    def register(function):
        ROWS.append((name, unix_only, function))
        return function

    return register


# ---- Sum and Divide --------------------------------------------------------------------------

HUGE = int("1" * 58 + "2" * 58)


@row("sum")
async def _(d):
    conn = await d.connect()
    answer = await conn.callRemote(c.Sum, a=13, b=81)
    check(answer == {"total": 94}, "Sum(13, 81) answered %r", answer)
    answer = await conn.callRemoteString(b"Sum", a=b"13", b=b"81")
    check(raw(answer) == {b"total": b"94"}, "raw Sum answered %r", answer)
    return "13 + 81 = 94"


@row("sum_huge")
async def _(d):
    conn = await d.connect()
    for a, b in [(2**64, 1), (HUGE, -HUGE - 1), (-(2**200), 2**199), (0, -1)]:
        answer = await conn.callRemote(c.Sum, a=a, b=b)
        check(answer["total"] == a + b, "Sum(%d, %d) answered %r", a, b, answer)
    return "64-bit overflow, 116 digits, negatives"


@row("divide")
async def _(d):
    conn = await d.connect()
    # Quotients chosen to exercise Python's float repr: fixed and scientific notation, shortest digits.
    cases = [(7, 2, b"3.5"), (1, 3, b"0.3333333333333333"), (10**16, 1, b"1e+16"), (1, 10**5, b"1e-05"),
             (-1, 4, b"-0.25"), (123456789123, 1000, b"123456789.123"), (0, -5, b"-0.0"), (2, 1, b"2.0")]
    for numerator, denominator, wire in cases:
        answer = await conn.callRemoteString(b"Divide", numerator=str(numerator).encode(), denominator=str(denominator).encode())
        check(raw(answer) == {b"result": wire}, "Divide(%d, %d) answered %r, expected %r", numerator, denominator, answer, wire)
        typed = await conn.callRemote(c.Divide, numerator=numerator, denominator=denominator)
        check(typed["result"] == float(wire), "typed Divide(%d, %d) answered %r", numerator, denominator, typed)
    return "%d quotients, byte-exact" % len(cases)


@row("divide_zero")
async def _(d):
    conn = await d.connect()
    error = await expect_failure(conn.callRemote(c.Divide, numerator=1, denominator=0), ZeroDivisionError)
    check(str(error) == "division by zero", "description %r", str(error))
    error = await expect_failure(conn.callRemoteString(b"Divide", numerator=b"1", denominator=b"0"), amp.RemoteAmpError)
    check(error.errorCode == b"ZERO_DIVISION", "code %r", error.errorCode)
    check(error.description == "division by zero", "description %r", error.description)
    await still_serves(conn)
    return "ZERO_DIVISION / division by zero, connection stays"


# ---- EchoTypes: the byte vectors of amp-spec.md 3.2 ------------------------------------------


def listof(*elements):
    return b"".join(len(e).to_bytes(2, "big") + e for e in elements)


def ampbox(*pairs):
    return b"".join(len(k).to_bytes(2, "big") + k + len(v).to_bytes(2, "big") + v for k, v in sorted(pairs)) + b"\x00\x00"


async def echo_vectors(d, key, vectors):
    """Each (sent, answered) pair: the peer must answer exactly these bytes under the same key."""
    conn = await d.connect()
    for sent, answered in vectors:
        answer = await conn.callRemoteString(b"EchoTypes", **{key: sent})
        check(raw(answer) == {key.encode(): answered}, "%s %r answered %r, expected %r", key, sent, raw(answer), answered)
    return "%d %s vectors" % (len(vectors), key)


def same(*values):
    return [(v, v) for v in values]


SNOWMAN = "\u2603".encode()
FLOATS = [b"1.0", b"100.0", b"0.1", b"1.234", b"0.0001", b"1000000000000000.0", b"123456789.123", b"1e+16", b"1.5e+16",
          b"1e-05", b"2.5e-07", b"1e+100", b"1.2345678901234568e+17", b"5e-324", b"1e-310", b"1.7976931348623157e+308",
          b"inf", b"-inf", b"nan", b"-0.0", b"0.0", b"-1.5", b"0.30000000000000004", b"9007199254740992.0"]
DECIMALS = [b"1.10", b"-0", b"1E+2", b"100", b"0.000001", b"1E-7", b"1.5E-9", b"0E+6", b"1E+1000", b"3.141E+5", b"0.00003141",
            b"Infinity", b"-Infinity", b"NaN", b"-NaN", b"sNaN", b"-sNaN", b"NaN123", b"0", b"-1.23E-8",
            b"123456789012345678901234567890.123456789"]
DATETIMES = [b"2010-12-25T00:00:00.000000-00:00", b"2010-12-25T01:02:03.000004+05:30", b"9876-01-23T12:34:56.054321-01:23",
             b"0001-01-01T00:00:00.000000-00:00", b"9999-12-31T23:59:59.999999+18:00", b"2000-02-29T12:00:00.500000-18:00"]
NESTED = (ampbox((b"name", b"a"), (b"children", ampbox((b"x", b"1")) + ampbox((b"x", b"2"))))
          + ampbox((b"name", b"b"), (b"children", b"")))

#: The byte vectors of amp-spec.md 3.2, as (row, EchoTypes key, [(sent, answered)]). Canonical vectors
#: answer what was sent; the "lenient" rows send spellings Python's decoders accept and answer the
#: canonical form. `twisted_client.py --vectors` prints them for the Java client tests.
ECHO_VECTORS = [
    ("echo_integer", "integer", same(b"0", b"13", b"-1", b"18446744073709551616", str(HUGE).encode(), b"-" + str(HUGE).encode())),
    ("echo_integer_lenient", "integer", [(b"+5", b"5"), (b" 13 ", b"13"), (b"1_000", b"1000"), (b"-0", b"0"), (b"007", b"7")]),
    ("echo_string", "string", same(b"", b"hello", bytes(range(256)), b"a\r\nb: c\r\n\r\n", b"\x00" * 1000)),
    ("echo_unicode", "unicode", same(b"", b"hello", SNOWMAN, "\U0001F600".encode(), "\ufeffBOM".encode(), "caf\u00e9 \u65e5\u672c".encode())),
    ("echo_boolean", "boolean", same(b"True", b"False")),
    ("echo_float", "float", same(*FLOATS)),
    ("echo_float_lenient", "float", [(b"1e5", b"100000.0"), (b"Infinity", b"inf"), (b"-nan", b"nan"), (b" 1.5 ", b"1.5"),
                                     (b"1_0.5", b"10.5"), (b"1E16", b"1e+16"), (b"4.9e-324", b"5e-324"), (b"1", b"1.0")]),
    ("echo_decimal", "decimal", same(*DECIMALS)),
    ("echo_decimal_lenient", "decimal", [(b"inf", b"Infinity"), (b"snan", b"sNaN"), (b"+5", b"5"), (b"1e2", b"1E+2"),
                                         (b"0.0000001", b"1E-7"), (b"-nan", b"-NaN"), (b" 1.5 ", b"1.5")]),
    ("echo_datetime", "datetime", same(*DATETIMES) + [(b"2010-12-25T01:02:03.000004+00:00", b"2010-12-25T01:02:03.000004-00:00")]),
    ("echo_datetime_lenient", "datetime", [(b"2010/12/25 00:00:00.000000+00:00", b"2010-12-25T00:00:00.000000-00:00")]),
    # Python's timezone goes up to 23:59; java.time.ZoneOffset stops at 18:00 (docs/interop.md).
    ("echo_datetime_offset_beyond_18h", "datetime", same(b"9999-12-31T23:59:59.999999+23:59", b"2000-02-29T12:00:00.500000-18:01")),
    ("echo_path", "path", same(b"/tmp/x y", "/tmp/\u2603".encode(), b"/")),
    # Twisted decodes a Path into a FilePath, which makes it absolute and normalized (os.path.abspath).
    ("echo_path_normalized", "path", [(b"/tmp//a/./b/../c/", b"/tmp/a/c")]),
    ("echo_integers", "integers", same(b"", listof(b"1"), listof(b"1", b"20", b"500"), listof(b"-1"), listof(str(HUGE).encode()))),
    ("echo_unicodes", "unicodes", same(b"", listof(SNOWMAN, b"Hello"), listof(b""))),
    ("echo_decimals", "decimals", same(b"", listof(b"1.10", b"-0", b"NaN", b"-sNaN", b"Infinity", b"1E+2"))),
    ("echo_datetimes", "datetimes", same(b"", listof(DATETIMES[0]), listof(*DATETIMES))),
    ("echo_items", "items", same(b"", ampbox((b"x", b"7")), ampbox((b"x", b"1"), (b"label", b"one")) + ampbox((b"x", b"2")))
     + [(ampbox((b"x", b"+3"), (b"extra", b"dropped")), ampbox((b"x", b"3")))]),
    ("echo_nested", "nested", same(b"", NESTED)),
]


def _echo_row(name, key, vectors):
    @row(name)
    async def _(d):
        return await echo_vectors(d, key, vectors)


for _name, _key, _vectors in ECHO_VECTORS:
    _echo_row(_name, _key, _vectors)


@row("echo_all_typed")
async def _(d):
    """Every type at once through callRemote: Python values out, the same Python values back."""
    conn = await d.connect()
    tz = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
    sent = {
        "integer": -(2**70), "string": b"\x00\xffbytes", "unicode": "\u2603 snowman", "boolean": False,
        "float": 1.5e16, "decimal": decimal.Decimal("-0"), "datetime": datetime.datetime(2010, 12, 25, 1, 2, 3, 4, tzinfo=tz),
        "path": FilePath("/tmp/x y"), "integers": [1, -20, 2**65], "unicodes": ["\u2603", "Hello", ""],
        "decimals": [decimal.Decimal("1.10"), decimal.Decimal("sNaN")],
        "datetimes": [datetime.datetime(9876, 1, 23, 12, 34, 56, 54321, tzinfo=datetime.timezone(-datetime.timedelta(minutes=83)))],
        "items": [{"x": 1, "label": "one"}, {"x": 2, "label": None}],
        "nested": [{"name": "a", "children": [{"x": 1}, {"x": 2}]}, {"name": "b", "children": []}],
    }
    answer = await conn.callRemote(c.EchoTypes, **sent)
    for name, value in sent.items():
        got = answer[name]
        if name == "path":
            ok = got.path == value.path
        elif name == "decimals":
            ok = [str(x) for x in got] == [str(x) for x in value]
        elif name == "decimal":
            ok = str(got) == str(value)
        else:
            ok = got == value
        check(ok, "%s: sent %r, answered %r", name, value, got)
    nothing = await conn.callRemote(c.EchoTypes)
    check(all(v is None for v in nothing.values()), "EchoTypes() answered %r", nothing)
    bare = await conn.callRemoteString(b"EchoTypes")
    check(raw(bare) == {}, "raw EchoTypes() answered %r", bare)
    return "14 keys round-trip; no keys answers no keys"


@row("echo_float_typed")
async def _(d):
    conn = await d.connect()
    for value in [1.0, 0.1, 1e16, 5e-324, -0.0, float("inf"), 1.7976931348623157e308]:
        answer = await conn.callRemote(c.EchoTypes, float=value)
        check(repr(answer["float"]) == repr(value), "float %r answered %r", value, answer["float"])
    answer = await conn.callRemote(c.EchoTypes, float=float("nan"))
    check(math.isnan(answer["float"]), "nan answered %r", answer["float"])
    return "floats round-trip"


# ---- Errors ----------------------------------------------------------------------------------


@row("fail_declared")
async def _(d):
    conn = await d.connect()
    error = await expect_failure(conn.callRemote(c.Fail, mode="declared"), c.DeclaredFailure)
    check(str(error) == "declared failure", "description %r", str(error))
    error = await expect_failure(conn.callRemoteString(b"Fail", mode=b"declared"), amp.RemoteAmpError)
    check((error.errorCode, error.description) == (b"DECLARED", "declared failure"), "raw error %r", error)
    await still_serves(conn)
    return "DECLARED / declared failure, connection stays"


@row("fail_fatal")
async def _(d):
    conn = await d.connect()
    error = await expect_failure(conn.callRemote(c.Fail, mode="fatal"), c.FatalFailure)
    check(str(error) == "fatal failure", "description %r", str(error))
    check(await closed_soon(conn), "the peer did not close after a fatal error")
    await expect_failure(conn.callRemote(c.Sum, a=1, b=2), ConnectionClosed)
    conn = await d.connect()
    error = await expect_failure(conn.callRemoteString(b"Fail", mode=b"fatal"), amp.RemoteAmpError)
    check((error.errorCode, error.description) == (b"FATAL", "fatal failure"), "raw error %r", error)
    check(await closed_soon(conn), "the peer did not close after a fatal error")
    return "FATAL / fatal failure, then closed"


@row("fail_undeclared")
async def _(d):
    conn = await d.connect()
    error = await expect_failure(conn.callRemote(c.Fail, mode="undeclared"), amp.UnknownRemoteError)
    check(str(error) == "Code<UNKNOWN>: Unknown Error", "error text %r", str(error))
    check(await closed_soon(conn), "the peer did not close after an undeclared error")
    return "UNKNOWN / Unknown Error, then closed"


@row("fail_other")
async def _(d):
    conn = await d.connect()
    answer = await conn.callRemote(c.Fail, mode="anything else")
    check(answer == {}, "answered %r", answer)
    answer = await conn.callRemoteString(b"Fail", mode=b"")
    check(raw(answer) == {}, "raw answer %r", answer)
    await still_serves(conn)
    return "empty answer"


@row("unhandled")
async def _(d):
    conn = await d.connect()
    for name in [b"NoSuchCommand", b"sum", b"SUM", b"Don't"]:
        error = await expect_failure(conn.callRemoteString(name), amp.UnhandledCommand)
        # UnhandledCommand carries (code, description) as its arguments.
        check(error.args == (b"UNHANDLED", "Unhandled Command: %r" % (name,)), "%r: error %r", name, error.args)
    await still_serves(conn)
    return "UNHANDLED with Python's bytes repr, connection stays"


# ---- No answer, out of order, Goodbye, Callback ------------------------------------------------


@row("notify")
async def _(d):
    conn = await d.connect()
    answer = await conn.callRemote(c.LastNotified)
    check(answer == {"value": None}, "LastNotified before Notify answered %r", answer)
    check(conn.callRemote(c.Notify, value=42) is None, "a no-answer callRemote returned something")
    answer = await conn.callRemote(c.LastNotified)
    check(answer == {"value": 42}, "LastNotified answered %r", answer)
    conn.callRemote(c.Notify, value=-(2**80))
    conn.callRemote(c.Notify, value=7)
    answer = await conn.callRemote(c.LastNotified)
    check(answer == {"value": 7}, "LastNotified after two answered %r", answer)
    other = await d.connect()
    answer = await other.callRemote(c.LastNotified)
    check(answer == {"value": None}, "another connection's LastNotified answered %r", answer)
    answer = await conn.callRemoteString(b"Notify", value=b"5")
    check(raw(answer) == {}, "Notify with _ask answered %r", answer)
    return "per-connection memory; no answer unless asked"


@row("delay_out_of_order")
async def _(d):
    conn = await d.connect()
    order = []
    slow = conn.callRemote(c.Delay, millis=400, token=1).addCallback(lambda a: order.append(("slow", a["token"])))
    fast = conn.callRemote(c.Delay, millis=0, token=2).addCallback(lambda a: order.append(("fast", a["token"])))
    quick = conn.callRemote(c.Sum, a=1, b=1).addCallback(lambda a: order.append(("sum", a["total"])))
    await defer.gatherResults([slow, fast, quick])
    check(order[-1] == ("slow", 1), "answers came in the order %r", order)
    check(sorted(order[:2]) == [("fast", 2), ("sum", 2)], "answers came in the order %r", order)
    many = [conn.callRemote(c.Delay, millis=(10 - i) * 60, token=i) for i in range(10)]
    done = []
    for i, call in enumerate(many):
        call.addCallback(lambda a, i=i: done.append((i, a["token"])))
    await defer.gatherResults(many)
    check(all(i == token for i, token in done), "tokens mixed up: %r", done)
    check([i for i, _ in done] == list(range(9, -1, -1)), "ten delays answered in the order %r", done)
    return "answers in completion order: %r" % ([name for name, _ in order],)


@row("goodbye")
async def _(d):
    conn = await d.connect()
    answer = await conn.callRemote(c.Goodbye)
    check(answer == {}, "Goodbye answered %r", answer)
    check(await closed_soon(conn), "the peer did not close after Goodbye")
    return "answered, then closed"


@row("callback")
async def _(d):
    conn = await d.connect()
    answer = await conn.callRemote(c.Callback, a=20, b=22)
    check(answer == {"total": 42}, "Callback answered %r", answer)
    check(conn.sums == [(20, 22)], "the peer called Sum on us with %r", conn.sums)
    answer = await conn.callRemote(c.Callback, a=-(2**100), b=1)
    check(answer == {"total": -(2**100) + 1}, "Callback answered %r", answer)
    return "the peer called our Sum and answered with its total"


# ---- Blob ------------------------------------------------------------------------------------


@row("blob")
async def _(d):
    conn = await d.connect()
    for size in [0, 1, 250, 251, 252, 4096, 65535]:
        answer = await conn.callRemote(c.Blob, size=size)
        expected = bytes(i % 251 for i in range(size))  # the peer's Blob bytes: i mod 251
        check(answer["data"] == expected, "Blob(%d) answered %d wrong bytes", size, len(answer["data"]))
    error = await expect_failure(conn.callRemote(c.Blob, size=65536), c.TooBig)
    check(str(error) == "size too big", "description %r", str(error))
    error = await expect_failure(conn.callRemoteString(b"Blob", size=b"100000"), amp.RemoteAmpError)
    check((error.errorCode, error.description) == (b"TOO_BIG", "size too big"), "raw error %r", error)
    await still_serves(conn)
    return "sizes 0..65535 byte-exact; TOO_BIG above"


# ---- EchoLarge: values over 64 KiB, split across keys ------------------------------------------

#: 10 MiB of bytes that repeat only every 251 * 256 bytes, and text whose UTF-8 chunks end inside characters.
LARGE_DATA = bytes((i * 7 + i // 251) % 256 for i in range(251 * 256)) * 164
LARGE_DATA = LARGE_DATA[: 10 * 1024 * 1024]
LARGE_TEXT = "\u2603\u20acx\U0001F600" * 300000


@row("echo_large")
async def _(d):
    conn = await d.connect()
    answer = await conn.callRemote(c.EchoLarge, data=LARGE_DATA, text=LARGE_TEXT)
    check(answer["digest"] == hashlib.sha256(LARGE_DATA).hexdigest(), "the peer received other bytes: %s", answer["digest"])
    check(answer["data"] == LARGE_DATA, "the %d bytes came back as %d other bytes", len(LARGE_DATA), len(answer["data"]))
    check(answer["text"] == LARGE_TEXT, "the text came back as %d other characters", len(answer["text"]))
    raw_answer = await conn.callRemoteString(b"EchoLarge", **{"data": b"70000", "data.0": b"a" * 0xFFFF,
                                                              "data.1": b"b" * 4465})
    chunks = sorted(k for k in raw(raw_answer) if k.startswith(b"data"))
    check(chunks == [b"data", b"data.0", b"data.1"], "the raw answer's keys: %r", chunks)
    check(raw_answer[b"data"] == b"70000" and raw_answer[b"data.1"] == b"b" * 4465, "the raw answer's values differ")
    empty = await conn.callRemote(c.EchoLarge, data=b"")
    check(empty == {"data": b"", "text": None, "digest": hashlib.sha256(b"").hexdigest()}, "empty: %r", empty)
    await still_serves(conn)
    return "10 MiB of bytes and %d characters each way; the key layout byte-exact" % len(LARGE_TEXT)


@row("echo_large_refused")
async def _(d):
    """Chunk keys of another value mixed in: Twisted's LargeString raises ValueError, so the peer
    answers UNKNOWN and closes, as for any argument it cannot decode."""
    conn = await d.connect()
    error = await expect_failure(conn.callRemoteString(b"EchoLarge", **{"data": b"3", "data.0": b"abc", "data.1": b"def"}),
                                 amp.RemoteAmpError)
    check(error.errorCode == b"UNKNOWN", "code %r", error.errorCode)
    check(error.description == "Unknown Error", "description %r", error.description)
    check(await closed_soon(conn), "the peer kept the connection")
    return "UNKNOWN, then the peer closed"


# ---- Descriptors (Unix sockets) ----------------------------------------------------------------


def read_to_eof(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


@row("write_descriptor", unix_only=True)
async def _(d):
    conn = await d.connect()
    details = []
    for data in [b"through a pipe", b"", bytes(range(256)) * 100]:
        read_end, write_end = os.pipe()
        try:
            answer = await conn.callRemote(c.WriteDescriptor, fd=write_end, data=data)
            os.close(write_end)
            write_end = None
            check(answer == {"written": len(data)}, "WriteDescriptor answered %r for %d bytes", answer, len(data))
            # EOF comes only once every copy of the write end is closed, the peer's included.
            check(read_to_eof(read_end) == data, "the pipe did not carry the %d bytes", len(data))
        finally:
            os.close(read_end)
            if write_end is not None:
                os.close(write_end)
        details.append(len(data))
    await still_serves(conn)
    return "wrote %r bytes; the peer closed its copies" % (details,)


@row("write_descriptor_burst", unix_only=True)
async def _(d):
    """Many descriptor calls in flight: Twisted's transport sends queued descriptors ahead of the
    boxes that name them (each on one byte of earlier data), so the peer holds hundreds at once."""
    conn = await d.connect()
    with tempfile.NamedTemporaryFile(prefix="amp-client-") as f:
        calls = [conn.callRemote(c.WriteDescriptor, fd=f.fileno(), data=b"x") for _ in range(300)]
        answers = await defer.gatherResults(calls)
        check(all(a == {"written": 1} for a in answers), "answers %r", answers[:3])
        check(os.path.getsize(f.name) == 300, "the file holds %d bytes", os.path.getsize(f.name))
    await still_serves(conn)
    return "300 descriptor calls in one burst"


@row("open_descriptor", unix_only=True)
async def _(d):
    conn = await d.connect()
    with tempfile.TemporaryDirectory(prefix="amp-client-") as directory:
        contents = []
        for i in range(3):
            path = os.path.join(directory, "file %d \u2603" % i)
            with open(path, "wb") as f:
                f.write(b"descriptor %d" % i)
            answer = await conn.callRemote(c.OpenDescriptor, path=FilePath(path))
            fd = answer["fd"]
            try:
                contents.append(os.pread(fd, 100, 0))
            finally:
                os.close(fd)
        check(contents == [b"descriptor %d" % i for i in range(3)], "read %r", contents)
    await still_serves(conn)
    return "three files opened by the peer, read through the received fds"


@row("descriptors_both_ways", unix_only=True)
async def _(d):
    """Descriptors in both directions interleaved on one connection keep their ordinals apart."""
    conn = await d.connect()
    with tempfile.NamedTemporaryFile(prefix="amp-client-") as f:
        f.write(b"opened")
        f.flush()
        pipes = [os.pipe() for _ in range(2)]
        try:
            calls = [
                conn.callRemote(c.WriteDescriptor, fd=pipes[0][1], data=b"first"),
                conn.callRemote(c.OpenDescriptor, path=FilePath(f.name)),
                conn.callRemote(c.WriteDescriptor, fd=pipes[1][1], data=b"second"),
            ]
            first, opened, second = await defer.gatherResults(calls)
            for _, w in pipes:
                os.close(w)
            got = [read_to_eof(r) for r, _ in pipes]
            check(got == [b"first", b"second"], "pipes carried %r", got)
            check((first, second) == ({"written": 5}, {"written": 6}), "answers %r %r", first, second)
            try:
                check(os.pread(opened["fd"], 10, 0) == b"opened", "the opened fd reads wrong")
            finally:
                os.close(opened["fd"])
        finally:
            for r, _ in pipes:
                os.close(r)
    return "two sent, one received, in one burst"


# ---- Running ---------------------------------------------------------------------------------


async def run_rows(address, only):
    driver = Driver(address)
    passed = failed = 0
    skipped = []
    for name, unix_only, function in ROWS:
        if only and name not in only:
            continue
        if unix_only and not driver.unix:
            skipped.append(name)
            continue
        try:
            call = defer.ensureDeferred(function(driver))
            call.addTimeout(ROW_TIMEOUT, reactor)
            detail = await call
            ok = True
        except Exception as e:  # every failure is reported as a row, never raised
            ok, detail = False, "%s: %s" % (type(e).__name__, e)
        finally:
            await driver.close_all()
        passed += ok
        failed += not ok
        print(json.dumps({"row": name, "ok": ok, "detail": detail}, ensure_ascii=False), flush=True)
    summary = {"transport": address[0], "rows": passed + failed, "passed": passed, "failed": failed, "skipped": skipped}
    print(json.dumps({"summary": summary}), flush=True)
    return failed


def main(argv):
    parser = argparse.ArgumentParser(prog="twisted_client.py", description="Runs the conformance rows against a peer.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--unix", metavar="PATH")
    where.add_argument("--tcp", metavar="HOST:PORT")
    parser.add_argument("--only", nargs="+", metavar="ROW")
    parser.add_argument("--list", action="store_true", help="list the rows (name, transports; tab-separated) and exit")
    parser.add_argument("--vectors", action="store_true",
                        help="print the EchoTypes byte vectors as JSON lines {row, key, sent, answered} (hex) and exit")
    args = parser.parse_args(argv)
    if args.vectors:
        for name, key, vectors in ECHO_VECTORS:
            for sent, answered in vectors:
                print(json.dumps({"row": name, "key": key, "sent": sent.hex(), "answered": answered.hex()}))
        return 0
    if args.list:
        for name, unix_only, _ in ROWS:
            print("%s\t%s" % (name, "unix" if unix_only else "unix,tcp"))
        return 0
    if args.unix:
        address = ("unix", args.unix)
    elif args.tcp:
        host, _, port = args.tcp.rpartition(":")
        address = ("tcp", host or "127.0.0.1", int(port))
    else:
        parser.error("one of --unix or --tcp is required")
    unknown = [name for name in args.only or () if name not in {n for n, _, _ in ROWS}]
    if unknown:
        parser.error("unknown row(s): " + ", ".join(unknown))

    async def run(_reactor):
        if await run_rows(address, set(args.only or ())):
            raise SystemExit(1)

    task.react(lambda r: defer.ensureDeferred(run(r)))  # exits the process


if __name__ == "__main__":
    main(sys.argv[1:])
