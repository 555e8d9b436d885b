#!/usr/bin/python3
"""Raw-byte probes for an AMP conformance peer: plain sockets, no Twisted.

    raw_probe.py --unix PATH | --tcp HOST:PORT [--only NAME ...] [--jobs N]
                 [--record FILE | --expect FILE] [--list]

Each probe opens its own connection, writes hostile or edge-case bytes (amp-spec.md sections 1-2 and
checklist 6), and records exactly the bytes the peer answers and whether it closes the connection.
Then a fresh connection must be served correctly, so a peer that one connection can break is caught.

How a transcript is taken: after the probe's bytes, read until the peer closes or stays quiet for a
moment; if it is still open, send a sentinel request (Sum, tag "sentinel") and read up to its answer.
The answers before the sentinel's are the probe's transcript, and "closed" is whether the sentinel
went unanswered because the peer closed. The sentinel makes the result independent of timing for
answers computed in order; a probe whose answers may be computed elsewhere (delays, descriptors,
callbacks) first waits for the number of boxes it expects.

--record FILE stores the transcripts (run it against the Twisted peer over both transports; entries
of probes not run are kept). --expect FILE compares against stored transcripts and prints one JSON
line per probe {"probe", "ok", "detail"} and a summary line; the exit status is 1 on any mismatch.
Without either, the transcripts are printed as JSON lines.
"""

import argparse
import array
import concurrent.futures
import errno
import hashlib
import json
import os
import select
import socket
import struct
import sys
import tempfile
import time

# How long the peer may stay silent before we decide it is not going to close by itself.
QUIET = 0.1
# Limit for any single wait: a peer that neither answers nor closes within it is hung.
TIMEOUT = 10.0
# Received bytes longer than this are stored as a digest instead of hex.
HEX_LIMIT = 4096


# ---------------------------------------------------------------------------------------------
# Box encoding, written out by hand so the probes can say exactly which bytes go on the wire.


def key(k):
    if isinstance(k, str):
        k = k.encode("utf-8")
    return struct.pack(">H", len(k)) + k


def value(v):
    if isinstance(v, str):
        v = v.encode("utf-8")
    return struct.pack(">H", len(v)) + v


def box(*pairs, sort=True):
    """A box from (key, value) pairs; sorted like Twisted sends unless sort=False. Duplicates kept."""
    pairs = [(k.encode() if isinstance(k, str) else k, v.encode() if isinstance(v, str) else v) for k, v in pairs]
    if sort:
        pairs = sorted(pairs, key=lambda kv: kv[0])
    return b"".join(key(k) + value(v) for k, v in pairs) + b"\x00\x00"


def request(command, tag="1", *arguments):
    pairs = [("_command", command)] + list(arguments)
    if tag is not None:
        pairs.append(("_ask", tag))
    return box(*pairs)


def listof(*elements):
    return b"".join(value(e) for e in elements)


def parse_boxes(data):
    """Complete boxes in data as lists of (key, value); the unparsed tail length."""
    boxes, offset, current = [], 0, []
    while True:
        if offset + 2 > len(data):
            break
        (klen,) = struct.unpack_from(">H", data, offset)
        if klen == 0:
            boxes.append(current)
            current = []
            offset += 2
            continue
        if offset + 2 + klen + 2 > len(data):
            break
        k = data[offset + 2 : offset + 2 + klen]
        (vlen,) = struct.unpack_from(">H", data, offset + 2 + klen)
        start = offset + 4 + klen
        if start + vlen > len(data):
            break
        current.append((k, data[start : start + vlen]))
        offset = start + vlen
    return boxes, offset


SENTINEL_REQUEST = request("Sum", "sentinel", ("a", "1"), ("b", "2"))
SENTINEL_ANSWER = box(("_answer", "sentinel"), ("total", "3"))
FRESH_REQUEST = request("Sum", "1", ("a", "40"), ("b", "2"))
FRESH_ANSWER = box(("_answer", "1"), ("total", "42"))


# ---------------------------------------------------------------------------------------------
# One probe connection.


class Connection:
    def __init__(self, address):
        self.unix = address[0] == "unix"
        if self.unix:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.connect(address[1])
        else:
            self.sock = socket.create_connection(address[1:], timeout=TIMEOUT)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.setblocking(False)
        self.received = bytearray()
        self.fds = []
        self.closed = False
        self.reset = False

    def send(self, data):
        view = memoryview(data)
        while view:
            try:
                view = view[self.sock.send(view) :]
            except BlockingIOError:
                # Drain what the peer sends meanwhile so neither side can deadlock on full buffers.
                self._pump(0.01)
            except (BrokenPipeError, ConnectionResetError):
                self.closed = True
                return

    def send_with_fd(self, data, fd):
        """Sends data with fd attached to its first byte, as Twisted's UNIX transport does."""
        fds = array.array("i", [fd])
        self.sock.setblocking(True)
        try:
            self.sock.sendmsg([data[:1]], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds.tobytes())])
        finally:
            self.sock.setblocking(False)
        self.send(data[1:])

    def send_bytewise(self, data):
        for i in range(len(data)):
            self.send(data[i : i + 1])
            time.sleep(0.001)

    def _pump(self, wait):
        """Reads what arrives within wait seconds; returns whether anything (or EOF) came."""
        if self.closed:
            return False
        ready, _, _ = select.select([self.sock], [], [], wait)
        if not ready:
            return False
        try:
            if self.unix:
                data, ancillary, _, _ = self.sock.recvmsg(65536, socket.CMSG_SPACE(64 * 4))
                for level, kind, payload in ancillary:
                    if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                        usable = len(payload) - len(payload) % 4
                        self.fds.extend(array.array("i", payload[:usable]))
            else:
                data = self.sock.recv(65536)
        except BlockingIOError:
            return False
        except ConnectionResetError:
            self.closed = self.reset = True
            return True
        if not data:
            self.closed = True
            return True
        self.received += data
        return True

    def read_quiet(self, quiet):
        """Reads until EOF, or until nothing arrives for quiet seconds."""
        deadline = time.monotonic() + TIMEOUT
        while not self.closed and time.monotonic() < deadline:
            if not self._pump(quiet):
                return

    def read_until(self, done):
        deadline = time.monotonic() + TIMEOUT
        while not self.closed and not done(self.received):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self._pump(min(remaining, 0.05))
        return done(self.received)

    def read_box(self, index):
        """Waits for the index-th (0-based) complete box received on this connection."""
        self.read_until(lambda data: len(parse_boxes(bytes(data))[0]) > index)
        boxes = parse_boxes(bytes(self.received))[0]
        return dict(boxes[index]) if len(boxes) > index else None

    def close(self):
        for fd in self.fds:
            os.close(fd)
        self.fds = []
        self.sock.close()


# ---------------------------------------------------------------------------------------------
# The probes.


class Probe:
    """One probe. `boxes` is how many boxes the peer sends before the transcript may end: answers a
    peer may compute off its reading thread (descriptors, delays, callbacks) can legitimately come
    after the sentinel's answer, so the sentinel waits for them."""

    def __init__(self, name, why, send=b"", *, bytewise=False, boxes=0, run=None, transports=("unix", "tcp")):
        self.name = name
        self.why = why
        self.send = send
        self.bytewise = bytewise
        self.boxes = boxes
        self.run = run
        self.transports = transports


PROBES = []


def probe(*args, **kwargs):
    PROBES.append(Probe(*args, **kwargs))


def sum_request(a="13", b="81", tag="1"):
    return request("Sum", tag, ("a", a), ("b", b))


def echo(tag="1", **arguments):
    return request("EchoTypes", tag, *arguments.items())


HUGE = "1" * 58 + "2" * 58  # 116 digits, as in Twisted's ListOfIntegers "huge" vector.

# Framing (spec 1.1-1.2, checklist 1-5, 11-13).
probe("empty_box", "an empty box: NoEmptyBoxes, dropped without an answer", b"\x00\x00")
probe("key_too_long_first", "a key length prefix of 256: dropped at once", b"\x01\x00" + b"k" * 256 + value("v") + b"\x00\x00")
probe("key_too_long_later_key", "an oversize key after a valid pair", key("a") + value("1") + b"\x01\x00" + b"k" * 256)
probe("key_too_long_second_box", "a valid request, then an oversize key", sum_request() + b"\xff\xff")
probe("http_get", "HTTP is not AMP: 0x4745 > 255", b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
probe("no_role_key", "a box with none of _answer/_error/_command", box(("a", "1"), ("b", "2")))
probe("unknown_answer_tag", "an answer nobody asked for", box(("_answer", "99"), ("total", "3")))
probe("unknown_error_tag", "an error nobody asked for", box(("_error", "99"), ("_error_code", "OOPS"), ("_error_description", "x")))
probe("answer_and_command", "_answer wins over _command: an unknown answer", box(("_answer", "5"), ("_ask", "1"), ("_command", "Sum"), ("a", "1"), ("b", "2")))
probe("error_and_command", "_error wins over _command: an unknown error", box(("_error", "5"), ("_ask", "1"), ("_command", "Sum"), ("a", "1"), ("b", "2")))
probe("byte_at_a_time", "a request delivered one byte per write", sum_request(), bytewise=True)
probe("pipelined", "three requests in one write, answered in order", sum_request("1", "2", "1") + sum_request("3", "4", "2") + sum_request("5", "6", "3"))
probe("unsorted_keys", "keys in any order are accepted", box(("b", "2"), ("a", "1"), ("_command", "Sum"), ("_ask", "1"), sort=False))
probe("duplicate_keys", "the last of duplicate keys wins", box(("_ask", "1"), ("_command", "Sum"), ("a", "1"), ("a", "5"), ("b", "2"), sort=False))
probe("tag_zz", "tags are opaque bytes, copied verbatim", sum_request(tag="zz"))
probe("tag_binary", "a non-ASCII tag is copied verbatim too", sum_request(tag=b"\xff\x00t"))
probe("extra_argument", "unknown argument keys are ignored", request("Sum", "1", ("a", "1"), ("b", "2"), ("c", "3")))
probe("key_255", "a 255-byte key is legal", request("Sum", "1", ("a", "1"), ("b", "2"), ("k" * 255, "v")))
probe("value_65535_ignored", "a 65535-byte value under an unknown key", request("Sum", "1", ("a", "1"), ("b", "2"), ("z", b"\x07" * 65535)))
probe("value_65535_echo", "a 65535-byte String echoed", echo(string=bytes(i % 256 for i in range(65535))))
probe("empty_value", "an empty String value", echo(string=b""))

# Dispatch (spec 2.2-2.5, checklist 14-24).
probe("unknown_command", "UNHANDLED, connection stays", request("NoSuchCommand", "1"))
probe("unknown_command_case", "command names are case-sensitive", request("sum", "1", ("a", "1"), ("b", "2")))
probe("unknown_command_empty_name", "an empty command name", request("", "1"))
probe("unknown_command_quote", "the description is Python's bytes repr: a quote", request("Don't", "1"))
probe("unknown_command_both_quotes", "both quote kinds and a backslash", request("It's \"x\" \\", "1"))
probe("unknown_command_controls", "control bytes are escaped in the repr", request(b"a\tb\nc\rd\x01\x7f", "1"))
probe("unknown_command_non_ascii", "a non-ASCII unknown name: dropped, no answer", request("S\u00fcm", "1"))
probe("missing_argument", "a missing required argument: UNKNOWN, then closed", request("Sum", "1", ("a", "1")))
probe("bad_integer", "an unparsable Integer: UNKNOWN, then closed", sum_request("x", "1"))
probe("integer_lenient_sign_space", "Python int() accepts '+5' and ' 13 '", sum_request("+5", " 13 "))
probe("integer_lenient_underscore", "Python int() accepts '1_000'", sum_request("1_000", "1"))
probe("integer_float_text", "'1.0' is not an Integer", sum_request("1.0", "1"))
probe("sum_huge", "arbitrary-precision Integers", sum_request(HUGE, "-" + HUGE[:-1]))
probe("bad_utf8", "invalid UTF-8 in a Unicode argument", echo(unicode=b"\xff"))
probe("bad_boolean", "Boolean accepts only True/False", echo(boolean="true"))
probe("bad_float", "'1,5' is not a Float", echo(float="1,5"))
probe("bad_decimal", "'abc' is not a Decimal", echo(decimal="abc"))
probe("bad_datetime_sign", "a DateTime offset sign must be + or -", echo(datetime="2010-12-25T00:00:00.000000Z00:00"))
probe("bad_datetime_length", "a DateTime is exactly 32 bytes", echo(datetime="2010-12-25T00:00:00-00:00"))
probe("datetime_lenient_separators", "separator bytes are not checked", echo(datetime="2010/12/25 00:00:00.000000+00:00"))
probe("datetime_plus_zero", "+00:00 answers -00:00", echo(datetime="2010-12-25T01:02:03.000004+00:00"))
probe("float_lenient", "Python float() forms answer canonically", echo(float="1e5", tag="1") + echo(float="Infinity", tag="2") + echo(float="-nan", tag="3") + echo(float=" 1.5 ", tag="4"))
probe("decimal_lenient", "Decimal() forms answer canonically", echo(decimal="snan", tag="1") + echo(decimal="inf", tag="2") + echo(decimal="+5", tag="3") + echo(decimal="1e2", tag="4") + echo(decimal="0.0000001", tag="5"))
probe("listof_trailing_garbage", "ListOf ignores an incomplete tail", echo(integers=listof("1") + b"\x00\x05ab"))
probe("listof_empty_element", "ListOf(Integer) with an empty element", echo(integers=b"\x00\x00"))
probe("amplist_trailing_partial", "AmpList ignores a partial box", echo(items=box(("x", "1")) + key("x")))
probe("amplist_missing_field", "an AmpList element without its required field", echo(items=box(("label", "no x"))))
probe("echo_canonical", "every EchoTypes key at once, re-encoded canonically", echo(
    integer="+7", string=b"\x00\xff", unicode="\u2603", boolean="False", float="1e+16", decimal="-0",
    datetime="9876-01-23T12:34:56.054321-01:23", path="/tmp/x y",
    integers=listof("1", "20", "500"), unicodes=listof("\u2603", "Hello"), decimals=listof("1.10", "NaN123", "-sNaN"),
    datetimes=listof("2010-12-25T00:00:00.000000-00:00"),
    items=box(("x", "1"), ("label", "one")) + box(("x", "2")),
    nested=box(("name", "a"), ("children", box(("x", "1")) + box(("x", "2")))) + box(("name", "b"), ("children", b""))))
probe("echo_empty", "no arguments: an answer with no keys", echo())

# Requests without _ask (spec 2.3, 2.5, checklist 16-19).
probe("no_ask_sum", "no _ask: the responder runs, nothing is answered", sum_request(tag=None))
probe("no_ask_unknown_command", "no _ask and no responder: dropped", request("NoSuchCommand", None))
probe("no_ask_missing_argument", "no _ask and a bad request: dropped", request("Sum", None, ("a", "1")))
probe("no_ask_declared_error", "no _ask and a declared error: dropped all the same", request("Fail", None, ("mode", "declared")))
probe("no_ask_goodbye", "no _ask: no answer, so no QuitBox, so no close", request("Goodbye", None))
probe("notify_then_last", "Notify without _ask, then LastNotified", request("Notify", None, ("value", "42")) + request("LastNotified", "1"))
probe("notify_with_ask", "a no-answer command asked for an answer answers", request("Notify", "1", ("value", "7")) + request("LastNotified", "2"))
probe("last_notified_none", "LastNotified before any Notify: no value", request("LastNotified", "1"))

# Errors and command behaviour (spec 2.3, checklist 25-32).
probe("divide", "1/3 as a Python float repr", request("Divide", "1", ("numerator", "1"), ("denominator", "3")))
probe("divide_zero", "a declared error", request("Divide", "1", ("numerator", "1"), ("denominator", "0")) + sum_request(tag="2"))
probe("fail_declared", "declared: error box, connection stays", request("Fail", "1", ("mode", "declared")))
probe("fail_fatal", "fatal: error box, then closed", request("Fail", "1", ("mode", "fatal")))
probe("fail_undeclared", "undeclared: UNKNOWN, then closed", request("Fail", "1", ("mode", "undeclared")))
probe("fail_other", "any other mode: an empty answer", request("Fail", "1", ("mode", "other")))
probe("goodbye", "answered, then closed", request("Goodbye", "1"))
probe("blob_0", "Blob(0)", request("Blob", "1", ("size", "0")))
probe("blob_65535", "the largest Blob", request("Blob", "1", ("size", "65535")))
probe("blob_too_big", "a declared error, connection stays", request("Blob", "1", ("size", "65536")))
probe("delay_out_of_order", "a slow answer does not hold up a quick one",
      request("Delay", "1", ("millis", "300"), ("token", "1")) + request("Delay", "2", ("millis", "100"), ("token", "2")) + sum_request(tag="3"),
      boxes=3)


# Probes in two steps: the second write waits for the first answer. Twisted drops a connection whose
# dataReceived raised without flushing answers still buffered from the same read, so sending both at
# once would make the transcript depend on how the bytes were chunked.
def _after_answer(first, then):
    def run(conn):
        conn.send(first)
        conn.read_box(0)
        conn.send(then)
        return {}

    return run


probe("empty_box_after_request", "a request, its answer, then an empty box: dropped", run=_after_answer(sum_request(), b"\x00\x00"))
probe("unknown_answer_tag_after_request", "a request, its answer, then an unknown answer: dropped",
      run=_after_answer(sum_request(), box(("_answer", "1"), ("total", "94"))))


# Probes that talk back: the peer calls Sum on us during Callback.
def _callback(answer):
    def run(conn):
        conn.send(request("Callback", "1", ("a", "2"), ("b", "3")))
        asked = conn.read_box(0)
        if asked is None or b"_ask" not in asked:
            return {"callback": "no Sum request came"}
        conn.send(answer(asked[b"_ask"]))
        return {}

    return run


probe("callback", "the peer asks us Sum(2, 3); we answer 42 to show it uses our total", boxes=2,
      run=_callback(lambda tag: box(("_answer", tag), ("total", "42"))))
probe("callback_error", "our Sum answer is an undeclared error: UNKNOWN with our description, connection stays", boxes=2,
      run=_callback(lambda tag: box(("_error", tag), ("_error_code", "NOPE"), ("_error_description", "no"))))
probe("callback_unhandled", "our Sum answer is UNHANDLED: the peer answers UNKNOWN and closes", boxes=2,
      run=_callback(lambda tag: box(("_error", tag), ("_error_code", "UNHANDLED"), ("_error_description", "Unhandled Command: b'Sum'"))))


# Descriptors (spec 3.2 Descriptor, checklist 46).
def _write_descriptor(conn):
    read_end, write_end = os.pipe()
    try:
        conn.send_with_fd(request("WriteDescriptor", "1", ("data", "written through a descriptor"), ("fd", "0")), write_end)
        os.close(write_end)
        write_end = None
        conn.read_box(0)
        data = _read_all(read_end)  # EOF only once the peer closed its copy too
    finally:
        os.close(read_end)
        if write_end is not None:
            os.close(write_end)
    return {"pipe": data.hex()}


def _open_descriptor(conn):
    with tempfile.NamedTemporaryFile(prefix="amp-probe-") as f:
        f.write(b"read through a descriptor")
        f.flush()
        conn.send(request("OpenDescriptor", "1", ("path", f.name)))
        answer = conn.read_box(0)
    # The answer names the fd by ordinal; the fd rode on one of the bytes before it.
    if not conn.fds:
        return {"fds": 0}
    content = os.pread(conn.fds[0], 100, 0)
    return {"fds": len(conn.fds), "content": content.decode("ascii", "replace"), "ordinal": answer and answer.get(b"fd", b"").decode()}


def _open_missing(conn):
    conn.send(request("OpenDescriptor", "1", ("path", "/nonexistent/amp-probe")))
    return {}


def _read_all(fd):
    chunks = []
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    return b"".join(chunks) + b"<no EOF: the peer kept the descriptor open>"


probe("write_descriptor", "a pipe's write end travels with the request", run=_write_descriptor, transports=("unix",))
probe("open_descriptor", "a file descriptor travels with the answer", run=_open_descriptor, transports=("unix",))
probe("open_descriptor_tcp", "no descriptors over TCP: UNKNOWN, then closed", request("OpenDescriptor", "1", ("path", "/")),
      boxes=1, transports=("tcp",))
probe("open_descriptor_missing_file", "an unopenable path: UNKNOWN, then closed", run=_open_missing, boxes=1)
probe("write_descriptor_no_fd", "ordinal 0 names no received descriptor", request("WriteDescriptor", "1", ("data", "x"), ("fd", "0")), boxes=1)
probe("write_descriptor_bad_ordinal", "a Descriptor ordinal must be an integer", request("WriteDescriptor", "1", ("data", "x"), ("fd", "x")),
      boxes=1)


# ---------------------------------------------------------------------------------------------
# Running and comparing.


def run_probe(address, p):
    conn = Connection(address)
    extra = {}
    try:
        if p.run is not None:
            extra = p.run(conn)
        elif p.bytewise:
            conn.send_bytewise(p.send)
        else:
            conn.send(p.send)
        conn.read_until(lambda data: len(parse_boxes(bytes(data))[0]) >= p.boxes)
        conn.read_quiet(QUIET)
        hung = False
        if not conn.closed:
            conn.send(SENTINEL_REQUEST)
            hung = not conn.read_until(lambda data: data.endswith(SENTINEL_ANSWER)) and not conn.closed
        received = bytes(conn.received)
        if received.endswith(SENTINEL_ANSWER) and not hung:
            received = received[: -len(SENTINEL_ANSWER)]
        closed = "hung" if hung else conn.closed
    finally:
        conn.close()
    result = {"probe": p.name, "closed": closed, "fresh": fresh_connection_works(address)}
    result.update(encode_received(received))
    if extra:
        result["extra"] = extra
    result["boxes"] = render(received)
    return result


def fresh_connection_works(address):
    try:
        conn = Connection(address)
    except OSError as e:
        return "connect failed: %s" % e
    try:
        conn.send(FRESH_REQUEST)
        return conn.read_until(lambda data: bytes(data) == FRESH_ANSWER)
    finally:
        conn.close()


def encode_received(received):
    if len(received) <= HEX_LIMIT:
        return {"received": received.hex()}
    return {"received_length": len(received), "received_sha256": hashlib.sha256(received).hexdigest()}


def render(received):
    """A readable rendering of the answer boxes for people reading transcripts; never compared."""
    boxes, used = parse_boxes(received)
    shown = []
    for b in boxes:
        shown.append({_text(k): _text(v) for k, v in b})
    if used < len(received):
        shown.append({"<incomplete>": received[used:][:32].hex()})
    return shown


def _text(data, limit=60):
    try:
        text = data.decode("ascii")
        if not text.isprintable():
            raise ValueError
    except (UnicodeDecodeError, ValueError):
        text = "0x" + data.hex()
    return text if len(text) <= limit else "%s...(%d bytes)" % (text[:limit], len(data))


COMPARED = ("closed", "fresh", "received", "received_length", "received_sha256", "extra")


def compare(expected, actual):
    differences = []
    for field in COMPARED:
        if expected.get(field) != actual.get(field):
            differences.append("%s: expected %r, got %r" % (field, expected.get(field), actual.get(field)))
    if differences and "boxes" in expected:
        differences.append("expected boxes %s, got %s" % (expected["boxes"], actual["boxes"]))
    return "; ".join(differences)


def parse_address(args):
    if args.unix:
        return ("unix", args.unix)
    host, _, port = args.tcp.rpartition(":")
    return ("tcp", host or "127.0.0.1", int(port))


def load(path):
    entries = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    entry = json.loads(line)
                    entries[entry["probe"]] = entry
    return entries


def main(argv):
    parser = argparse.ArgumentParser(prog="raw_probe.py", description="Raw-byte probes for an AMP conformance peer.")
    where = parser.add_mutually_exclusive_group(required=False)
    where.add_argument("--unix", metavar="PATH")
    where.add_argument("--tcp", metavar="HOST:PORT")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these probes")
    parser.add_argument("--jobs", type=int, default=8, help="probes run at once (each on its own connection)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--record", metavar="FILE", help="store the transcripts in FILE")
    mode.add_argument("--expect", metavar="FILE", help="compare with the transcripts in FILE")
    parser.add_argument("--list", action="store_true", help="list the probes (name, transports, why; tab-separated) and exit")
    args = parser.parse_args(argv)

    if args.list:
        for p in PROBES:
            print("%s\t%s\t%s" % (p.name, ",".join(p.transports), p.why))
        return 0
    if not (args.unix or args.tcp):
        parser.error("one of --unix or --tcp is required")
    address = parse_address(args)
    known = {p.name for p in PROBES}
    unknown = [name for name in args.only or () if name not in known]
    if unknown:
        parser.error("unknown probe(s): " + ", ".join(unknown))
    chosen = [p for p in PROBES if address[0] in p.transports and (not args.only or p.name in args.only)]

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda p: run_probe(address, p), chosen))

    if args.record:
        entries = load(args.record)
        for p, result in zip(chosen, results):
            result["why"] = p.why
            result["transports"] = list(p.transports)
            entries[p.name] = result
        order = [p.name for p in PROBES if p.name in entries]
        with open(args.record, "w", encoding="utf-8") as f:
            for name in order:
                f.write(json.dumps(entries[name], sort_keys=True, ensure_ascii=False) + "\n")
        print(json.dumps({"summary": {"recorded": len(results), "file": args.record}}))
        return 0

    if not args.expect:
        for result in results:
            print(json.dumps(result, sort_keys=True, ensure_ascii=False))
        return 0

    expected = load(args.expect)
    failed = 0
    for p, result in zip(chosen, results):
        if p.name not in expected:
            ok, detail = False, "no stored transcript for this probe"
        else:
            detail = compare(expected[p.name], result)
            ok = not detail
        failed += not ok
        print(json.dumps({"probe": p.name, "ok": ok, "detail": detail or p.why}, ensure_ascii=False), flush=True)
    print(json.dumps({"summary": {"transport": address[0], "probes": len(results), "passed": len(results) - failed, "failed": failed}}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
