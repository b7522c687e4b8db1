"""The reports as a person sees them: each example's HTML end report and reports/index.html, opened in
headless Chromium (Debian's `chromium`, driven by Playwright), on a desktop and on a 390 px wide phone.

Screenshots are kept in test-artifacts/ (<page>.png and <page>-phone.png) to look at after a run.
Without /usr/bin/chromium or the playwright package the module is skipped; `.ci/run` installs Chromium
(tools/browser-dependencies.sh) and sets EVALREPORT_REQUIRE_BROWSER=1, which turns the skip into a failure.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import pytest

from pipeline.project import load_project

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
EXAMPLES = ["bosetting-vestfold", "integrationsforum-viborg", "helhedsplan-norrevang"]
PAGES = [*EXAMPLES, "index"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return (
            f"{CHROMIUM} is missing (Debian package chromium; `sh tools/browser-dependencies.sh` as root installs it)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is missing (pip install -e '.[test]')"
    return None


if (_reason := _missing()) is not None:
    if os.environ.get("EVALREPORT_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"browser tests required (EVALREPORT_REQUIRE_BROWSER=1) but {_reason}")
    pytest.skip(f"browser tests skipped: {_reason}", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402 (after the skip, which needs no browser)

# What each page reports about itself, read in the page after it has loaded.
FACTS = """() => {
  const level = (h) => Number(h.tagName.slice(1));
  return {
    lang: document.documentElement.getAttribute("lang"),
    images: [...document.images].map((img) => ({
      src: img.currentSrc.slice(0, 60), complete: img.complete, width: img.naturalWidth,
      alt: (img.getAttribute("alt") || "").trim() })),
    toc: [...document.querySelectorAll("nav.toc a")].map((a) => {
      const href = a.getAttribute("href") || "";
      const target = href.startsWith("#") ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
      return { href, text: a.textContent.trim(), exists: target !== null };
    }),
    headings: [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => ({
      level: level(h), text: h.textContent.trim().slice(0, 60) })),
  };
}"""

# The elements wider than the phone's screen, to name in a failure message.
OVERFLOWING = """(limit) => [...document.querySelectorAll("body *")]
  .filter((e) => e.getBoundingClientRect().right > limit + 1)
  .filter((e) => !(e.parentElement && e.parentElement.getBoundingClientRect().right > limit + 1))
  .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}
  right=${Math.round(e.getBoundingClientRect().right)}`)"""


@dataclass
class View:
    """One page as the browser saw it, on a desktop and on a phone."""

    name: str
    url: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    phone_scroll_width: int = 0
    phone_overflowing: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def reports(rendered_examples) -> Path:
    """Every example rendered once per session (tests/conftest.py), with reports/index.html."""
    return rendered_examples


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        # Playwright gives every launch a new, empty user data dir and removes it on close.
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


def path_of(reports: Path, name: str) -> Path:
    if name == "index":
        return reports / "index.html"
    [html] = (reports / name).glob("*/end_report.html")
    return html


def look(browser, url: str, viewport: dict, view: View, screenshot: Path):
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.on("request", lambda request: view.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and view.console_errors.append(message.text))
        page.on("pageerror", lambda error: view.page_errors.append(str(error)))
        page.goto(url, wait_until="load")
        page.screenshot(path=str(screenshot), full_page=True)
        return (
            page.evaluate(FACTS),
            page.evaluate("document.scrollingElement.scrollWidth"),
            page.evaluate(OVERFLOWING, viewport["width"]),
        )
    finally:
        context.close()


@pytest.fixture(scope="module")
def views(reports, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    seen: dict[str, View] = {}

    def view_of(name: str) -> View:
        if name not in seen:
            url = path_of(reports, name).as_uri()
            view = View(name, url)
            view.facts, _, _ = look(browser, url, DESKTOP, view, ARTIFACTS / f"{name}.png")
            _, view.phone_scroll_width, view.phone_overflowing = look(
                browser, url, PHONE, view, ARTIFACTS / f"{name}-phone.png"
            )
            seen[name] = view
        return seen[name]

    return view_of


@pytest.mark.parametrize("name", PAGES)
def test_page_fetches_nothing_but_itself(views, name):
    view = views(name)
    others = [url for url in view.requests if url != view.url and not url.startswith("data:")]
    assert others == [], f"{name} made network requests"
    assert view.url in view.requests


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_console_or_page_errors(views, name):
    view = views(name)
    assert view.console_errors == []
    assert view.page_errors == []


@pytest.mark.parametrize("name", PAGES)
def test_every_image_loads_and_has_alt_text(views, name):
    images = views(name).facts["images"]
    if name != "index":
        assert images, "an end report shows charts"
    for image in images:
        assert image["complete"] and image["width"] > 0, f"image did not load: {image['src']}"
        assert image["alt"], f"image without alt text: {image['src']}"


@pytest.mark.parametrize("name", PAGES)
def test_table_of_contents_links_resolve(views, name):
    toc = views(name).facts["toc"]
    if name != "index":
        assert toc, "an end report has a table of contents (nav.toc)"
    assert [link for link in toc if not link["exists"]] == []


@pytest.mark.parametrize("name", PAGES)
def test_document_language_is_the_projects(views, name):
    expected = "da" if name == "index" else load_project(name).spec.language  # the index's: most examples are Danish
    assert views(name).facts["lang"] == expected


@pytest.mark.parametrize("name", PAGES)
def test_headings_do_not_skip_levels(views, name):
    headings = views(name).facts["headings"]
    assert headings and headings[0]["level"] == 1, f"the first heading is an h1: {headings[:1]}"
    for before, after in pairwise(headings):
        assert after["level"] <= before["level"] + 1, (
            f"h{before['level']} {before['text']!r} → h{after['level']} {after['text']!r}"
        )


@pytest.mark.parametrize("name", [*EXAMPLES, "index"])
def test_page_fits_a_phone_without_horizontal_scrolling(views, name):
    view = views(name)
    assert (ARTIFACTS / f"{name}.png").stat().st_size > 0 and (ARTIFACTS / f"{name}-phone.png").stat().st_size > 0
    assert view.phone_scroll_width <= PHONE["width"] + 1, (
        f"{name} scrolls sideways at 390 px; too wide: {view.phone_overflowing}"
    )


# Every cell of a wide table, on the phone: inside the screen, not clipped, not hidden.
CARD_CELLS = """() => [...document.querySelectorAll("table.cards td")].filter((td) => {
  const r = td.getBoundingClientRect();
  return r.width <= 0 || r.height <= 0 || r.left < -1 || r.right > window.innerWidth + 1
    || getComputedStyle(td).visibility !== "visible" || td.scrollWidth > td.clientWidth + 1;
}).slice(0, 5).map((td) => `${td.dataset.label}: ${td.textContent.slice(0, 40)}`)"""
WIDE_TABLES = """() => [...document.querySelectorAll("table")].filter((t) => t.querySelectorAll("thead th").length > 4)
  .map((t) => [t.classList.contains("cards"), getComputedStyle(t.querySelector("thead")).position])"""


@pytest.mark.parametrize("report", ["end_report", "status_report"])
def test_on_a_phone_a_table_of_over_four_columns_is_cards_with_every_cell_in_view(reports, browser, report):
    """The Status and Decision columns of a wide table are never off-screen on a 390 px phone: each row is a card."""
    pages = sorted(reports.glob(f"*/*/{report}.html"))
    assert pages, f"no {report}.html among the examples"
    for html in pages:
        context = browser.new_context(viewport=PHONE, device_scale_factor=1)
        try:
            phone = context.new_page()
            phone.goto(html.as_uri(), wait_until="load")
            wide = phone.evaluate(WIDE_TABLES)
            assert wide and all(cards and hidden == "absolute" for cards, hidden in wide), f"{html.name}: {wide}"
            scroll_width = phone.evaluate("document.scrollingElement.scrollWidth")
            assert scroll_width <= PHONE["width"] + 1, f"{html} scrolls sideways"
            assert phone.evaluate(CARD_CELLS) == [], f"{html}: cells out of view"
            shot = ARTIFACTS / f"{html.parent.parent.name}-{report}-cards-phone.png"
            phone.screenshot(path=str(shot), full_page=True)
        finally:
            context.close()


# Each chart opened as a document of its own, as an <img> draws it (with no font of the page): the words it places
# farthest out, measured in the faces it carries, and its view.
CHART_TEXT = """async () => {
  await document.fonts.ready;
  const edge = document.documentElement.getBoundingClientRect(), slack = 0.5;
  const outside = [...document.querySelectorAll("text")].filter((t) => {
    const r = t.getBoundingClientRect();
    return r.left < edge.left - slack || r.top < edge.top - slack || r.right > edge.right + slack
      || r.bottom > edge.bottom + slack;
  }).map((t) => t.textContent);
  return {outside, faces: [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family)};
}"""


def test_every_chart_keeps_its_words_inside_it_in_the_typeface_it_carries(reports, browser):
    """A chart's labels are measured in the report's typeface; drawn in a reader's wider sans-serif, the longest
    ran past the chart's left edge and lost its first letters. The chart carries its faces, and everything fits."""
    charts = []
    for name in EXAMPLES:
        page = path_of(reports, name).read_text(encoding="utf-8")
        charts += [(name, data) for data in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)]
    assert len(charts) >= 6
    context = browser.new_context()
    try:
        chart = context.new_page()
        for name, data in charts:
            chart.goto(f"data:image/svg+xml;base64,{data}", wait_until="load")
            found = chart.evaluate(CHART_TEXT)
            assert found["faces"] and set(found["faces"]) <= {'"Source Sans Pro"', "Source Sans Pro", "DejaVu Sans"}
            assert found["outside"] == [], f"{name}: words past the chart's edge"
    finally:
        context.close()
