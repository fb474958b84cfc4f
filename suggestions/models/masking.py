"""Residents' contact details as staff see them by default: masked."""


def mask_phone(phone: str) -> str:
    """138****5678; short numbers keep only their last two digits."""
    if not phone:
        return ""
    if len(phone) >= 11:
        return f"{phone[:3]}****{phone[-4:]}"
    return "*" * max(len(phone) - 2, 0) + phone[-2:]


def mask_name(name: str) -> str:
    if not name:
        return ""
    return name[0] + "*" * max(len(name) - 1, 1)


def mask_address(address: str) -> str:
    if not address:
        return ""
    return address[:3] + "****"


def mask_email(email: str) -> str:
    """z***@example.com: the first letter and the domain."""
    if not email:
        return ""
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else local[:1] + "***"
