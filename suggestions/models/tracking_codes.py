"""Public tracking codes: made to be read aloud, typed back however they are spaced."""

import secrets

# No 0/O, 1/I/L: a code read aloud over the phone or copied by hand stays right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS = 3
CODE_GROUP_SIZE = 4  # 12 characters of 31 symbols: about 59 bits


def new_tracking_code() -> str:
    length = CODE_GROUPS * CODE_GROUP_SIZE
    chars = [secrets.choice(CODE_ALPHABET) for _ in range(length)]
    groups = [
        "".join(chars[i : i + CODE_GROUP_SIZE])
        for i in range(0, len(chars), CODE_GROUP_SIZE)
    ]
    return "-".join(groups)


def normalise_tracking_code(raw: str) -> str:
    """Upper-case, drop spaces and dashes, regroup; look-alikes read as digits."""
    cleaned = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return "-".join(
        cleaned[i : i + CODE_GROUP_SIZE]
        for i in range(0, len(cleaned), CODE_GROUP_SIZE)
    )
