"""Article bodies cannot carry script: a payload round-trip through the pages."""

import pytest

from publicity.markup import render_markdown

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

PAYLOAD = """# 标题

<script>alert("xss")</script>

<img src="x" onerror="alert(1)">

<a href="javascript:alert(2)" onclick="alert(3)">恶意链接</a>

[另一个链接](javascript:alert(4))

<iframe src="https://evil.example/"></iframe>

<p style="position:fixed">样式</p>

[正常链接](https://www.whrd.gov.cn/)
"""


def test_a_payload_in_the_body_reaches_the_page_harmless(client):
    article = ArticleFactory(title="<b>标题里的标签</b>", body=PAYLOAD)
    html = client.get(article.get_absolute_url()).content.decode()
    body = html[html.index('class="news-body"') :]
    body = body[: body.index("</article>")]
    for bad in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "style=",
        "<img",
    ):
        assert bad not in body, bad
    assert "恶意链接" in body and "另一个链接" in body
    assert 'href="https://www.whrd.gov.cn/"' in body
    # The title is always text, never markup.
    assert "&lt;b&gt;标题里的标签&lt;/b&gt;" in html


def test_the_sanitiser_keeps_ordinary_formatting():
    html = render_markdown(
        "**加粗** 与 *强调*\n\n- 一\n- 二\n\n| 项目 | 数量 |\n|---|---|\n| 投稿 | 16 |"
    )
    assert "<strong>加粗</strong>" in html
    assert "<em>强调</em>" in html
    assert "<li>一</li>" in html
    assert "<td>16</td>" in html


@pytest.mark.parametrize(
    "payload",
    [
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        "<svg onload=alert(1)>",
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        "<scr<script>ipt>alert(1)</script>",
    ],
)
def test_obfuscated_payloads_are_removed(payload):
    html = render_markdown(payload).lower()
    assert "javascript:" not in html
    assert "onload" not in html
    assert "data:" not in html
    assert "<script" not in html
    assert "<svg" not in html


def test_links_open_without_giving_the_other_site_a_handle():
    html = render_markdown("[区人大](https://example.org/)")
    assert 'rel="noopener noreferrer nofollow"' in html
