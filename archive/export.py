"""The duty archive as PDF (WeasyPrint) and Word (python-docx) files.

Both are made from the same HTML as the page, so every app's section appears in
the files without the exporters knowing the apps. Pictures are read from the
media storage (a folder or the bucket) and static files only: the renderer never
fetches from the network. Private pictures, which the page addresses through an
authorised view (PRIVATE_PICTURES), are read from their row's storage.
"""

import contextlib
import io
import logging
import mimetypes
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

CJK_FONT = "WenQuanYi Micro Hei"
DOCX_FONT = "宋体"
# A fake origin: page URLs are resolved against it and mapped to local files.
BASE_URL = "http://archive.local/"
# Pictures kept out of the public folders, each addressed by an authorised
# view: its URL name -> the model and the file field behind it. The archive
# shows only its deputy's own, and the files are made for that deputy or for
# staff, who may see them: the exporter reads them without asking again.
PRIVATE_PICTURES = {"reception:session_photo": ("reception.SessionPhoto", "image")}


def local_bytes(url: str) -> bytes | None:
    """The content behind a /media/ or /static/ URL or a private picture's
    view (PRIVATE_PICTURES), or None.

    Media are read through the media storage, so that pictures in a bucket
    (MEDIA_STORAGE=s3) appear in the files as they do from a folder.
    """
    path = unquote(urlparse(url).path)
    media = settings.MEDIA_URL
    if path.startswith(media):
        name = path[len(media) :]
        if not name or name.startswith("/") or ".." in name.split("/"):
            return None
        try:
            with default_storage.open(name, "rb") as stored:
                return stored.read()
        except (OSError, SuspiciousFileOperation):
            return None
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        return Path(found).read_bytes() if found else None
    return private_picture_bytes(path)


def private_picture_bytes(path: str) -> bytes | None:
    """The file behind a private picture's view, read through its storage."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    target = PRIVATE_PICTURES.get(match.view_name)
    if target is None or "pk" not in match.kwargs:
        return None
    model_label, field_name = target
    row = apps.get_model(model_label).objects.filter(pk=match.kwargs["pk"]).first()
    stored = getattr(row, field_name, None)
    if not stored:
        return None
    try:
        with stored.storage.open(stored.name, "rb") as content:
            return content.read()
    except (OSError, SuspiciousFileOperation):
        return None


def _local_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            content = local_bytes(url)
            if content is None:
                raise ValueError(f"not a local file: {url}")
            mime_type = mimetypes.guess_type(urlparse(url).path)[0] or "image/jpeg"
            return URLFetcherResponse(url, content, {"Content-Type": mime_type})

    return LocalFetcher()


def archive_html(archive: dict, request=None) -> str:
    return render_to_string(
        "archive/pdf.html", {**archive, "cjk_font": CJK_FONT}, request=request
    )


def archive_pdf(archive: dict, request=None) -> bytes:
    from weasyprint import HTML

    # WeasyPrint reports every layout step at INFO: noise in the server log.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

    html = HTML(
        string=archive_html(archive, request),
        base_url=BASE_URL,
        url_fetcher=_local_fetcher(),
    )
    return html.write_pdf()


def archive_docx(archive: dict, request=None) -> bytes:
    body = render_to_string("archive/_body.html", archive, request=request)
    document = Document()
    _chinese_fonts(document)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)
    _HtmlToDocx(document).feed(body)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _chinese_fonts(document) -> None:
    """Chinese text in 宋体: the East Asian font set on every style used.

    Heading styles carry theme fonts that would override it, so those go.
    """
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        style = document.styles[name]
        style.font.name = DOCX_FONT
        r_pr = style.element.get_or_add_rPr()
        fonts = r_pr.get_or_add_rFonts()
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:eastAsia"), DOCX_FONT)
        fonts.set(qn("w:ascii"), DOCX_FONT)
        fonts.set(qn("w:hAnsi"), DOCX_FONT)
    document.styles["Normal"].font.size = Pt(11)


class _HtmlToDocx(HTMLParser):
    """Headings, paragraphs, lists, tables, definition lists and pictures.

    Enough for the archive's own markup; anything else becomes plain text.
    """

    BLOCKS = {"p", "li", "dt", "dd", "figcaption", "caption", "div"}
    HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3}

    def __init__(self, document):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.paragraph = None
        self.bold = 0
        self.skip = 0
        self.table = None
        self.row = None
        self.cell_text = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skip or "no-export" in (attrs.get("class") or ""):
            if tag not in ("img", "br", "input", "meta", "link"):
                self.skip += 1
            return
        if tag in ("script", "style", "nav", "form"):
            self.skip += 1
        elif tag == "table":
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell_text = []
        elif tag in self.HEADINGS:
            self.paragraph = self.document.add_heading("", level=self.HEADINGS[tag])
        elif tag == "li":
            self.paragraph = self.document.add_paragraph(style="List Bullet")
        elif tag in self.BLOCKS and self.cell_text is None:
            self.paragraph = None
        elif tag in ("strong", "b", "dt"):
            self.bold += 1
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()
        elif tag == "img":
            self._picture(attrs.get("src", ""))

    def handle_endtag(self, tag):
        if self.skip:
            if tag not in ("img", "br", "input", "meta", "link"):
                self.skip -= 1
            return
        if tag in ("td", "th") and self.cell_text is not None:
            self.row.append(" ".join("".join(self.cell_text).split()))
            self.cell_text = None
        elif tag == "tr" and self.row is not None:
            self.table.append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            self._table(self.table)
            self.table = None
        elif tag in ("strong", "b", "dt"):
            self.bold = max(0, self.bold - 1)
        if tag in self.BLOCKS or tag in self.HEADINGS:
            self.paragraph = None

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell_text is not None:
            self.cell_text.append(data)
            return
        if self.table is not None:
            return
        text = " ".join(data.split())
        if not text:
            return
        if self.paragraph is None:
            self.paragraph = self.document.add_paragraph()
        elif self.paragraph.text and not self.paragraph.text.endswith(" "):
            text = " " + text if data[:1].isspace() else text
        run = self.paragraph.add_run(text)
        run.bold = bool(self.bold) or None

    def _table(self, rows):
        rows = [r for r in rows if r]
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                table.cell(i, j).text = text
        self.paragraph = None

    def _picture(self, src):
        content = local_bytes(src)
        if content is None:
            return
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # A picture python-docx cannot read is left out rather than fail the file.
        with contextlib.suppress(Exception):
            paragraph.add_run().add_picture(io.BytesIO(content), width=Cm(8))
        self.paragraph = None
