"""Connects to a Unix socket, sends one Sum request and says what came back.

Usage: sum_client.py PATH

Prints ANSWER if the server answered, CLOSED if it closed the connection without a byte. Plain
sockets only: the test runs this as other users to check who a server lets in.
"""
import socket
import struct
import sys


def box(*pairs):
    out = b""
    for key, value in pairs:
        out += struct.pack(">H", len(key)) + key + struct.pack(">H", len(value)) + value
    return out + b"\x00\x00"


sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
sock.connect(sys.argv[1])
try:
    sock.sendall(box((b"_ask", b"1"), (b"_command", b"Sum"), (b"a", b"1"), (b"b", b"2")))
    data = sock.recv(65536)
except (ConnectionResetError, BrokenPipeError):
    data = b""
print("ANSWER" if data else "CLOSED", flush=True)
