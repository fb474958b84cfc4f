"""Pages that read across apps are assembled from one section per app.

Each app that has something to say provides, in its own module, a function that
takes the request (or the deputy and year) and returns a context dictionary, and
a template that renders it. The portal package lists them here, so that no app
imports an app built on it.
"""

from django.utils.module_loading import import_string

# (function, template) for the public home page, in page order.
HOME_SECTIONS = [
    ("publicity.home.section", "publicity/_home.html"),
    ("reception.home.section", "reception/_home.html"),
    ("deputies.home.section", "deputies/_home.html"),
    ("suggestions.home.section", "suggestions/_home.html"),
    ("workplan.home.section", "workplan/_home.html"),
]


def home_sections(request) -> list[dict]:
    sections = []
    for path, template in HOME_SECTIONS:
        context = import_string(path)(request)
        if context is not None:
            sections.append({"template": template, "context": context})
    return sections


# (function, template) for a deputy's duty archive (履职档案). Each function takes
# (deputy, year) — year None means the whole term — and returns a context
# dictionary, or None when the app has nothing on that deputy.
ARCHIVE_SECTIONS = [
    ("deputies.archive.section", "deputies/_archive.html"),
    ("reception.archive.section", "reception/_archive.html"),
    ("suggestions.archive.section", "suggestions/_archive.html"),
    ("publicity.archive.section", "publicity/_archive.html"),
]


def archive_sections(deputy, year) -> list[dict]:
    sections = []
    for path, template in ARCHIVE_SECTIONS:
        context = import_string(path)(deputy, year)
        if context is not None:
            sections.append({"template": template, "context": context})
    return sections


# (function, template) for a deputy's public profile page (/deputies/<id>/). Each
# function takes the deputy and returns public context only, or None.
PROFILE_SECTIONS = [
    ("reception.profile.section", "reception/_profile.html"),
    ("publicity.profile.section", "publicity/_profile.html"),
]


def profile_sections(deputy) -> list[dict]:
    sections = []
    for path, template in PROFILE_SECTIONS:
        context = import_string(path)(deputy)
        if context is not None:
            sections.append({"template": template, "context": context})
    return sections
