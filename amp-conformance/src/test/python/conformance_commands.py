"""The conformance command table (shared/interop/peer-commands.md) as Twisted AMP commands.

Both the Twisted peer and the Twisted client driver import this module, so the two sides of a
Twisted-to-Twisted run can never disagree about a wire name, a type or an error code. Wire names
are spelled out as bytes everywhere, exactly as the table gives them.
"""

from twisted.protocols import amp

#: Bytes 0..65535 of a Blob answer are i mod 251: a prime, so no power-of-two period hides bugs.
BLOB_MODULUS = 251
#: The largest Blob answer: the largest AMP value.
BLOB_MAX = 0xFFFF


class DeclaredFailure(Exception):
    """Fail(mode=declared): a declared, non-fatal error."""


class FatalFailure(Exception):
    """Fail(mode=fatal): a declared fatal error; the responder closes after sending it."""


class TooBig(Exception):
    """Blob(size > 65535): a declared, non-fatal error."""


class Sum(amp.Command):
    commandName = b"Sum"
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class Divide(amp.Command):
    commandName = b"Divide"
    arguments = [(b"numerator", amp.Integer()), (b"denominator", amp.Integer())]
    response = [(b"result", amp.Float())]
    errors = {ZeroDivisionError: b"ZERO_DIVISION"}


def _echo_schema():
    # EchoTypes answers with the schema it was asked with: every key optional, same types.
    return [
        (b"integer", amp.Integer(optional=True)),
        (b"string", amp.String(optional=True)),
        (b"unicode", amp.Unicode(optional=True)),
        (b"boolean", amp.Boolean(optional=True)),
        (b"float", amp.Float(optional=True)),
        (b"decimal", amp.Decimal(optional=True)),
        (b"datetime", amp.DateTime(optional=True)),
        (b"path", amp.Path(optional=True)),
        (b"integers", amp.ListOf(amp.Integer(), optional=True)),
        (b"unicodes", amp.ListOf(amp.Unicode(), optional=True)),
        (b"decimals", amp.ListOf(amp.Decimal(), optional=True)),
        (b"datetimes", amp.ListOf(amp.DateTime(), optional=True)),
        (
            b"items",
            amp.AmpList(
                [(b"x", amp.Integer()), (b"label", amp.Unicode(optional=True))],
                optional=True,
            ),
        ),
        (
            b"nested",
            amp.AmpList(
                [
                    (b"name", amp.Unicode()),
                    (b"children", amp.AmpList([(b"x", amp.Integer())])),
                ],
                optional=True,
            ),
        ),
    ]


#: The Python (keyword) names of EchoTypes' arguments; the wire names are the same here.
ECHO_NAMES = [name.decode("ascii") for name, _ in _echo_schema()]


class EchoTypes(amp.Command):
    commandName = b"EchoTypes"
    arguments = _echo_schema()
    response = _echo_schema()


class Fail(amp.Command):
    commandName = b"Fail"
    arguments = [(b"mode", amp.Unicode())]
    response = []
    errors = {DeclaredFailure: b"DECLARED"}
    fatalErrors = {FatalFailure: b"FATAL"}


class Notify(amp.Command):
    commandName = b"Notify"
    arguments = [(b"value", amp.Integer())]
    response = []
    requiresAnswer = False


class LastNotified(amp.Command):
    commandName = b"LastNotified"
    arguments = []
    response = [(b"value", amp.Integer(optional=True))]


class Delay(amp.Command):
    commandName = b"Delay"
    arguments = [(b"millis", amp.Integer()), (b"token", amp.Integer())]
    response = [(b"token", amp.Integer())]


class Goodbye(amp.Command):
    commandName = b"Goodbye"
    arguments = []
    response = []
    responseType = amp.QuitBox


class WriteDescriptor(amp.Command):
    commandName = b"WriteDescriptor"
    arguments = [(b"fd", amp.Descriptor()), (b"data", amp.String())]
    response = [(b"written", amp.Integer())]


class OpenDescriptor(amp.Command):
    commandName = b"OpenDescriptor"
    arguments = [(b"path", amp.Path())]
    response = [(b"fd", amp.Descriptor())]


class Callback(amp.Command):
    commandName = b"Callback"
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class Blob(amp.Command):
    commandName = b"Blob"
    arguments = [(b"size", amp.Integer())]
    response = [(b"data", amp.String())]
    errors = {TooBig: b"TOO_BIG"}


def blob(size):
    """The bytes a Blob(size) answer carries."""
    return bytes(i % BLOB_MODULUS for i in range(size))
