"""A real Twisted AMP peer for the StartTLS interop tests.

Usage:
  twisted_tls_peer.py serve DIR IDENTITY VERIFY
      Listens on 127.0.0.1 (any port), prints "READY <port>", serves connections until killed.
      Answers StartTLS with DIR/IDENTITY.pem, and, when VERIFY is "verify", demands a client
      certificate signed by DIR/ca.pem. Prints "TLS <peer CN>" on each Peer call after TLS.
  twisted_tls_peer.py connect PORT DIR IDENTITY SCENARIO
      Connects to 127.0.0.1:PORT and plays SCENARIO, printing one line per step, then exits:
        upgrade  Sum(1, 2); StartTLS with DIR/IDENTITY.pem, verifying against DIR/ca.pem;
                 Sum(3, 4) through TLS; prints the server certificate's CN.
        answer   waits for the peer's StartTLS, answers it with DIR/IDENTITY.pem (verifying the
                 peer against DIR/ca.pem), then calls Sum(20, 22) through TLS.

Commands: Sum(a: Integer, b: Integer) -> total: Integer, and Peer() -> tls: Boolean, cn: Unicode,
sni: Unicode (whether the connection runs TLS, the CN of the peer's certificate, "" without one, and
the server name the TLS client sent, "" without one).
"""
import sys

from twisted.internet import defer, protocol, reactor, ssl
from twisted.protocols import amp


class Sum(amp.Command):
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class Peer(amp.Command):
    arguments = []
    response = [(b"tls", amp.Boolean()), (b"cn", amp.Unicode()), (b"sni", amp.Unicode())]


def say(*words):
    print(*words, flush=True)


def load(directory, name):
    with open("%s/%s.pem" % (directory, name), "rb") as f:
        return f.read()


def peer_cn(transport):
    if not getattr(transport, "TLS", False):
        return None
    certificate = transport.getPeerCertificate()
    if certificate is None:
        return ""
    return certificate.get_subject().CN


class TlsPeer(amp.AMP):
    def __init__(self, certificate, authorities, on_tls_answered=None):
        amp.AMP.__init__(self)
        self.certificate = certificate
        self.authorities = authorities
        self.on_tls_answered = on_tls_answered

    @Sum.responder
    def sum(self, a, b):
        return {"total": a + b}

    @Peer.responder
    def peer(self):
        cn = peer_cn(self.transport)
        sni = b""
        if cn is not None:
            say("TLS", cn or "-")
            sni = self.transport.getHandle().get_servername() or b""
        return {"tls": cn is not None, "cn": cn or "", "sni": sni.decode("ascii")}

    @amp.StartTLS.responder
    def start_tls(self):
        answer = {"tls_localCertificate": self.certificate}
        if self.authorities:
            answer["tls_verifyAuthorities"] = self.authorities
        if self.on_tls_answered is not None:
            reactor.callLater(0, self.on_tls_answered, self)
        return answer


def serve(directory, identity, verify):
    certificate = ssl.PrivateCertificate.loadPEM(load(directory, identity))
    authorities = [ssl.Certificate.loadPEM(load(directory, "ca"))] if verify == "verify" else None
    factory = protocol.Factory.forProtocol(lambda: TlsPeer(certificate, authorities))
    port = reactor.listenTCP(0, factory, interface="127.0.0.1")
    say("READY", port.getHost().port)
    reactor.run()


@defer.inlineCallbacks
def upgrade(connection, certificate, ca):
    result = yield connection.callRemote(Sum, a=1, b=2)
    say("SUM", result["total"])
    yield connection.callRemote(amp.StartTLS, tls_localCertificate=certificate, tls_verifyAuthorities=[ca])
    try:
        result = yield connection.callRemote(Sum, a=3, b=4)
    except Exception as failure:
        say("REFUSED", type(failure).__name__)
        return
    say("SUM", result["total"])
    say("PEER", peer_cn(connection.transport))


def answer(connection, done):
    def answered(proto):
        d = proto.callRemote(Sum, a=20, b=22)

        def summed(result):
            say("SUM", result["total"])
            say("PEER", peer_cn(proto.transport))
            done.callback(None)

        d.addCallbacks(summed, done.errback)

    connection.on_tls_answered = answered


def connect(port, directory, identity, scenario):
    certificate = ssl.PrivateCertificate.loadPEM(load(directory, identity))
    ca = ssl.Certificate.loadPEM(load(directory, "ca"))
    done = defer.Deferred()

    def connected(connection):
        say("CONNECTED")
        if scenario == "upgrade":
            upgrade(connection, certificate, ca).chainDeferred(done)
        else:
            connection.certificate = certificate
            connection.authorities = [ca]
            answer(connection, done)

    def failed(failure):
        say("FAILED", failure.getErrorMessage())

    endpoint = protocol.ClientCreator(reactor, TlsPeer, None, None)
    endpoint.connectTCP("127.0.0.1", port).addCallback(connected).addErrback(done.errback)
    done.addErrback(failed)
    done.addBoth(lambda _: reactor.stop())
    reactor.callLater(20, lambda: (say("TIMEOUT"), reactor.stop()))
    reactor.run()


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        connect(int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])
