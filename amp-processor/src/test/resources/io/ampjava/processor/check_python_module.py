"""Imports generated Python modules under Twisted and checks what they declare and how they carry values.

    check_python_module.py DIRECTORY MODULE...

Prints one line per command (its name, arguments and response as Twisted sees them) and per large-value
check, and exits non-zero at the first problem.
"""

import importlib
import random
import sys

from twisted.protocols import amp


def describe(argument):
    name = type(argument).__name__
    if isinstance(argument, amp.ListOf):
        name += "(%s)" % describe(argument.elementType)
    elif isinstance(argument, amp.AmpList):
        name += "(%s)" % ", ".join("%s: %s" % (key.decode(), describe(sub)) for key, sub in argument.subargs)
    return name + ("?" if argument.optional else "")


def schema(pairs):
    for key, argument in pairs:
        assert isinstance(key, bytes), key
        assert isinstance(argument, amp.Argument), argument
    return ", ".join("%s: %s" % (key.decode("utf-8"), describe(argument)) for key, argument in pairs)


def commands(module):
    for name in sorted(vars(module)):
        value = getattr(module, name)
        if isinstance(value, type) and issubclass(value, amp.Command) and value.__module__ == module.__name__:
            yield name, value


def round_trip(argument_class, value):
    """value through a box, Twisted's serializer and parser, and back."""

    class Carry(amp.Command):
        arguments = [(b"v", argument_class())]

    box = Carry.makeArguments({"v": value}, None)
    for key, chunk in box.items():
        assert len(key) <= 255 and len(chunk) <= 0xFFFF, key
    received = amp.parseString(box.serialize())[0]
    return Carry.parseArguments(received, None)["v"], received


def refused(argument_class, box, expected):
    class Carry(amp.Command):
        arguments = [(b"v", argument_class())]

    try:
        Carry.parseArguments(amp.AmpBox(box), None)
    except ValueError as error:
        assert expected in str(error), (expected, str(error))
        return
    raise AssertionError("accepted %r" % (box,))


def check_large_values(module):
    generator = random.Random(7)
    for size in (0, 1, 0xFFFF, 0x10000, 10 * 1024 * 1024 + 3):
        value = bytes(generator.getrandbits(8) for _ in range(min(size, 4096))) * (size // 4096 + 1)
        value = value[:size]
        back, box = round_trip(module.LargeString, value)
        assert back == value and box[b"v"] == b"%d" % size, size
        assert len(box) == 1 + -(-size // 0xFFFF), (size, len(box))
        print("LargeString %d bytes in %d keys" % (size, len(box)))
    text = "\u2603 snow " * 500000
    back, box = round_trip(module.LargeUnicode, text)
    assert back == text
    print("LargeUnicode %d characters in %d keys" % (len(text), len(box)))
    refused(module.LargeString, {b"v": b"99999999"}, "claims 99999999 bytes, over the limit of 16777216")
    refused(module.LargeString, {b"v": b"+5"}, "which is not a decimal number of bytes")
    refused(module.LargeString, {b"v": b"70000", b"v.0": b"x" * 0xFFFF}, "but chunk 1 is missing")
    refused(module.LargeString, {b"v": b"3", b"v.0": b"xyz", b"v.1": b""}, "which is not one of its 1 chunk keys")
    refused(module.LargeString, {b"v": b"3", b"v.00": b"xyz"}, "which is not one of its 1 chunk keys")
    refused(module.LargeString, {b"v": b"3", b"v.0": b"xy"}, "has 2 bytes in chunk 0 of 1 where 3 belong")
    print("LargeString refuses bad forms")


def main(directory, *names):
    sys.path.insert(0, directory)
    for name in names:
        module = importlib.import_module(name)
        for class_name, command in commands(module):
            print(
                "%s %s %s(%s) -> (%s) errors=%s fatal=%s requiresAnswer=%s quit=%s"
                % (
                    name,
                    class_name,
                    command.commandName.decode("utf-8"),
                    schema(command.arguments),
                    schema(command.response),
                    sorted((code.decode(), cls.__name__) for cls, code in command.errors.items()),
                    sorted((code.decode(), cls.__name__) for cls, code in command.fatalErrors.items()),
                    command.requiresAnswer,
                    command.responseType is amp.QuitBox,
                )
            )
        if hasattr(module, "LargeString"):
            check_large_values(module)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
