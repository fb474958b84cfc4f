"""{% public_cache "name" "app1 app2" %}...{% endpublic_cache %}

Caches the enclosed content for anonymous visitors until a row of one of the
named apps is saved or deleted (core.pagecache).
"""

from django import template
from django.utils.safestring import mark_safe

from core import pagecache

register = template.Library()


class PublicCacheNode(template.Node):
    def __init__(self, nodelist, name, apps):
        self.nodelist = nodelist
        self.name = name
        self.apps = apps

    def render(self, context):
        name = self.name.resolve(context)
        apps = self.apps.resolve(context).split()
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        return mark_safe(
            pagecache.cached_fragment(
                name, apps, request, lambda: self.nodelist.render(context)
            )
        )


@register.tag("public_cache")
def do_public_cache(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a name and a space-separated list of apps"
        )
    nodelist = parser.parse(("endpublic_cache",))
    parser.delete_first_token()
    return PublicCacheNode(
        nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    )
