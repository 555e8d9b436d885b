"""A real Twisted AMP peer for StartTLS over a Unix socket, with descriptors before and after.

Usage:
  twisted_unix_tls_peer.py serve PATH DIR
      Listens on the Unix socket PATH, prints "READY", serves connections until killed. Answers
      StartTLS with DIR/server.pem, demanding a client certificate signed by DIR/ca.pem.
  twisted_unix_tls_peer.py connect PATH DIR
      Connects to PATH and plays, printing one line per step, then exits:
        Sum(1, 2); WriteInto(a pipe, "before") and reads the pipe; StartTLS with DIR/client.pem
        (checking the server against DIR/ca.pem) and, without waiting for it, Sum(20, 22);
        Sum(3, 4) and Peer() through TLS; WriteInto(a pipe, "after"), which the Java server
        cannot claim inside TLS: it answers UNKNOWN and closes.

Commands, as the Java tests declare them: Sum(a: Integer, b: Integer) -> total: Integer;
WriteInto(fd: Descriptor, text: Unicode) -> {} writes text into fd and closes it;
OpenPipe(text: Unicode) -> fd: Descriptor, the read end of a pipe holding text;
Peer() -> tls: Boolean, cn: Unicode (the CN of the peer's certificate, "" without TLS).
"""
import os
import sys

from twisted.internet import defer, protocol, reactor, ssl
from twisted.protocols import amp


class Sum(amp.Command):
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class WriteInto(amp.Command):
    arguments = [(b"fd", amp.Descriptor()), (b"text", amp.Unicode())]
    response = []


class OpenPipe(amp.Command):
    arguments = [(b"text", amp.Unicode())]
    response = [(b"fd", amp.Descriptor())]


class Peer(amp.Command):
    arguments = []
    response = [(b"tls", amp.Boolean()), (b"cn", amp.Unicode())]


def say(*words):
    print(*words, flush=True)


def load(directory, name):
    with open(os.path.join(directory, name + ".pem"), "rb") as f:
        return f.read()


class UnixTlsPeer(amp.AMP):
    certificate = None
    authorities = None

    @Sum.responder
    def sum(self, a, b):
        return {"total": a + b}

    @WriteInto.responder
    def write_into(self, fd, text):
        os.write(fd, text.encode("utf-8"))
        os.close(fd)
        return {}

    @OpenPipe.responder
    def open_pipe(self, text):
        read_end, write_end = os.pipe()
        os.write(write_end, text.encode("utf-8"))
        os.close(write_end)
        # Ours stays open until the descriptor has been sent with the answer.
        reactor.callLater(2, os.close, read_end)
        return {"fd": read_end}

    @Peer.responder
    def peer(self):
        if not getattr(self.transport, "TLS", False):
            return {"tls": False, "cn": ""}
        certificate = self.transport.getPeerCertificate()
        return {"tls": True, "cn": certificate.get_subject().CN if certificate is not None else ""}

    @amp.StartTLS.responder
    def start_tls(self):
        return {"tls_localCertificate": self.certificate, "tls_verifyAuthorities": self.authorities}


def serve(path, directory):
    UnixTlsPeer.certificate = ssl.PrivateCertificate.loadPEM(load(directory, "server"))
    UnixTlsPeer.authorities = [ssl.Certificate.loadPEM(load(directory, "ca"))]
    if os.path.exists(path):
        os.unlink(path)
    reactor.listenUNIX(path, protocol.Factory.forProtocol(UnixTlsPeer))
    say("READY")
    reactor.run()


@defer.inlineCallbacks
def play(connection, directory):
    certificate = ssl.PrivateCertificate.loadPEM(load(directory, "client"))
    ca = ssl.Certificate.loadPEM(load(directory, "ca"))
    result = yield connection.callRemote(Sum, a=1, b=2)
    say("SUM", result["total"])
    read_end, write_end = os.pipe()
    yield connection.callRemote(WriteInto, fd=write_end, text="before")
    os.close(write_end)
    say("PIPE", os.read(read_end, 100).decode("utf-8"))
    os.close(read_end)
    upgraded = connection.callRemote(amp.StartTLS, tls_localCertificate=certificate, tls_verifyAuthorities=[ca])
    during = connection.callRemote(Sum, a=20, b=22)
    yield upgraded
    result = yield during
    say("SUM", result["total"])
    result = yield connection.callRemote(Sum, a=3, b=4)
    say("SUM", result["total"])
    peer = yield connection.callRemote(Peer)
    say("PEER", peer["tls"], peer["cn"])
    read_end, write_end = os.pipe()
    try:
        yield connection.callRemote(WriteInto, fd=write_end, text="after")
        say("WROTE", os.read(read_end, 100).decode("utf-8"))
    except amp.UnknownRemoteError as refused:
        say("REFUSED", type(refused).__name__)
    finally:
        os.close(read_end)
        os.close(write_end)


def connect(path, directory):
    done = defer.Deferred()
    lost = defer.Deferred()

    class Client(UnixTlsPeer):
        def connectionLost(self, reason):
            UnixTlsPeer.connectionLost(self, reason)
            lost.callback(None)

    def connected(connection):
        say("CONNECTED")
        play(connection, directory).chainDeferred(done)

    protocol.ClientCreator(reactor, Client).connectUNIX(path).addCallback(connected).addErrback(done.errback)
    done.addCallback(lambda _: lost)
    done.addCallback(lambda _: say("LOST"))
    done.addErrback(lambda failure: say("FAILED", failure.getErrorMessage()))
    done.addBoth(lambda _: reactor.stop())
    reactor.callLater(20, lambda: (say("TIMEOUT"), reactor.stop()))
    reactor.run()


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2], sys.argv[3])
    else:
        connect(sys.argv[2], sys.argv[3])
