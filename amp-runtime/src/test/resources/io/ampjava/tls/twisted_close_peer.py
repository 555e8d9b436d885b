"""A real Twisted AMP peer that reports how each connection ended, for the orderly-close tests.

Usage:
  twisted_close_peer.py serve DIR
      Listens on 127.0.0.1 (any port), prints "READY <port>", serves until killed. Answers StartTLS
      with DIR/server.pem (no client certificate asked). Prints "LOST <reason>" when a connection
      ends: ConnectionDone for a clean end, ConnectionLost (or another) for an unclean one.
  twisted_close_peer.py connect PORT DIR
      Connects to 127.0.0.1:PORT, calls Sum(1, 2), upgrades with StartTLS (checking the server
      against DIR/ca.pem), calls Sum(3, 4), prints "READY", waits for the server to close, prints
      "LOST <reason>" and exits.

Commands: Sum(a: Integer, b: Integer) -> total: Integer; Slow(millis: Integer) -> done: Boolean,
answered after millis.
"""
import os
import sys

from twisted.internet import defer, protocol, reactor, ssl, task
from twisted.protocols import amp


class Sum(amp.Command):
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class Slow(amp.Command):
    arguments = [(b"millis", amp.Integer())]
    response = [(b"done", amp.Boolean())]


def say(*words):
    print(*words, flush=True)


def load(directory, name):
    with open(os.path.join(directory, name + ".pem"), "rb") as f:
        return f.read()


class ClosePeer(amp.AMP):
    certificate = None
    lost = None

    @Sum.responder
    def sum(self, a, b):
        return {"total": a + b}

    @Slow.responder
    def slow(self, millis):
        return task.deferLater(reactor, millis / 1000.0, lambda: {"done": True})

    @amp.StartTLS.responder
    def start_tls(self):
        return {"tls_localCertificate": self.certificate}

    def connectionLost(self, reason):
        amp.AMP.connectionLost(self, reason)
        say("LOST", reason.type.__name__)
        if self.lost is not None:
            self.lost.callback(None)


def serve(directory):
    ClosePeer.certificate = ssl.PrivateCertificate.loadPEM(load(directory, "server"))
    port = reactor.listenTCP(0, protocol.Factory.forProtocol(ClosePeer), interface="127.0.0.1")
    say("READY", port.getHost().port)
    reactor.run()


@defer.inlineCallbacks
def play(connection, directory):
    ca = ssl.Certificate.loadPEM(load(directory, "ca"))
    yield connection.callRemote(Sum, a=1, b=2)
    yield connection.callRemote(amp.StartTLS, tls_verifyAuthorities=[ca])
    yield connection.callRemote(Sum, a=3, b=4)
    say("READY")


def connect(port, directory):
    lost = defer.Deferred()
    ClosePeer.lost = lost

    def connected(connection):
        play(connection, directory).addErrback(lambda failure: say("FAILED", failure.getErrorMessage()))

    protocol.ClientCreator(reactor, ClosePeer).connectTCP("127.0.0.1", port).addCallback(connected)
    lost.addBoth(lambda _: reactor.stop())
    reactor.callLater(20, lambda: (say("TIMEOUT"), reactor.stop()))
    reactor.run()


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2])
    else:
        connect(int(sys.argv[2]), sys.argv[3])
