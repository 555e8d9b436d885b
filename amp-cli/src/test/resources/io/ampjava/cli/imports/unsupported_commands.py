"""Commands amp-java can declare, beside constructs it cannot: amp import reports each by name."""

from twisted.protocols import amp


class Shout(amp.Argument):
    """An argument with an encoding of its own: upper-case text."""

    def toString(self, inObject):
        return inObject.upper().encode("utf-8")

    def fromString(self, inString):
        return inString.decode("utf-8")


class Fine(amp.Command):
    arguments = [(b"dash-arg", amp.Integer()), (b"class", amp.Unicode(optional=True))]
    response = [(b"items", amp.AmpList([(b"x", amp.Integer())]))]


class Loud(amp.Command):
    arguments = [(b"message", Shout())]


class Reserved(amp.Command):
    arguments = [(b"_private", amp.Integer())]


class Custom(amp.Command):
    arguments = [(b"x", amp.Integer())]

    @classmethod
    def makeArguments(cls, objects, proto):
        return amp.Command.makeArguments.__func__(cls, objects, proto)
