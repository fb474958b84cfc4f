"""Printable A4 posters (码上见代表): a station's or a deputy's name, hours,
deputies on duty, next reception dates and a QR code that opens the public page
on a phone, where a button leads to the suggestion form."""

import base64
import io

import qrcode
from django.conf import settings
from django.template.loader import render_to_string

from reception.models import Station

from . import planning

POSTER_CSS = settings.BASE_DIR / "rosters" / "static" / "rosters" / "poster.css"


def qr_target(page_url: str) -> str:
    """The address the poster's code encodes: the public page, marked as
    reached from a poster."""
    return f"{page_url}?from=qr"


def qr_matrix(text: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def qr_png_data_uri(text: str) -> str:
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=4
    )
    code.add_data(text)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def station_poster(station: Station, page_url: str, planned) -> dict:
    deputies = list(station.deputies.all())
    return {
        "kind": "station",
        "title": station.name,
        "station": station,
        "deputies": deputies,
        "dates": planning.upcoming(planned),
        "url": qr_target(page_url),
        "qr": qr_png_data_uri(qr_target(page_url)),
    }


def deputy_poster(deputy, page_url: str, planned) -> dict:
    return {
        "kind": "deputy",
        "title": deputy.name,
        "deputy": deputy,
        "stations": list(deputy.stations.all()),
        "dates": planning.upcoming(planned),
        "url": qr_target(page_url),
        "qr": qr_png_data_uri(qr_target(page_url)),
    }


def render_posters(posters: list[dict]) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string("rosters/poster.html", {"posters": posters})
    css = CSS(string=POSTER_CSS.read_text(encoding="utf-8"))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[css]
    )
