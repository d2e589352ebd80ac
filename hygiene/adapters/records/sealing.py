"""Encryption at rest for the folder backend: AES-256-GCM envelopes.

An envelope is ``MAGIC || nonce (12 bytes) || ciphertext || tag (16 bytes)``. The record key is bound in as
associated data, so an envelope copied into another record's directory fails to open instead of passing as
that record's message.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hygiene.errors import ConfigError, RecordMismatchError

MAGIC = b"HYGAEAD1"
NONCE_BYTES = 12


def parse_key(text: str) -> bytes:
    """A 32-byte AES key from its text form: 64 hex digits, or base64 (standard or URL-safe) of 32 bytes.

    Raises:
        ConfigError: the text is not a 256-bit key (the message never contains the text itself).
    """
    text = text.strip()
    candidates: list[bytes] = []
    if len(text) == 64:
        with contextlib.suppress(ValueError):
            candidates.append(bytes.fromhex(text))
    for decode in (base64.b64decode, base64.urlsafe_b64decode):
        with contextlib.suppress(binascii.Error, ValueError):
            candidates.append(decode(text + "=" * (-len(text) % 4)))
    for key in candidates:
        if len(key) == 32:
            return key
    raise ConfigError(
        [
            "records.folder.encryption_key: must be a 256-bit key, written as 64 hex digits or base64 of 32 bytes "
            '(generate one with: python -c "import os,base64;print(base64.b64encode(os.urandom(32)).decode())")'
        ]
    )


class Sealer:
    """Seals and opens byte strings with one AES-256-GCM key."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, plaintext: bytes, *, bound_to: str) -> bytes:
        """The envelope of ``plaintext``, bound to ``bound_to`` (the record key)."""
        nonce = os.urandom(NONCE_BYTES)
        return MAGIC + nonce + self._aead.encrypt(nonce, plaintext, bound_to.encode())

    def open(self, envelope: bytes, *, bound_to: str) -> bytes:
        """The plaintext inside ``envelope``.

        Raises:
            RecordMismatchError: the envelope is malformed, was altered, belongs to another record, or was sealed
                with another key.
        """
        if not envelope.startswith(MAGIC) or len(envelope) < len(MAGIC) + NONCE_BYTES + 16:
            raise RecordMismatchError("the stored message is not an envelope this installation wrote")
        nonce = envelope[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, envelope[len(MAGIC) + NONCE_BYTES :], bound_to.encode())
        except InvalidTag:
            raise RecordMismatchError(
                "the stored message fails authentication (altered, moved, or sealed with another key)"
            ) from None
