"""Encryption at rest with Fernet keys from COMPLAINTS_ENCRYPTION_KEYS: complaint content,
handlers' notes and the authorities' webhook secrets.

The first key encrypts; every key decrypts, so a new key can be put in front and the old ones
kept until `manage.py rotate_complaint_keys` has re-encrypted everything with the new one.
"""

import json
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver


@lru_cache(maxsize=1)
def _fernet():
    keys = settings.COMPLAINTS_ENCRYPTION_KEYS
    if not keys:
        raise ImproperlyConfigured(
            "COMPLAINTS_ENCRYPTION_KEYS is empty: complaints cannot be stored unencrypted."
        )
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "COMPLAINTS_ENCRYPTION_KEYS must hold Fernet keys (32 url-safe base64-encoded "
            "bytes), comma-separated, newest first."
        ) from error


@receiver(setting_changed)
def _forget_keys(*, setting, **kwargs):
    if setting == "COMPLAINTS_ENCRYPTION_KEYS":
        _fernet.cache_clear()


def encrypt_json(value):
    return _fernet().encrypt(json.dumps(value, ensure_ascii=False).encode()).decode()


def decrypt_json(token):
    return json.loads(_fernet().decrypt(token.encode()))


def encrypt_text(text):
    return _fernet().encrypt(text.encode()).decode()


def decrypt_text(token):
    return _fernet().decrypt(token.encode()).decode()


def rotate(token):
    """The same content, encrypted with the newest key."""
    return _fernet().rotate(token.encode()).decode()
