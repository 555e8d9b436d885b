"""Answers encoding questions with real Twisted, one request per line, for TwistedAgreementTest.

Each request is "<kind> <argument>" (binary data as hex, '-' for empty bytes, '[]' for an empty
list); each answer is one line,
"ok <result>" or "err <exception class>". Kinds:
  int <hex>            Python int() of the bytes, in decimal (what amp.Integer.fromString does)
  utf8 <hex>           the bytes decoded as strict UTF-8, re-encoded as UTF-32BE hex
  box <k:v,k:v>        amp.AmpBox of those hex keys/values, serialized
  parse <hex>          amp.parseString of the bytes: each box re-serialized, joined by '|'
  listof_int <hex>     amp.ListOf(amp.Integer()).fromString of the bytes, decimal, joined by ','
  listof_unicode <h,h> amp.ListOf(amp.Unicode()).toString of the UTF-8 hex strings
  amplist <recs>       amp.AmpList(a: Integer, b: Unicode optional).toStringProto of records
                       'a=<decimal>[;b=<hex utf8>]' joined by '|'
"""
import sys

from twisted.protocols import amp


def unhex(text):
    return b"" if text == "-" else bytes.fromhex(text)


def pairs(text):
    if text == "-":
        return []
    return [tuple(unhex(part) for part in item.split(":")) for item in text.split(",")]


ITEM = amp.AmpList([(b"a", amp.Integer()), (b"b", amp.Unicode(optional=True))])


def record(text):
    fields = dict(field.split("=", 1) for field in text.split(";"))
    out = {"a": int(fields["a"])}
    if "b" in fields:
        out["b"] = unhex(fields["b"]).decode("utf-8")
    return out


def answer(kind, arg):
    if kind == "int":
        return str(int(unhex(arg)))
    if kind == "utf8":
        return unhex(arg).decode("utf-8").encode("utf-32-be").hex() or "-"
    if kind == "box":
        return amp.AmpBox(pairs(arg)).serialize().hex()
    if kind == "parse":
        return "|".join(box.serialize().hex() for box in amp.parseString(unhex(arg))) or "-"
    if kind == "listof_int":
        return ",".join(str(v) for v in amp.ListOf(amp.Integer()).fromString(unhex(arg))) or "-"
    if kind == "listof_unicode":
        values = [] if arg == "[]" else [unhex(v).decode("utf-8") for v in arg.split(",")]
        return amp.ListOf(amp.Unicode()).toString(values).hex() or "-"
    if kind == "amplist":
        records = [] if arg == "[]" else [record(r) for r in arg.split("|")]
        return ITEM.toStringProto(records, None).hex() or "-"
    raise ValueError("unknown request " + kind)


def main():
    for line in sys.stdin:
        kind, _, arg = line.rstrip("\n").partition(" ")
        try:
            sys.stdout.write("ok " + answer(kind, arg) + "\n")
        except Exception as e:  # the class is the answer: the Java side compares refusals
            sys.stdout.write("err " + type(e).__name__ + "\n")
    sys.stdout.flush()


main()
