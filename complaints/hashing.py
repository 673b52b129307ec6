"""Receipt codes and the one-way hashes that stand in for secrets.

A receipt code is 16 random digits; only a slow, salted hash of it is stored, so the database
cannot be read back into codes, yet a code typed by the reporter can be looked up (the salt is
the same for the whole site, so equal codes give equal hashes).
"""

import hashlib
import hmac
import secrets

from django.conf import settings

RECEIPT_DIGITS = 16
SCRYPT_PARAMETERS = {"r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}


def _salt(purpose):
    site_salt = settings.COMPLAINTS_HASH_SALT or settings.SECRET_KEY
    return hmac.new(site_salt.encode(), purpose.encode(), hashlib.sha256).digest()


def new_receipt_code():
    """16 digits from the operating system's random source, grouped in fours for reading."""
    digits = "".join(secrets.choice("0123456789") for _ in range(RECEIPT_DIGITS))
    return format_receipt_code(digits)


def format_receipt_code(digits):
    return " ".join(digits[index : index + 4] for index in range(0, RECEIPT_DIGITS, 4))


def normalise_receipt_code(text):
    """The 16 digits of a typed code (spaces and dashes ignored), or None if it is not one."""
    digits = "".join(character for character in text if character.isdigit() and character.isascii())
    stripped = "".join(text.split()).replace("-", "")
    if len(digits) != RECEIPT_DIGITS or stripped != digits:
        return None
    return digits


def receipt_hash(code):
    digits = normalise_receipt_code(code)
    if digits is None:
        raise ValueError("not a receipt code")
    return hashlib.scrypt(
        digits.encode(),
        salt=_salt("complaints:receipt"),
        n=settings.COMPLAINTS_RECEIPT_SCRYPT_N,
        **SCRYPT_PARAMETERS,
    ).hex()


def client_key(address):
    """A cache key for a client address that cannot be turned back into the address."""
    digest = hmac.new(_salt("complaints:client"), address.encode(), hashlib.sha256).hexdigest()
    return digest
