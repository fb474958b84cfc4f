"""Who may export a register, and who may see its personal data unmasked."""

from .registers import REGISTERS


def may_export(user, register: str) -> bool:
    spec = REGISTERS.get(register)
    return bool(spec and user.is_active and user.has_perm(spec.view_permission))


def may_export_personal(user, register: str) -> bool:
    spec = REGISTERS.get(register)
    return bool(
        spec
        and spec.personal_permission
        and may_export(user, register)
        and user.has_perm(spec.personal_permission)
    )
