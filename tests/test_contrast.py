"""WCAG 2.1 AA: every colour report.css gives text has a contrast of at least 4.5:1 on every background it sets.

Text is checked against the page (white) and against each background the stylesheet declares (table headers,
the summary box): more pairs than strictly occur, so that a new colour cannot slip in untested.
"""

from pathlib import Path

import pytest
import tinycss2
from tinycss2.color3 import parse_color

from pipeline.project import list_projects, load_project
from pipeline.vocabulary import palette_css

CSS = Path(__file__).resolve().parent.parent / "pipeline" / "templates" / "evalreport" / "report.css"
PAGE = (1.0, 1.0, 1.0)  # no background on html or body: the paper or the browser's white
AA_NORMAL_TEXT = 4.5


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour with channels in 0..1."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, other) -> float:
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rules(nodes, context: str = ""):
    """(selector, declarations) of every rule, inside @media and @page margin boxes too."""
    for node in nodes:
        if node.type == "qualified-rule":
            yield (
                context + tinycss2.serialize(node.prelude).strip(),
                tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True),
            )
        elif node.type == "at-rule" and node.lower_at_keyword == "media":
            yield from rules(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))
        elif node.type == "at-rule" and node.lower_at_keyword == "page" and node.content:
            page = f"@page{tinycss2.serialize(node.prelude).rstrip()}"
            contents = tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)
            yield page, contents
            for margin in (item for item in contents if item.type == "at-rule" and item.content):
                yield (
                    f"{page} @{margin.lower_at_keyword}",
                    tinycss2.parse_blocks_contents(margin.content, skip_comments=True, skip_whitespace=True),
                )


def colour_of(tokens, variables: dict):
    """The first colour among a value's tokens, var(--name) resolved; None if it names none."""
    for token in tokens:
        if token.type == "function" and token.lower_name == "var":
            token = variables[tinycss2.serialize(token.arguments).strip()]
        colour = parse_color(token)
        if colour is not None and colour != "currentColor":
            return (colour.red, colour.green, colour.blue)
    return None


def stylesheet_colours() -> tuple[list, list]:
    """(selector, colour) of every text colour and every background colour report.css declares."""
    # The status palette arrives in the page's head (render/html.py) as custom properties on :root.
    css = f":root {{ {palette_css()} }}\n" + CSS.read_text(encoding="utf-8")
    parsed = list(rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)))
    variables = {
        d.name: next(t for t in d.value if t.type != "whitespace")
        for selector, contents in parsed
        if selector == ":root"
        for d in contents
        if d.type == "declaration" and d.name.startswith("--")
    }
    text, background = [], []
    for selector, contents in parsed:
        for d in contents:
            if d.type != "declaration":
                continue
            if d.lower_name == "color":
                text.append((selector, colour_of(d.value, variables)))
            elif d.lower_name in ("background", "background-color") and (colour := colour_of(d.value, variables)):
                background.append((selector, colour))
    return text, background


TEXT, BACKGROUND = stylesheet_colours()
BACKGROUNDS = [("page", PAGE), *BACKGROUND]


def hex_colour(value: str) -> tuple[float, float, float]:
    colour = parse_color(value)
    return (colour.red, colour.green, colour.blue)


def test_the_stylesheet_is_read_whole():
    """The colours this test is about were found, so that a parsing slip cannot pass everything silently."""
    text = dict(TEXT)
    assert text["html"] == hex_colour("#1a1a1a")  # body ink
    assert text["h2"] == hex_colour("#1b4f72")  # accent headings (the default accent)
    assert {
        "html",
        "h2",
        ".cover .kicker",
        ".cover dt",
        "figcaption",
        ".small, .provenance",
        ".status-met",
        ".status-partly_met",
        ".status-not_met",
        ".status-no_data, .status-not_applicable",
    } <= set(text)
    assert any(selector.startswith("@page") for selector in text)  # running header and page numbers
    assert {selector for selector, _ in BACKGROUND} == {".summary-box", "th"}


@pytest.mark.parametrize("background", BACKGROUNDS, ids=[selector for selector, _ in BACKGROUNDS])
@pytest.mark.parametrize("text", TEXT, ids=[selector for selector, _ in TEXT])
def test_text_colour_meets_wcag_aa(text, background):
    ratio = contrast(text[1], background[1])
    assert ratio >= AA_NORMAL_TEXT, f"{text[0]} on {background[0]}: {ratio:.2f}:1"


@pytest.mark.parametrize("project_id", list_projects())
def test_each_projects_accent_colour_is_readable_as_a_heading(project_id):
    """A project's accent colour replaces the default for headings and the cover's kicker, on white."""
    accent = hex_colour(load_project(project_id).spec.report.accent_colour)
    assert contrast(accent, PAGE) >= AA_NORMAL_TEXT


def test_the_contrast_formula_matches_wcag_reference_values():
    assert contrast(hex_colour("#000"), hex_colour("#fff")) == pytest.approx(21.0)
    assert contrast(hex_colour("#777"), hex_colour("#fff")) == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert contrast(hex_colour("#767676"), hex_colour("#fff")) == pytest.approx(4.54, abs=0.01)
