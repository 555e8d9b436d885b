"""Calls the key-value server from Twisted, on each endpoint given:

    /usr/bin/python3 twisted/kv_client.py --unix /tmp/kv.sock --tcp 127.0.0.1:4242
"""

import argparse
import base64
import tempfile
from urllib.parse import unquote_plus

from twisted.internet import defer, endpoints, task
from twisted.protocols import amp

from kv_commands import Entries, Export, Get, KeyNotFound, PutAll, Put, WaitFor


@defer.inlineCallbacks
def tour(reactor, endpoint, name):
    client = yield endpoints.connectProtocol(endpoint, amp.AMP())
    at = f"[{name}] "
    try:
        yield client.callRemote(Put, key="python/greeting", value=b"hello from Twisted")
        print(at + "put python/greeting")
        answer = yield client.callRemote(Get, key="python/greeting")
        print(at + "get python/greeting: " + answer["value"].decode())
        try:
            yield client.callRemote(Get, key="python/nobody")
        except KeyNotFound as error:
            print(at + f"get python/nobody: KeyNotFound: {error}")

        entries = [{"key": f"python/{name}/{i}", "value": bytes([i]) * i} for i in range(3)]
        answer = yield client.callRemote(PutAll, entries=entries)
        print(at + f"putAll: stored {answer['count']}")

        keys, after, more = [], None, True
        while more:
            page = yield client.callRemote(Entries, after=after, limit=2)
            keys += [entry["key"] for entry in page["entries"]]
            after, more = keys[-1], page["more"]
        print(at + "entries: " + " ".join(keys))

        waiting = client.callRemote(WaitFor, key=f"python/{name}/later").addTimeout(0.2, reactor)
        try:
            yield waiting
        except defer.TimeoutError:
            print(at + "waitFor: timed out")

        if name == "unix":
            # The server writes into our file's descriptor; Descriptor arguments need a Unix socket.
            with tempfile.TemporaryFile() as snapshot:
                answer = yield client.callRemote(Export, target=snapshot.fileno())
                snapshot.seek(0)
                lines = snapshot.read().decode("ascii").splitlines()
            exported = {unquote_plus(key): base64.b64decode(value)
                        for key, value in (line.split("\t") for line in lines)}
            greeting = exported["python/greeting"].decode()
            print(at + f"export: {answer['count']} entries; python/greeting = {greeting}")
    finally:
        client.transport.loseConnection()


@defer.inlineCallbacks
def main(reactor, *argv):
    parser = argparse.ArgumentParser(description="Calls the key-value server from Twisted.")
    parser.add_argument("--unix", help="the server's Unix socket")
    parser.add_argument("--tcp", help="the server's HOST:PORT")
    args = parser.parse_args(argv)
    if args.unix:
        yield tour(reactor, endpoints.UNIXClientEndpoint(reactor, args.unix), "unix")
    if args.tcp:
        host, port = args.tcp.rsplit(":", 1)
        yield tour(reactor, endpoints.TCP4ClientEndpoint(reactor, host, int(port)), "tcp")


if __name__ == "__main__":
    import sys
    task.react(main, sys.argv[1:])
