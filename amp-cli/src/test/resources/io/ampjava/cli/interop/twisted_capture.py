#!/usr/bin/python3
"""Records a real AMP exchange between two Twisted protocols, for the amp decode tests.

    /usr/bin/python3 twisted_capture.py DIR

Connects a Twisted client and server in memory, makes calls of several kinds, and writes the bytes
each side sent to DIR/client.amp and DIR/server.amp. Prints one JSON line per box, as Twisted parses
the files again: {"file": "client.amp", "box": {key hex: value hex}}.
"""

import json
import os
import sys

from twisted.internet.testing import StringTransport
from twisted.protocols import amp


class Sum(amp.Command):
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class Divide(amp.Command):
    arguments = [(b"numerator", amp.Integer()), (b"denominator", amp.Integer())]
    response = [(b"result", amp.Float())]
    errors = {ZeroDivisionError: b"ZERO_DIVISION"}


class Store(amp.Command):
    arguments = [(b"data", amp.String()), (b"note", amp.Unicode()), (b"items", amp.ListOf(amp.Integer()))]
    response = []
    requiresAnswer = False


class Server(amp.AMP):
    @Sum.responder
    def sum(self, a, b):
        return {"total": a + b}

    @Divide.responder
    def divide(self, numerator, denominator):
        return {"result": numerator / denominator}

    @Store.responder
    def store(self, data, note, items):
        return {}


def main(directory):
    client, server = amp.AMP(), Server()
    client_transport, server_transport = StringTransport(), StringTransport()
    client.makeConnection(client_transport)
    server.makeConnection(server_transport)
    answers = []
    client.callRemote(Sum, a=13, b=81).addCallback(answers.append)
    client.callRemote(Divide, numerator=1, denominator=0).addErrback(lambda f: answers.append(f.value))
    client.callRemote(Store, data=b"\xff\x00binary", note="caf\u00e9 \u2603", items=[1, 20, 300])
    client.callRemote(Sum, a=2**70, b=-1).addCallback(answers.append)
    sent = client_transport.value()
    server.dataReceived(sent)
    answered = server_transport.value()
    client.dataReceived(answered)
    assert len(answers) == 3, answers
    for name, data in (("client.amp", sent), ("server.amp", answered)):
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)
        for box in amp.parseString(data):
            print(json.dumps({"file": name, "box": {k.hex(): v.hex() for k, v in box.items()}}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
