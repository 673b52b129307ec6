"""Text normalised for matching: "Explotación" and "EXPLOTACION" both become "explotacion"."""

import unicodedata


def normalize(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(without_accents.casefold().split())
