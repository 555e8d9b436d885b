"""A peer that accepts one AMP connection, reads requests and never answers them.

Usage: stalling_peer.py unix PATH|tcp - CALLS half|silent

Prints "READY <path or port>" once listening, then waits for CALLS requests (counted by their
_ask keys). With "half" it writes the first half of an answer box; then it prints "STALLED" and
sleeps until it is killed. Plain sockets only: this stands for any peer that dies mid-call.
"""
import socket
import sys
import time

kind, where, calls, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
if kind == "unix":
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(where)
    address = where
else:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    address = str(server.getsockname()[1])
server.listen(1)
print("READY", address, flush=True)

connection, _ = server.accept()
received = b""
while received.count(b"_ask") < calls:
    chunk = connection.recv(65536)
    if not chunk:
        sys.exit(1)
    received += chunk
if mode == "half":
    # _answer: "1", then a key "calls" whose value never comes
    connection.sendall(b"\x00\x07_answer\x00\x011\x00\x05calls\x00")
print("STALLED", flush=True)
time.sleep(120)
