"""Charts in one house style: matplotlib to SVG text, colours that stay apart in grey and for colour-blind readers."""

from __future__ import annotations

import datetime
import io
import math
import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")  # no display, and no interactive backend started in a kernel

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.backends.backend_svg import RendererSVG  # noqa: E402
from matplotlib.legend_handler import HandlerTuple  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator, MultipleLocator  # noqa: E402

from pipeline.present import fonts  # noqa: E402
from pipeline.vocabulary import PALETTE  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType  # matplotlib 3.9 and later

Percent = Callable[[float], str]

fonts.register_for_charts()

# The palette's fills (pipeline/vocabulary.py), apart in lightness as well as hue, so they survive grey print; a status
# is also drawn by its pattern and its symbol, so that it survives without colour altogether.
STATUS_COLOURS = {
    tone: PALETTE[tone]["fill"] for tone in ("met", "partly_met", "not_met", "in_progress", "no_data", "not_applicable")
}
OUTCOME_COLOURS = {tone: PALETTE[tone]["fill"] for tone in ("on_time", "late", "overdue", "open", "cancelled")}
STATUS_HATCHES = {
    "met": "",
    "partly_met": "////",
    "not_met": "xxxx",
    "in_progress": "--",
    "no_data": "....",
    "not_applicable": "....",
}
# The status symbols (STATUS_SYMBOLS: ● ◐ ○ –) drawn as markers.
STATUS_MARKERS: dict[str, dict] = {
    "met": {"marker": "o"},
    "partly_met": {"marker": "o", "fillstyle": "left", "markerfacecoloralt": "white"},
    "not_met": {"marker": "o", "fillstyle": "none"},
    "in_progress": {"marker": "d", "fillstyle": "none"},  # ◌ has no marker of its own: a hollow diamond
    "no_data": {"marker": "_"},
    "not_applicable": {"marker": "_"},
}
SYMBOL_INK = "#1a1a1a"
# Purple-orange diverging scheme (ColorBrewer PuOr), readable by the common forms of colour blindness.
DIVERGING = {
    2: ["#e66101", "#5e3c99"],
    3: ["#e66101", "#e4e4e4", "#5e3c99"],
    4: ["#e66101", "#fdb863", "#b2abd2", "#5e3c99"],
    5: ["#e66101", "#fdb863", "#e4e4e4", "#b2abd2", "#5e3c99"],
    6: ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"],
    7: ["#b35806", "#f1a340", "#fee0b6", "#e4e4e4", "#d8daeb", "#998ec3", "#542788"],
}

STYLE: dict[RcKeyType, object] = {
    # The report's typeface, as the PDF draws it; a chart in a page's <img> cannot use the page's fonts and falls
    # back to the reader's sans-serif.
    "font.family": "sans-serif",
    "font.sans-serif": [fonts.FAMILY, fonts.SYMBOLS],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "svg.fonttype": "none",  # text stays text: searchable, selectable, read by screen readers
    "svg.hashsalt": "evalreport",  # stable ids, so an unchanged chart gives an identical file
    "text.parse_math": False,  # labels are people's words: "$100 - $200" is money, not TeX to typeset (or fail on)
}
WIDTH_INCHES = 6.3  # the text width of an A4 page with 2 cm margins
POINTS_PER_INCH = 72
TIGHT_MARGIN_INCHES = 0.1  # around what a chart draws, as savefig's (savefig.pad_inches)
_FULL_VIEW = re.compile(r'width="[\d.]+pt" height="[\d.]+pt" viewBox="0 0 [\d.]+ [\d.]+"(?P<rest>[^>]*>)')


def to_svg(figure: plt.Figure) -> str:
    """The figure as SVG text, cropped to what it draws plus a margin, as `savefig(bbox_inches="tight")` crops it.

    Drawn once: savefig lays a chart out once to find its extent and again to draw it, measuring every label twice
    (a fifth to a third of a chart's time). Here the chart is drawn at its own size, its extent is read from the same
    drawing, and the SVG's view is cropped to it, on a background of exactly that size (the PDF would show one
    reaching further).
    """
    figure.set_dpi(POINTS_PER_INCH)  # as matplotlib's SVG output does: one unit a point
    width, height = figure.get_size_inches() * POINTS_PER_INCH
    background = matplotlib.colors.to_hex(figure.get_facecolor())
    figure.patch.set_visible(False)
    buffer = io.StringIO()
    renderer = RendererSVG(width, height, buffer, metadata={"Date": None})
    figure.draw(renderer)
    extent = figure.get_tightbbox(renderer).padded(TIGHT_MARGIN_INCHES)
    renderer.finalize()
    plt.close(figure)
    left, top = extent.x0 * POINTS_PER_INCH, height - extent.y1 * POINTS_PER_INCH  # SVG runs from the top down
    crop = [_svg_number(v) for v in (left, top, extent.width * POINTS_PER_INCH, extent.height * POINTS_PER_INCH)]
    view = f'width="{crop[2]}pt" height="{crop[3]}pt" viewBox="{" ".join(crop)}"'
    ground = f'<rect x="{crop[0]}" y="{crop[1]}" width="{crop[2]}" height="{crop[3]}" style="fill: {background}"/>'
    svg, cropped = _FULL_VIEW.subn(lambda tag: f"{view}{tag['rest']}{ground}", buffer.getvalue(), count=1)
    if not cropped:
        raise RuntimeError("matplotlib wrote an SVG whose size could not be cropped: its first tag has changed")
    return svg


def _svg_number(value: float) -> str:
    return f"{value:.6g}"


def label_lines(text: str, width: int = 42, lines: int = 3) -> str:
    """A chart label wrapped onto at most `lines` lines of `width` characters, ending in … when cut (the full text is in
    the table beside the chart): a long title must not stretch a chart over pages or shrink it to nothing."""
    return "\n".join(textwrap.wrap(text, width, max_lines=lines, placeholder=" …")) or text


def likert_chart(
    rows: Sequence[tuple[str, Sequence[tuple[float, float]]]], labels: Sequence[str], percent: Percent
) -> str:
    """Diverging stacked bars, one per item, top to bottom in the order given.

    `rows` are (item label, one (start, width) per scale label) as made by `analysis.survey.diverging_segments`:
    the neutral label is centred on zero, negative labels run to the left and positive ones to the right.
    Ticks show shares without a sign on either side of zero.
    """
    colours = DIVERGING.get(len(labels)) or plt.get_cmap("PuOr")([i / (len(labels) - 1) for i in range(len(labels))])
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(WIDTH_INCHES, 0.55 * len(rows) + 1.2))
        names = [label_lines(name, lines=4) for name, _ in rows][::-1]  # barh draws from the bottom up
        segments = [segs for _, segs in rows][::-1]
        for index, label in enumerate(labels):
            starts = [segs[index][0] for segs in segments]
            widths = [segs[index][1] for segs in segments]
            bars = axes.barh(
                names, widths, left=starts, color=colours[index], edgecolor="white", linewidth=0.5, label=label
            )
            for bar, width in zip(bars, widths):
                if width >= 0.1:  # a share is written in its bar only where it fits
                    x, y = bar.get_x() + width / 2, bar.get_y() + bar.get_height() / 2
                    axes.text(x, y, percent(width), ha="center", va="center", fontsize=7, color=_ink_on(colours[index]))
        axes.axvline(0, color="#333333", linewidth=0.8, zorder=0)  # behind the bars: the neutral bar straddles it
        # Each side reaches to the next quarter beyond its longest bar, so a lopsided item does not leave half
        # the chart empty; the ticks on both sides keep the same step, so lengths still compare.
        left = max([-start for segs in segments for start, _ in segs] + [0.0])
        right = max([start + width for segs in segments for start, width in segs] + [0.0])
        axes.set_xlim(-_next_quarter(left), _next_quarter(right))
        axes.xaxis.set_major_locator(MultipleLocator(0.25))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: percent(abs(x))))
        axes.tick_params(axis="y", length=0)
        axes.spines["left"].set_visible(False)
        legend = axes.legend(
            ncol=min(len(labels), 5), loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False, fontsize=8
        )
        for patch in legend.get_patches():
            patch.set_edgecolor("#888888")
        return to_svg(figure)


def _next_quarter(reach: float) -> float:
    """The smallest multiple of 25 % that leaves a little room beyond `reach`, between 25 % and 100 %."""
    return min(1.0, max(0.25, math.ceil((reach + 0.02) * 4) / 4))


def _ink_on(colour) -> str:
    """Black or white text, whichever reads better on the colour (by its relative lightness)."""
    red, green, blue = matplotlib.colors.to_rgb(colour)
    return "#111111" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.55 else "#ffffff"


def attainment_chart(
    names: Sequence[str],
    values: Sequence[float],
    statuses: Sequence[str],
    percent: Percent,
    target: float = 1.0,
    words: Mapping[str, str] | None = None,
) -> str:
    """Horizontal bars of attainment per unit, best first, with the target as a line. Each bar shows its status three
    ways: its colour, its pattern, and its symbol beside its value (● 105 %), drawn as a marker (the report's typeface
    has no such glyph); a legend names the statuses shown when `words` gives their names."""
    order = sorted(range(len(names)), key=lambda i: values[i])
    reach = max([target * 1.1, *values]) * 1.15  # room on the right for the longest bar's symbol and value
    with plt.rc_context(STYLE), plt.rc_context({"hatch.color": "#ffffff", "hatch.linewidth": 0.8}):
        figure, axes = plt.subplots(figsize=(WIDTH_INCHES, 0.32 * len(names) + 1.0 + (0.3 if words else 0)))
        bars = axes.barh(
            [label_lines(names[i], lines=2) for i in order],
            [values[i] for i in order],
            color=[STATUS_COLOURS[statuses[i]] for i in order],
            hatch=[STATUS_HATCHES[statuses[i]] for i in order],
        )
        for bar, i in zip(bars, order):
            y = bar.get_y() + bar.get_height() / 2
            symbol = STATUS_MARKERS[statuses[i]]
            axes.plot([bar.get_width() + reach * 0.015], [y], color=SYMBOL_INK, markersize=5, clip_on=False, **symbol)
            axes.text(bar.get_width() + reach * 0.03, y, percent(values[i]), va="center", fontsize=7.5)
        axes.axvline(target, color="#333333", linewidth=1)
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: percent(x)))
        axes.set_xlim(0, reach)
        if words:
            shown = [s for s in STATUS_COLOURS if s in statuses and s in words]
            handles = [
                (
                    Patch(facecolor=STATUS_COLOURS[s], hatch=STATUS_HATCHES[s]),
                    Line2D([], [], color=SYMBOL_INK, linestyle="none", markersize=5, **STATUS_MARKERS[s]),
                )
                for s in shown
            ]
            axes.legend(
                handles,
                [words[s] for s in shown],
                handler_map={tuple: HandlerTuple(ndivide=None, pad=0.6)},
                ncol=len(shown),
                loc="lower left",
                bbox_to_anchor=(0, 1),
                frameon=False,
                fontsize=8,
            )
        return to_svg(figure)


# Kinds of activity apart by hue and lightness (Okabe and Ito's palette, safe for the common colour blindnesses).
KIND_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]


def activities_chart(
    dates: Sequence,
    counts: Sequence[int],
    kinds: Sequence[str],
    kind_order: Sequence[str],
    number: Callable[[float], str],
) -> str:
    """A bar per activity at its date, as tall as its participants, coloured by its kind, the kinds in a legend."""
    colours = {kind: KIND_COLOURS[i % len(KIND_COLOURS)] for i, kind in enumerate(kind_order)}
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(WIDTH_INCHES, 2.8))
        for kind in kind_order:
            at = [i for i, k in enumerate(kinds) if k == kind]
            if at:
                axes.bar(
                    [dates[i] for i in at],
                    [counts[i] for i in at],
                    width=12,
                    color=colours[kind],
                    label=label_lines(kind, 30, 1),
                )
        axes.yaxis.set_major_formatter(FuncFormatter(lambda y, _: number(y)))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # people are counted whole
        # Years on the axis, quarters as ticks between them: the same in every language. The axis spans whole years,
        # so that even one activity stands between two labelled years (an axis inside one year would have no label).
        first, last = min(dates), max(dates)
        axes.set_xlim(
            mdates.date2num(datetime.date(first.year, 1, 1)), mdates.date2num(datetime.date(last.year + 1, 1, 1))
        )
        axes.xaxis.set_major_locator(mdates.YearLocator())
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        axes.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))
        axes.tick_params(axis="x", which="minor", length=3)
        axes.legend(
            ncol=min(len(kind_order), 4), loc="upper center", bbox_to_anchor=(0.5, -0.14), frameon=False, fontsize=8
        )
        return to_svg(figure)
