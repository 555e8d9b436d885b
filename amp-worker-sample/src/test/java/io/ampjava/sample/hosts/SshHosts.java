package io.ampjava.sample.hosts;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separate hosts on this machine: one network namespace per host, joined to the root namespace by
 * a veth pair with addresses of its own, each running Debian's OpenSSH server with key-only
 * authentication and keys made here. Everything it creates is named {@code ampws<pid>...} (the
 * JVM's pid), so {@link #removeStale} can take away what a crashed earlier run left behind
 * without touching a run in progress; {@link #close} takes away its own, whatever happened.
 *
 * <p>Needs root, {@code ip} and {@code /usr/sbin/sshd} (package openssh-server).
 */
final class SshHosts implements AutoCloseable {
    static final String PREFIX = "ampws";
    /** Interface names are at most 15 characters: "aw", a pid of at most 7 digits, a letter, r or n. */
    private static final String LINK_PREFIX = "aw";
    private static final String SSHD = "/usr/sbin/sshd";
    private static final long OWN_PID = ProcessHandle.current().pid();

    /** One host: its namespace, its addresses, its sshd. */
    record Host(String name, String namespace, String rootLink, String address, Process sshd) {}

    private final Path directory;
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final List<String> namespaces = new ArrayList<>();
    private Path createdRunDirectory;

    SshHosts(Path directory) {
        this.directory = directory;
    }

    /** What is missing for this test to run here, or null when nothing is. */
    static String missing() throws IOException {
        if (!isRoot()) {
            return "network namespaces need root";
        }
        for (String tool : List.of("/usr/sbin/ip", "/usr/bin/ssh", "/usr/bin/ssh-keygen", SSHD)) {
            if (!Files.isExecutable(Path.of(tool)) && !(tool.equals("/usr/sbin/ip") && Files.isExecutable(Path.of("/sbin/ip")))) {
                return tool + " is missing (apt-get install -y openssh-server openssh-client iproute2)";
            }
        }
        return null;
    }

    private static boolean isRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return line.split("\\s+")[1].equals("0");
            }
        }
        return false;
    }

    /**
     * Removes the namespaces (and the processes in them) and root-side links of earlier runs whose
     * JVM is gone.
     */
    static void removeStale() throws IOException, InterruptedException {
        Pattern ours = Pattern.compile(LINK_PREFIX + "(\\d+)[a-z]r");
        for (String line : run("ip", "-o", "link", "show").lines().toList()) {
            String[] fields = line.split(":\\s+");
            if (fields.length < 2) {
                continue;
            }
            Matcher link = ours.matcher(fields[1].split("@")[0]);
            if (link.matches() && ProcessHandle.of(Long.parseLong(link.group(1))).isEmpty()) {
                runQuietly("ip", "link", "delete", fields[1].split("@")[0]);
            }
        }
        for (String line : run("ip", "netns", "list").lines().toList()) {
            String namespace = line.split(" ")[0];
            if (!namespace.startsWith(PREFIX + "-")) {
                continue;
            }
            String owner = namespace.substring(PREFIX.length() + 1).split("-")[0];
            boolean alive = owner.chars().allMatch(Character::isDigit) && !owner.isEmpty()
                    && ProcessHandle.of(Long.parseLong(owner)).isPresent();
            if (!alive) {
                removeNamespace(namespace);
            }
        }
    }

    /** Makes the client and host keys. */
    void keys() throws IOException, InterruptedException {
        for (String key : List.of("client_key", "other_key", "host_key")) {
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", key, "-f", directory.resolve(key).toString());
        }
    }

    /**
     * Starts host {@code name} as the {@code number}th namespace; it accepts the client key, or
     * with {@code refuses} only another key.
     */
    Host start(String name, int number, boolean refuses) throws IOException, InterruptedException {
        String namespace = PREFIX + "-" + OWN_PID + "-" + name;
        String link = LINK_PREFIX + OWN_PID + name.charAt(name.length() - 1);
        // A /30 of 198.18.0.0/15 (RFC 2544, for network tests) per host, chosen by pid and number.
        long slot = (OWN_PID % 2048) * 16 + number * 4L;
        String rootAddress = "198." + (18 + slot / 65536) + "." + (slot / 256 % 256) + "." + (slot % 256 + 1);
        String address = "198." + (18 + slot / 65536) + "." + (slot / 256 % 256) + "." + (slot % 256 + 2);
        run("ip", "netns", "add", namespace);
        namespaces.add(namespace);
        run("ip", "link", "add", link + "r", "type", "veth", "peer", "name", link + "n");
        run("ip", "link", "set", link + "n", "netns", namespace);
        run("ip", "addr", "add", rootAddress + "/30", "dev", link + "r");
        run("ip", "link", "set", link + "r", "up");
        run("ip", "netns", "exec", namespace, "ip", "addr", "add", address + "/30", "dev", link + "n");
        run("ip", "netns", "exec", namespace, "ip", "link", "set", link + "n", "up");
        run("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");

        Path authorized = directory.resolve("authorized_keys_" + name);
        Files.copy(directory.resolve((refuses ? "other_key" : "client_key") + ".pub"), authorized);
        Path config = directory.resolve("sshd_" + name + ".conf");
        Files.writeString(config, String.join("\n",
                "ListenAddress " + address,
                "Port 22",
                "HostKey " + directory.resolve("host_key"),
                "PidFile " + directory.resolve("sshd_" + name + ".pid"),
                "AuthorizedKeysFile " + authorized,
                "AuthenticationMethods publickey",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "AllowUsers root",
                "UsePAM no",
                "StrictModes no",
                "LogLevel VERBOSE",
                ""), UTF_8);
        requireRunDirectory();
        Process sshd = new ProcessBuilder("ip", "netns", "exec", namespace, SSHD, "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("sshd_" + name + ".log").toFile())
                .start();
        Host host = new Host(name, namespace, link + "r", address, sshd);
        hosts.put(name, host);
        awaitListening(host);
        return host;
    }

    /** sshd's privilege-separation directory, which only its service unit would make. */
    private void requireRunDirectory() throws IOException {
        Path run = Path.of("/run/sshd");
        if (!Files.isDirectory(run)) {
            Files.createDirectories(run);
            createdRunDirectory = run;
        }
    }

    private void awaitListening(Host host) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host.address(), 22), 500);
                return;
            } catch (IOException notYet) {
                if (!host.sshd().isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("sshd on " + host.name() + " did not start: "
                            + Files.readString(directory.resolve("sshd_" + host.name() + ".log")), notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * The client's ssh configuration: a {@code Host} entry per host, the client key, host keys
     * checked against a known-hosts file of these hosts' keys only.
     */
    Path clientConfig() throws IOException {
        String hostKey = Files.readString(directory.resolve("host_key.pub"), UTF_8).trim();
        StringBuilder knownHosts = new StringBuilder();
        StringBuilder config = new StringBuilder();
        for (Host host : hosts.values()) {
            knownHosts.append(host.address()).append(' ').append(hostKey).append('\n');
            config.append("Host ").append(host.name()).append("\n  HostName ").append(host.address()).append('\n');
        }
        Path known = directory.resolve("known_hosts");
        Files.writeString(known, knownHosts, UTF_8);
        config.append("Host *\n")
                .append("  User root\n")
                .append("  IdentityFile ").append(directory.resolve("client_key")).append('\n')
                .append("  IdentitiesOnly yes\n")
                .append("  UserKnownHostsFile ").append(known).append('\n')
                .append("  GlobalKnownHostsFile /dev/null\n")
                .append("  StrictHostKeyChecking yes\n")
                .append("  ConnectTimeout 10\n")
                .append("  LogLevel ERROR\n");
        Path file = directory.resolve("ssh_config");
        Files.writeString(file, config, UTF_8);
        return file;
    }

    /** Cuts {@code host} off: its link in the root namespace goes down, packets are dropped, no reset is sent. */
    void cut(Host host) throws IOException, InterruptedException {
        run("ip", "link", "set", host.rootLink(), "down");
    }

    /** Brings {@code host}'s link back up (connections that were cut stay lost). */
    void reconnect(Host host) throws IOException, InterruptedException {
        run("ip", "link", "set", host.rootLink(), "up");
    }

    Host byAddress(String address) {
        return hosts.values().stream().filter(host -> host.address().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no host has address " + address));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Host host : hosts.values()) {
            host.sshd().destroyForcibly();
            host.sshd().waitFor(5, TimeUnit.SECONDS);
        }
        for (String namespace : namespaces) {
            removeNamespace(namespace);
        }
        // A namespace lives on while the kernel still holds its sockets (a cut host's connection
        // retransmits for minutes): deleting the root side of the pair takes both ends now.
        for (Host host : hosts.values()) {
            runQuietly("ip", "link", "delete", host.rootLink());
        }
        if (createdRunDirectory != null) {
            try (var entries = Files.list(createdRunDirectory)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(createdRunDirectory);
                }
            }
        }
    }

    /** Kills every process in {@code namespace} (sshd's sessions, their workers), then deletes it and its veth. */
    private static void removeNamespace(String namespace) throws IOException, InterruptedException {
        for (String pid : runQuietly("ip", "netns", "pids", namespace).lines().toList()) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        runQuietly("ip", "netns", "delete", namespace);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }

    private static String runQuietly(String... command) throws InterruptedException {
        try {
            return run(command);
        } catch (IOException e) {
            return "";
        }
    }
}
