"""{% staff_cache "name" "app1 app2" %}...{% endstaff_cache %}

Keeps the enclosed part of a back-office page, per full path and language,
until a row of one of the named apps is saved or deleted or the day ends
(core.pagecache.cached_data). For parts that are the same for everyone allowed
to see the page (the view has checked access): a list's rows, never a form
with a CSRF token or anything of the user's own.
"""

import hashlib

from django import template
from django.utils.safestring import mark_safe

from core import pagecache

register = template.Library()


class StaffCacheNode(template.Node):
    def __init__(self, nodelist, name, apps):
        self.nodelist = nodelist
        self.name = name
        self.apps = apps

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
        return mark_safe(
            pagecache.cached_data(
                f"staff:{self.name.resolve(context)}",
                (path,),
                lambda: str(self.nodelist.render(context)),
                app_labels=tuple(self.apps.resolve(context).split()),
            )
        )


@register.tag("staff_cache")
def do_staff_cache(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a name and a space-separated list of apps"
        )
    nodelist = parser.parse(("endstaff_cache",))
    parser.delete_first_token()
    return StaffCacheNode(
        nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    )
