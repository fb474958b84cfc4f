"""Public pages and the deputy workspace for every resident, at 360 and 1280 px:
no serious axe-core finding, 44 px tap targets, 16 px text, a challenge answered
from its words alone, a new challenge on the page, the large-text mode."""

import re

import pytest

from tests.browser.conftest import assert_accessible, login, no_horizontal_scroll
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every visible link, button, check box and radio button in the header and the
# main part: at least 44 x 44 px, counting a check box's label as its area.
# Links inside a sentence are exempt, as WCAG 2.5.5 allows.
SMALL_TARGETS_JS = """() => {
  const MIN = 43.5;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !el.closest("[aria-hidden=true]")
      && getComputedStyle(el).visibility !== "hidden";
  };
  const inSentence = (el) => {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (getComputedStyle(block).display.startsWith("inline")) {
      block = block.parentElement;
    }
    return block.textContent.trim().length > el.textContent.trim().length;
  };
  const area = (el) => {
    const boxes = [el, ...(el.labels || [])].map((e) => e.getBoundingClientRect());
    const left = Math.min(...boxes.map((b) => b.left));
    const right = Math.max(...boxes.map((b) => b.right));
    const top = Math.min(...boxes.map((b) => b.top));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    return [right - left, bottom - top];
  };
  const selector = ["header", "main"].map((part) => [
    "a[href]", "button", "input[type=checkbox]", "input[type=radio]",
  ].map((what) => `${part} ${what}`).join(",")).join(",");
  return [...document.querySelectorAll(selector)]
    .filter((el) => shown(el) && !inSentence(el))
    .map((el) => [el, area(el)])
    .filter(([, [w, h]]) => w < MIN || h < MIN)
    .map(([el, [w, h]]) => `${el.tagName} "${(el.textContent || el.name || "")
      .trim().slice(0, 30)}" ${Math.round(w)}x${Math.round(h)}`);
}"""

# Every visible piece of text in the main part: at least 16 px.
SMALL_TEXT_JS = """() => {
  const walker = document.createTreeWalker(
    document.querySelector("main"), NodeFilter.SHOW_TEXT);
  const small = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest("[aria-hidden=true], option")) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 16) small.add(`${el.tagName}.${el.className} ${size}px:`
      + ` "${node.textContent.trim().slice(0, 30)}"`);
  }
  return [...small];
}"""

LARGE = "大字模式"
NUMBERS = {w: n for n, w in enumerate("零一二三四五六七八九")}


@pytest.fixture(params=["phone", "desktop"])
def any_page(request):
    """The same test at 360 px and at 1280 px."""
    return request.getfixturevalue(f"{request.param}_page")


@pytest.fixture
def station(db):
    from tests.reception.factories import ReceptionSessionFactory, StationFactory

    station = StationFactory()
    ReceptionSessionFactory(station=station)
    return station


def assert_usable(page, public=True):
    """axe-core, tap targets and (on public pages) text sizes, then the menu."""
    assert_accessible(page)
    assert page.evaluate(SMALL_TARGETS_JS) == []
    if public:
        assert page.evaluate(SMALL_TEXT_JS) == []
    assert no_horizontal_scroll(page)
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        assert toggler.inner_text().strip() == "菜单"
        toggler.click()
        page.locator("#nav-menu.show").wait_for()
        page.wait_for_timeout(400)  # the menu's opening animation
        assert_accessible(page)
        assert page.evaluate(SMALL_TARGETS_JS) == []
        toggler.click()
        page.locator("#nav-menu:not(.show):not(.collapsing)").wait_for(state="attached")


def answer_from_words(words: str) -> int:
    a, operator, b = re.fullmatch(r"(.)(加|减|乘)(.)等于几？", words).groups()
    a, b = NUMBERS[a], NUMBERS[b]
    return {"加": a + b, "减": a - b, "乘": a * b}[operator]


def fill_the_form(page):
    page.get_by_label("一句话说明问题").fill("楼道灯不亮")
    page.get_by_label("详细情况").fill("3栋2单元楼道灯坏了一周,晚上看不见路。")
    page.get_by_label("您的姓名").fill("居民某某")
    page.get_by_label("手机号码").fill("13800001234")
    page.get_by_label("我已阅读并同意").check()


def test_the_public_pages_are_usable_by_everyone(any_page, station):
    page = any_page
    for path in ("/", "/suggest/", "/track/", f"/stations/{station.slug}/"):
        page.goto(path)
        assert_usable(page)


def test_the_form_after_an_error_leads_to_each_field(any_page):
    page = any_page
    page.goto("/suggest/")
    page.get_by_label("一句话说明问题").fill("楼道灯不亮")
    page.get_by_role("button", name="提交").click()
    summary = page.locator("#error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.get_by_label("一句话说明问题").input_value() == "楼道灯不亮"
    assert_usable(page)
    summary.get_by_role("link", name=re.compile("手机号码")).click()
    assert page.evaluate("document.activeElement.id") == "id_phone"
    assert page.locator("#id_phone").get_attribute("aria-invalid") == "true"


def test_the_deputy_workspace_is_usable_by_everyone(any_page, django_user_model):
    from django.contrib.auth.models import Group

    from core.roles import DEPUTY_GROUP
    from tests.factories import DeputyFactory

    user = django_user_model.objects.create_user("deputy-a11y", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=DEPUTY_GROUP)[0])
    DeputyFactory(name="张示例", user=user)
    login(any_page, "deputy-a11y", PASSWORD)
    any_page.goto("/my/")
    any_page.get_by_role("heading", name="我的工作台").wait_for()
    assert_usable(any_page, public=False)


def test_a_resident_answers_the_challenge_from_its_words_alone(phone_page):
    from captcha.conf import settings as captcha_settings

    from suggestions.models import Suggestion

    assert not captcha_settings.CAPTCHA_TEST_MODE
    page = phone_page
    page.goto("/suggest/")
    fill_the_form(page)
    answer_box = page.get_by_role("textbox", name="请算出下面这道题，填写答案")
    assert answer_box.get_attribute("inputmode") == "numeric"
    # What a screen reader reads with the answer box: the sum in words.
    words = page.locator(f"#{answer_box.get_attribute('aria-describedby')}")
    answer_box.fill(str(answer_from_words(words.inner_text().strip())))
    page.get_by_role("button", name="提交").click()
    page.get_by_role("heading", name="谢谢您,意见已收到").wait_for()
    code = page.locator("#tracking-code").inner_text().strip()
    assert Suggestion.objects.get().tracking_code == code


def test_the_new_challenge_button_changes_the_sum_on_the_page(desktop_page):
    from captcha.models import CaptchaStore
    from django.utils import translation

    from suggestions.challenge import in_words

    page = desktop_page
    page.goto("/suggest/")
    page.get_by_label("一句话说明问题").fill("楼道灯不亮")
    key = page.locator("input[name=captcha_0]")
    old_key = key.input_value()
    old_picture = page.locator("img.captcha").get_attribute("src")
    button = page.get_by_role("button", name="换一题")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "old => document.querySelector('input[name=captcha_0]').value !== old",
        arg=old_key,
    )
    store = CaptchaStore.objects.get(hashkey=key.input_value())
    with translation.override("zh-hans"):
        words = in_words(store.challenge)
    assert page.locator("#id_captcha_question").inner_text().strip() == words
    assert page.locator("img.captcha").get_attribute("src") != old_picture
    assert page.get_by_label("一句话说明问题").input_value() == "楼道灯不亮"
    assert page.url.endswith("/suggest/")
    # The new sum is the one that counts.
    fill_the_form(page)
    page.locator("#id_captcha_1").fill(store.response)
    page.get_by_role("button", name="提交").click()
    page.get_by_role("heading", name="谢谢您,意见已收到").wait_for()


def test_the_large_text_mode_is_remembered_across_pages(phone_page):
    page = phone_page
    page.goto("/")
    normal = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    switch = page.get_by_role("button", name=LARGE)
    assert switch.get_attribute("aria-pressed") == "false"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.documentElement.classList.contains('large-text')")
    response = page.goto("/track/")
    # The server sends the class itself: no flash of small text.
    assert '<html lang="zh-hans" class="large-text">' in response.text()
    large = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert large >= normal * 1.2
    assert page.get_by_role("button", name=LARGE).get_attribute("aria-pressed") == (
        "true"
    )
    assert_usable(page)
    page.goto("/suggest/")
    assert_usable(page)
    page.get_by_role("button", name=LARGE).click()
    response = page.goto("/")
    assert 'class="large-text"' not in response.text()
    assert not page.evaluate("document.documentElement.classList.length")


def luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


FOCUS_RING_JS = """(selector) => {
  const el = document.querySelector(selector);
  el.focus();
  const style = getComputedStyle(el);
  // The ring is drawn around the element: what is behind it is its parents'.
  let back = el.parentElement;
  while (back && getComputedStyle(back).backgroundColor === "rgba(0, 0, 0, 0)") {
    back = back.parentElement;
  }
  const rgb = (c) => c.match(/\\d+/g).slice(0, 3).map(Number);
  return {
    focused: document.activeElement === el,
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    ring: rgb(style.outlineColor),
    around: rgb(back ? getComputedStyle(back).backgroundColor : "rgb(255, 255, 255)"),
  };
}"""


@pytest.mark.parametrize(
    "selector",
    [
        "#id_title",
        "#id_community",
        "#id_consent",
        "[data-new-challenge]",
        "form.suggest-form button.btn-danger",
        "summary",
        "a.navbar-brand",
        "[data-large-text-toggle]",
    ],
)
def test_focus_rings_are_visible_with_3_to_1_contrast(desktop_page, selector):
    page = desktop_page
    page.goto("/suggest/")
    page.keyboard.press("Tab")  # keyboard use: rings show on every element
    ring = page.evaluate(FOCUS_RING_JS, selector)
    assert ring["focused"]
    assert ring["style"] == "solid" and ring["width"] >= 3
    assert contrast(ring["ring"], ring["around"]) >= 3
