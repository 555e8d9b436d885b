"""Writes PEM identities the way Python TLS code does, for the PEM and host name interop tests.

Usage: make_pem.py DIR
  Writes into DIR, then prints "MADE" and exits:
    ca.pem                    a CA certificate (EC P-256)
    NAME.key, NAME.crt        a private key, and the chain: the certificate the CA signed, then the CA's
    NAME.pem                  key and certificate in one file, for Twisted's PrivateCertificate.loadPEM
  for these NAMEs (subject alternative names; key form):
    localhost   DNS:localhost, IP:127.0.0.1; RSA 2048, traditional (BEGIN RSA PRIVATE KEY)
    client      CN "python client", no names; EC P-256, traditional (BEGIN EC PRIVATE KEY)
    other       DNS:other.example; EC P-256, PKCS#8 (BEGIN PRIVATE KEY)
    dns         DNS:localhost; EC P-256, PKCS#8
    ip          IP:127.0.0.1; EC P-256, PKCS#8
  and twisted.pem, CN "twisted client": made with Twisted's own KeyPair and CA signing, written by
  PrivateCertificate.dumpPEM (certificate first, then an RSA key in PKCS#8).
Keys come from pyca/cryptography, which pyOpenSSL and Twisted are built on.
"""
import datetime
import ipaddress
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from twisted.internet import ssl

PEM = serialization.Encoding.PEM
NO_PASSWORD = serialization.NoEncryption()


def name(common_name):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def certificate(subject, key, issuer, issuer_key, is_ca, alternative_names=()):
    now = datetime.datetime.utcnow()
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(subject))
        .issuer_name(name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True)
    )
    if alternative_names:
        builder = builder.add_extension(x509.SubjectAlternativeName(list(alternative_names)), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def write(path, *parts):
    with open(path, "wb") as f:
        f.write(b"".join(parts))


def main(directory):
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = certificate("python test CA", ca_key, "python test CA", ca_key, True)
    ca_pem = ca.public_bytes(PEM)
    write("%s/ca.pem" % directory, ca_pem)

    dns = lambda host: x509.DNSName(host)
    ip = lambda address: x509.IPAddress(ipaddress.ip_address(address))
    identities = [
        ("localhost", "localhost", rsa.generate_private_key(65537, 2048), serialization.PrivateFormat.TraditionalOpenSSL,
         [dns("localhost"), ip("127.0.0.1")]),
        ("client", "python client", ec.generate_private_key(ec.SECP256R1()), serialization.PrivateFormat.TraditionalOpenSSL, []),
        ("other", "other.example", ec.generate_private_key(ec.SECP256R1()), serialization.PrivateFormat.PKCS8,
         [dns("other.example")]),
        ("dns", "localhost", ec.generate_private_key(ec.SECP256R1()), serialization.PrivateFormat.PKCS8, [dns("localhost")]),
        ("ip", "127.0.0.1", ec.generate_private_key(ec.SECP256R1()), serialization.PrivateFormat.PKCS8, [ip("127.0.0.1")]),
    ]
    for file_name, subject, key, key_form, alternative_names in identities:
        leaf = certificate(subject, key, "python test CA", ca_key, False, alternative_names).public_bytes(PEM)
        key_pem = key.private_bytes(PEM, key_form, NO_PASSWORD)
        write("%s/%s.key" % (directory, file_name), key_pem)
        write("%s/%s.crt" % (directory, file_name), leaf, ca_pem)
        write("%s/%s.pem" % (directory, file_name), key_pem, leaf)

    # Twisted's own way: a KeyPair, a request, the CA (a Twisted PrivateCertificate) signs it.
    twisted_ca = ssl.PrivateCertificate.loadPEM(
        ca_key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, NO_PASSWORD) + ca_pem)
    pair = ssl.KeyPair.generate(size=2048)
    request = pair.certificateRequest(ssl.DN(commonName=b"twisted client"))
    signed = twisted_ca.signCertificateRequest(request, lambda dn: True, 1)
    write("%s/twisted.pem" % directory, pair.newCertificate(signed).dumpPEM())
    print("MADE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
