"""Names as Chinese writes them, for templates: `{{ user|chinese_name }}`."""

from django import template

from core.views import chinese_name as _chinese_name

register = template.Library()


@register.filter
def chinese_name(user) -> str:
    """The name of a login: the register's, else family then given name."""
    return _chinese_name(user)
