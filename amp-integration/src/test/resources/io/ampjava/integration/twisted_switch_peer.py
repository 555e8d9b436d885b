"""A real Twisted AMP peer for the protocol-switch interop tests (Twisted's ProtocolSwitchCommand).

Usage:
  twisted_switch_peer.py serve
      Listens on 127.0.0.1 (any port), prints "READY <port>", serves until killed: Sum, and
      SwitchToEcho, which switches to an echo protocol (answering each chunk with b"ECHO:" + chunk),
      or raises REFUSED for mode "refuse".
  twisted_switch_peer.py connect PORT
      Connects to 127.0.0.1:PORT, prints one line per step, then exits: Sum(1, 2); SwitchToEcho
      refused; Sum(3, 4), AMP still working; SwitchToEcho to a client protocol that sends
      b"hello twisted" and prints what comes back.
"""
import sys

from twisted.internet import defer, protocol, reactor
from twisted.protocols import amp


class Refused(Exception):
    pass


class Sum(amp.Command):
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class SwitchToEcho(amp.ProtocolSwitchCommand):
    arguments = [(b"mode", amp.Unicode())]
    response = []
    errors = {Refused: b"REFUSED"}


def say(*words):
    print(*words, flush=True)


class Echo(protocol.Protocol):
    def dataReceived(self, data):
        self.transport.write(b"ECHO:" + data)


class Switchboard(amp.AMP):
    @Sum.responder
    def sum(self, a, b):
        return {"total": a + b}

    @SwitchToEcho.responder
    def switch(self, mode):
        if mode == "refuse":
            raise Refused("not now")
        return Echo()


class Hello(protocol.Protocol):
    """The protocol a Twisted requester switches to: says hello, prints the echo."""

    def __init__(self, done):
        self.done = done
        self.received = b""

    def connectionMade(self):
        self.transport.write(b"hello twisted")

    def dataReceived(self, data):
        self.received += data
        if len(self.received) >= len(b"ECHO:hello twisted"):
            say("ECHOED", self.received.decode("ascii"))
            self.transport.loseConnection()
            self.done.callback(None)


class HelloFactory(protocol.ClientFactory):
    def __init__(self, done):
        self.done = done

    def buildProtocol(self, address):
        return Hello(self.done)


def serve():
    port = reactor.listenTCP(0, protocol.Factory.forProtocol(Switchboard), interface="127.0.0.1")
    say("READY", port.getHost().port)
    reactor.run()


@defer.inlineCallbacks
def play(connection, done):
    result = yield connection.callRemote(Sum, a=1, b=2)
    say("SUM", result["total"])
    try:
        yield connection.callRemote(SwitchToEcho, HelloFactory(done), mode="refuse")
        say("SWITCHED?")
    except Refused as refused:
        say("REFUSED", refused)
    result = yield connection.callRemote(Sum, a=3, b=4)
    say("SUM", result["total"])
    yield connection.callRemote(SwitchToEcho, HelloFactory(done), mode="echo")
    say("SWITCHED")
    try:
        connection.callRemote(Sum, a=5, b=6)
    except amp.ProtocolSwitched:
        say("LOCKED")


def connect(port):
    done = defer.Deferred()
    creator = protocol.ClientCreator(reactor, Switchboard)
    connected = creator.connectTCP("127.0.0.1", port)
    connected.addCallback(lambda connection: play(connection, done)).addErrback(done.errback)
    done.addErrback(lambda failure: say("FAILED", failure.getErrorMessage()))
    done.addBoth(lambda _: reactor.stop())
    reactor.callLater(20, lambda: (say("TIMEOUT"), reactor.stop()))
    reactor.run()


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve()
    else:
        connect(int(sys.argv[2]))
