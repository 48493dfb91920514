"""Ed25519 signatures of an export's checksums: who wrote the export, and that nothing in it changed since.

SHA256SUMS proves the files match their checksums, but anyone who edits a file
can recompute it. Signed with a private key the exporting team keeps, its
signature (`SHA256SUMS.sig`) can be checked by anyone holding the public key
and forged by no one without the private one. Keys are PEM files, as
`openssl genpkey -algorithm ed25519` writes them; a key is read from its file
and never printed, only its fingerprint (the SHA-256 of the raw public key,
16 hex digits).
"""
from __future__ import annotations

import base64
import binascii
import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from tracker.errors import TrackerError

ALGORITHM = "ed25519"


class SigningError(TrackerError):
    """A key that cannot be used, or a signature that does not hold."""


def fingerprint(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _pem(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise SigningError(f"{path}: cannot read the key: {error.strerror or error}") from None


def signing_key(path: Path) -> Ed25519PrivateKey:
    """The private key in the PEM file at `path`."""
    try:
        key = serialization.load_pem_private_key(_pem(path), password=None)
    except TypeError:
        raise SigningError(f"{path}: the key is protected by a passphrase; give an unprotected copy kept "
                           "where only you can read it") from None
    except ValueError:
        raise SigningError(f"{path}: not a private key in PEM form (make one with "
                           "`openssl genpkey -algorithm ed25519 -out FILE`)") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path}: not an Ed25519 key; exports are signed with Ed25519")
    return key


def verifying_key(path: Path) -> Ed25519PublicKey:
    """The public key in the PEM file at `path`, or the public half of a private key there."""
    pem = _pem(path)
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError:
        return signing_key(path).public_key()
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError(f"{path}: not an Ed25519 key; exports are signed with Ed25519")
    return key


def signature(data: bytes, key: Ed25519PrivateKey) -> str:
    """The signature file's one line: the algorithm, the key's fingerprint, the signature of `data`."""
    signed = base64.b64encode(key.sign(data)).decode("ascii")
    return f"{ALGORITHM} {fingerprint(key.public_key())} {signed}\n"


def signer(line: str, where: Path) -> tuple[str, bytes]:
    """The fingerprint and signature a signature file's line holds."""
    parts = line.split()
    try:
        if len(parts) != 3 or parts[0] != ALGORITHM:
            raise ValueError
        return parts[1], base64.b64decode(parts[2], validate=True)
    except (ValueError, binascii.Error):
        raise SigningError(f"{where}: not a signature this tracker writes ({ALGORITHM} FINGERPRINT SIGNATURE)") from None


def check(line: str, data: bytes, key: Ed25519PublicKey, where: Path) -> str:
    """The fingerprint of the key that signed `data`, when `line` is its signature by `key`; else a `SigningError`."""
    signed_by, signed = signer(line, where)
    expected = fingerprint(key)
    if signed_by != expected:
        raise SigningError(f"{where}: signed by key {signed_by}, not by the key given ({expected}); refused")
    try:
        key.verify(signed, data)
    except InvalidSignature:
        raise SigningError(f"{where}: the signature does not match the checksums; the export was altered "
                           "after it was signed") from None
    return signed_by
