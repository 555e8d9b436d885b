"""The key-value commands for Twisted, as the Java server declares them in
src/main/java/com/example/kv/protocol: the same names, keys, types and error codes."""

from twisted.protocols import amp


class KeyNotFound(Exception):
    """Get of a key without a value (NOT_FOUND)."""


class EntryTooLarge(Exception):
    """An entry over the server's limit (TOO_LARGE)."""


class ExportFailed(Exception):
    """Export could not write its snapshot (EXPORT_FAILED)."""


ENTRY = [(b"key", amp.Unicode()), (b"value", amp.String())]


class Put(amp.Command):
    arguments = ENTRY
    response = []
    errors = {EntryTooLarge: b"TOO_LARGE"}


class Get(amp.Command):
    arguments = [(b"key", amp.Unicode())]
    response = [(b"value", amp.String())]
    errors = {KeyNotFound: b"NOT_FOUND"}


class PutAll(amp.Command):
    arguments = [(b"entries", amp.AmpList(ENTRY))]
    response = [(b"count", amp.Integer())]


class Entries(amp.Command):
    arguments = [(b"after", amp.Unicode(optional=True)), (b"limit", amp.Integer())]
    response = [(b"entries", amp.AmpList(ENTRY)), (b"more", amp.Boolean())]


class WaitFor(amp.Command):
    arguments = [(b"key", amp.Unicode())]
    response = [(b"value", amp.String())]


class Watch(amp.Command):
    arguments = [(b"prefix", amp.Unicode())]
    response = []


class Changed(amp.Command):
    """The server's call to a client that watches."""
    arguments = ENTRY
    response = []


class Export(amp.Command):
    arguments = [(b"target", amp.Descriptor())]
    response = [(b"count", amp.Integer())]
    errors = {ExportFailed: b"EXPORT_FAILED"}
