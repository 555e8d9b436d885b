/*
 * The floor: Unix-socket ping-pong of the bytes an AMP Sum (or WriteDescriptor) call puts on the
 * wire, with no AMP implementation in the way. The server does not parse boxes: every request has
 * the same length, so it counts bytes and answers each complete request with the canned answer.
 * Whatever an AMP runtime does on top of this costs time; nothing can beat this on the same socket.
 *
 *   ampfloor serve PATH
 *   ampfloor respond PATH
 *   ampfloor bench PATH --calls N --outstanding K [--command Sum|WriteDescriptor]
 *
 * "respond" is the least an AMP peer can do: it parses each box, adds Sum's a and b and answers with
 * the request's own tag (WriteDescriptor too), with no allocation and no generality. A client that
 * does real AMP (Twisted's, with varying tags and numbers) cannot use the canned "serve"; against
 * "respond" it meets its own ceiling: what it reaches when the peer costs nearly nothing.
 *
 * Same command line and output as the AMP peers' bench: a last line "calls/s: <number>", and at
 * one outstanding call also "latency p50 us: <x>" / "latency p99 us: <y>".
 * WriteDescriptor passes /dev/null with SCM_RIGHTS in the one sendmsg that carries each request;
 * the server writes the data to it and closes it, as the conformance peers do.
 *
 * Built at run time by the benchmark harness: gcc -O2 -o ampfloor ampfloor.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define BUFFER_BYTES (256 * 1024)
#define MAX_FDS_PER_READ 253

struct frame {
    unsigned char bytes[512];
    size_t length;
};

/* Appends one key/value pair: two big-endian 16-bit lengths, as on the AMP wire. */
static void put(struct frame *f, const char *key, const char *value) {
    size_t k = strlen(key), v = strlen(value);
    f->bytes[f->length++] = (unsigned char)(k >> 8);
    f->bytes[f->length++] = (unsigned char)k;
    memcpy(f->bytes + f->length, key, k);
    f->length += k;
    f->bytes[f->length++] = (unsigned char)(v >> 8);
    f->bytes[f->length++] = (unsigned char)v;
    memcpy(f->bytes + f->length, value, v);
    f->length += v;
}

static void end(struct frame *f) {
    f->bytes[f->length++] = 0;
    f->bytes[f->length++] = 0;
}

/* The bench clients call Sum(i, 1) and WriteDescriptor(/dev/null, "bench"); these are typical bytes
 * of such calls (a five-digit i). Keep in step with amp-peer.jar bench and twisted_bench.py. */
static const char WRITE_DATA[] = "bench";

static void build(int descriptor, struct frame *request, struct frame *answer) {
    memset(request, 0, sizeof *request);
    memset(answer, 0, sizeof *answer);
    /* Keys in unsigned byte order, as every AMP implementation here sends them. */
    if (descriptor) {
        put(request, "_ask", "1");
        put(request, "_command", "WriteDescriptor");
        put(request, "data", WRITE_DATA);
        put(request, "fd", "0");
        put(answer, "_answer", "1");
        put(answer, "written", "5");
    } else {
        put(request, "_ask", "1");
        put(request, "_command", "Sum");
        put(request, "a", "12345");
        put(request, "b", "1");
        put(answer, "_answer", "1");
        put(answer, "total", "12346");
    }
    end(request);
    end(answer);
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

static void write_all(int fd, const unsigned char *bytes, size_t length) {
    while (length > 0) {
        ssize_t n = send(fd, bytes, length, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("send");
        }
        bytes += n;
        length -= (size_t)n;
    }
}

/* One sendmsg of the whole frame with one descriptor (what amp-java does; Twisted sends the
 * descriptor with one byte, then the rest). */
static void write_with_fd(int sock, const unsigned char *bytes, size_t length, int fd) {
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    struct iovec iov = {(void *)bytes, length};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.buf;
    msg.msg_controllen = sizeof control.buf;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    ssize_t n;
    while ((n = sendmsg(sock, &msg, MSG_NOSIGNAL)) < 0) {
        if (errno != EINTR) die("sendmsg");
    }
    write_all(sock, bytes + n, length - (size_t)n);
}

/* A read that also collects descriptors (appended to fds[*fd_count...]); returns bytes read, 0 at end of stream. */
static ssize_t read_some(int sock, unsigned char *buffer, size_t size, int *fds, int *fd_count) {
    union {
        char buf[CMSG_SPACE(sizeof(int) * MAX_FDS_PER_READ)];
        struct cmsghdr align;
    } control;
    struct iovec iov = {buffer, size};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.buf;
    msg.msg_controllen = sizeof control.buf;
    ssize_t n;
    while ((n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC)) < 0) {
        if (errno != EINTR) die("recvmsg");
    }
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
            memcpy(fds + *fd_count, CMSG_DATA(c), (size_t)count * sizeof(int));
            *fd_count += count;
        }
    }
    return n;
}

static void serve_connection(int sock) {
    static unsigned char in[BUFFER_BYTES];
    static unsigned char out[BUFFER_BYTES];
    static int fds[4096];
    struct frame sum_request, sum_answer, fd_request, fd_answer;
    build(0, &sum_request, &sum_answer);
    build(1, &fd_request, &fd_answer);
    /* Which call this connection makes is seen from its first request's length. */
    const struct frame *request = NULL, *answer = NULL;
    size_t pending = 0; /* bytes of an incomplete request */
    int fd_count = 0;
    for (;;) {
        ssize_t n = read_some(sock, in, sizeof in, fds, &fd_count);
        if (n == 0) break;
        if (request == NULL) {
            int descriptor = fd_count > 0;
            request = descriptor ? &fd_request : &sum_request;
            answer = descriptor ? &fd_answer : &sum_answer;
        }
        pending += (size_t)n;
        size_t complete = pending / request->length;
        pending %= request->length;
        size_t out_length = 0;
        for (size_t i = 0; i < complete; i++) {
            if (answer == &fd_answer) {
                int fd = fds[0];
                memmove(fds, fds + 1, (size_t)(--fd_count) * sizeof(int));
                if (write(fd, WRITE_DATA, sizeof WRITE_DATA - 1) < 0) die("write to descriptor");
                close(fd);
            }
            if (out_length + answer->length > sizeof out) {
                write_all(sock, out, out_length);
                out_length = 0;
            }
            memcpy(out + out_length, answer->bytes, answer->length);
            out_length += answer->length;
        }
        if (out_length > 0) write_all(sock, out, out_length);
    }
    for (int i = 0; i < fd_count; i++) close(fds[i]);
    close(sock);
}

/* A box's value for key, or NULL; fields point into the box. */
struct field {
    const unsigned char *bytes;
    size_t length;
};

static int key_is(const unsigned char *key, size_t length, const char *name) {
    return length == strlen(name) && memcmp(key, name, length) == 0;
}

static long parse_long(struct field f) {
    long value = 0;
    int negative = f.length > 0 && f.bytes[0] == '-';
    for (size_t i = negative; i < f.length; i++) value = value * 10 + (f.bytes[i] - '0');
    return negative ? -value : value;
}

/* Parses the boxes in in[0, *length) and appends their answers to out; keeps an incomplete box. */
static size_t respond_to(unsigned char *in, size_t *length, unsigned char *out, int *fds, int *fd_count) {
    size_t at = 0, out_length = 0;
    for (;;) {
        size_t p = at;
        struct field ask = {0}, command = {0}, a = {0}, b = {0}, data = {0};
        int complete = 0;
        while (p + 2 <= *length) {
            size_t k = ((size_t)in[p] << 8) | in[p + 1];
            p += 2;
            if (k == 0) {
                complete = 1;
                break;
            }
            if (p + k + 2 > *length) break;
            const unsigned char *key = in + p;
            p += k;
            size_t v = ((size_t)in[p] << 8) | in[p + 1];
            p += 2;
            if (p + v > *length) break;
            struct field value = {in + p, v};
            if (key_is(key, k, "_ask")) ask = value;
            else if (key_is(key, k, "_command")) command = value;
            else if (key_is(key, k, "a")) a = value;
            else if (key_is(key, k, "b")) b = value;
            else if (key_is(key, k, "data")) data = value;
            p += v;
        }
        if (!complete) break;
        at = p;
        char number[32];
        int descriptor = command.length == 15 && memcmp(command.bytes, "WriteDescriptor", 15) == 0;
        if (descriptor) {
            int fd = fds[0];
            memmove(fds, fds + 1, (size_t)(--*fd_count) * sizeof(int));
            ssize_t written = write(fd, data.bytes, data.length);
            close(fd);
            snprintf(number, sizeof number, "%ld", (long)written);
        } else {
            snprintf(number, sizeof number, "%ld", parse_long(a) + parse_long(b));
        }
        const char *result_key = descriptor ? "written" : "total";
        size_t rk = strlen(result_key), rv = strlen(number);
        out[out_length++] = 0;
        out[out_length++] = 7;
        memcpy(out + out_length, "_answer", 7);
        out_length += 7;
        out[out_length++] = (unsigned char)(ask.length >> 8);
        out[out_length++] = (unsigned char)ask.length;
        memcpy(out + out_length, ask.bytes, ask.length);
        out_length += ask.length;
        out[out_length++] = 0;
        out[out_length++] = (unsigned char)rk;
        memcpy(out + out_length, result_key, rk);
        out_length += rk;
        out[out_length++] = 0;
        out[out_length++] = (unsigned char)rv;
        memcpy(out + out_length, number, rv);
        out_length += rv;
        out[out_length++] = 0;
        out[out_length++] = 0;
    }
    memmove(in, in + at, *length - at);
    *length -= at;
    return out_length;
}

static void respond_connection(int sock) {
    static unsigned char in[BUFFER_BYTES];
    static unsigned char out[2 * BUFFER_BYTES];
    static int fds[4096];
    size_t length = 0;
    int fd_count = 0;
    for (;;) {
        ssize_t n = read_some(sock, in + length, sizeof in - length, fds, &fd_count);
        if (n == 0) break;
        length += (size_t)n;
        size_t out_length = respond_to(in, &length, out, fds, &fd_count);
        if (out_length > 0) write_all(sock, out, out_length);
    }
    for (int i = 0; i < fd_count; i++) close(fds[i]);
    close(sock);
}

static void serve(const char *path, void (*connection)(int)) {
    int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener < 0) die("socket");
    struct sockaddr_un address = {0};
    address.sun_family = AF_UNIX;
    strncpy(address.sun_path, path, sizeof address.sun_path - 1);
    unlink(path);
    if (bind(listener, (struct sockaddr *)&address, sizeof address) < 0) die("bind");
    if (listen(listener, 16) < 0) die("listen");
    printf("READY unix:%s\n", path);
    fflush(stdout);
    for (;;) {
        int sock = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
        if (sock < 0) {
            if (errno == EINTR) continue;
            die("accept");
        }
        connection(sock); /* one client at a time is all a bench needs */
    }
}

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void bench(const char *path, long calls, long outstanding, int descriptor) {
    int sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0) die("socket");
    struct sockaddr_un address = {0};
    address.sun_family = AF_UNIX;
    strncpy(address.sun_path, path, sizeof address.sun_path - 1);
    if (connect(sock, (struct sockaddr *)&address, sizeof address) < 0) die("connect");
    int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (devnull < 0) die("open /dev/null");
    struct frame request, answer;
    build(descriptor, &request, &answer);
    static unsigned char in[BUFFER_BYTES];
    static unsigned char out[BUFFER_BYTES];
    double *latencies = outstanding == 1 ? malloc(sizeof(double) * (size_t)calls) : NULL;
    int no_fds[1];
    int no_fd_count = 0;

    double start = now_us();
    long sent = 0, answered = 0;
    size_t pending = 0;
    double sent_at = 0;
    while (answered < calls) {
        /* Top the window up: K requests in flight, in one write where no descriptor rides along. */
        long room = outstanding - (sent - answered);
        if (room > calls - sent) room = calls - sent;
        if (room > 0) {
            if (descriptor) {
                for (long i = 0; i < room; i++) write_with_fd(sock, request.bytes, request.length, devnull);
            } else {
                size_t length = 0;
                for (long i = 0; i < room; i++) {
                    if (length + request.length > sizeof out) {
                        write_all(sock, out, length);
                        length = 0;
                    }
                    memcpy(out + length, request.bytes, request.length);
                    length += request.length;
                }
                write_all(sock, out, length);
            }
            sent += room;
            sent_at = now_us();
        }
        ssize_t n = read_some(sock, in, sizeof in, no_fds, &no_fd_count);
        if (n == 0) {
            fprintf(stderr, "the server closed the connection\n");
            exit(1);
        }
        pending += (size_t)n;
        long complete = (long)(pending / answer.length);
        pending %= answer.length;
        if (latencies != NULL && complete > 0) latencies[answered] = now_us() - sent_at;
        answered += complete;
    }
    double elapsed = now_us() - start;
    close(sock);
    if (latencies != NULL) {
        qsort(latencies, (size_t)calls, sizeof(double), compare_doubles);
        printf("latency p50 us: %.1f\n", latencies[(size_t)(calls * 0.50)]);
        printf("latency p99 us: %.1f\n", latencies[(size_t)(calls * 0.99)]);
    }
    printf("calls/s: %.0f\n", calls / (elapsed / 1e6));
}

static void usage(void) {
    fprintf(stderr, "usage: ampfloor serve PATH\n"
                    "       ampfloor respond PATH\n"
                    "       ampfloor bench PATH --calls N --outstanding K [--command Sum|WriteDescriptor]\n");
    exit(2);
}

int main(int argc, char **argv) {
    if (argc < 3) usage();
    if (strcmp(argv[1], "serve") == 0) {
        serve(argv[2], serve_connection);
        return 0;
    }
    if (strcmp(argv[1], "respond") == 0) {
        serve(argv[2], respond_connection);
        return 0;
    }
    if (strcmp(argv[1], "bench") != 0) usage();
    long calls = 10000, outstanding = 1;
    int descriptor = 0;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--calls") == 0) calls = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--outstanding") == 0) outstanding = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--command") == 0) {
            if (strcmp(argv[i + 1], "WriteDescriptor") == 0) descriptor = 1;
            else if (strcmp(argv[i + 1], "Sum") != 0) usage();
        } else usage();
    }
    if (calls < 1 || outstanding < 1) usage();
    bench(argv[2], calls, outstanding, descriptor);
    return 0;
}
