"""A peer process that gets itself killed at a chosen point of an AMP exchange.

Usage: fault_peer.py MODE PATH [N]

Client modes (PATH is a listening Unix socket to connect to):
  half-box      send the first half of a Sum request box, then stall
  fds           send two descriptors, each riding one byte of a box whose rest never comes, then stall
  callback      send N "CallMe" requests; the server calls Sum back on us, which we never answer

Server mode (PATH is where to listen):
  stall-fds     accept one connection, take in N requests with their descriptors, never answer

Each mode prints "READY" (server mode, once listening) and "STALLED" once it sits at its chosen
point; then it sleeps until the test kills it with SIGKILL. Plain sockets only: no goodbye, no
Twisted, just a process that vanishes.
"""
import array
import os
import socket
import struct
import sys
import time


def box(*pairs):
    out = b""
    for key, value in pairs:
        out += struct.pack(">H", len(key)) + key + struct.pack(">H", len(value)) + value
    return out + b"\x00\x00"


def stall():
    print("STALLED", flush=True)
    time.sleep(120)
    sys.exit(3)


def connect(path):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(path)
    return sock


def read_until(sock, marker, count):
    received = b""
    while received.count(marker) < count:
        data, fds, _, _ = socket.recv_fds(sock, 65536, 16)
        for fd in fds:
            os.close(fd)
        if not data:
            sys.exit(1)
        received += data
    return received


mode, path = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1

if mode == "half-box":
    sock = connect(path)
    request = box((b"_ask", b"1"), (b"_command", b"Sum"), (b"a", b"1"), (b"b", b"2"))
    sock.sendall(request[: len(request) // 2])
    stall()
elif mode == "fds":
    sock = connect(path)
    request = box((b"_ask", b"1"), (b"_command", b"PassFd"), (b"data", b"x"), (b"fd", b"0"))
    null = os.open("/dev/null", os.O_RDONLY)
    socket.send_fds(sock, [request[:1]], [null])
    socket.send_fds(sock, [request[1:2]], [null])
    stall()
elif mode == "callback":
    sock = connect(path)
    for i in range(count):
        sock.sendall(box((b"_ask", b"%x" % (i + 1)), (b"_command", b"CallMe")))
    read_until(sock, b"_command", count)  # the server's Sum calls, never answered
    stall()
elif mode == "stall-fds":
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    print("READY", flush=True)
    connection, _ = server.accept()
    read_until(connection, b"_ask", count)
    stall()
else:
    sys.exit("unknown mode " + mode)
