"""The document model drawn as an A4 PDF by Typst: one file that is both PDF/A-2a (for the records archive) and
PDF/UA-1 (tagged for screen readers), every font embedded, nothing fetched.

The Typst template (templates/evalreport/report.typ) reads the document as JSON from `sys.inputs` and draws the
cover, the table of contents (from the sections' headings) and the sections; it shows every text as a string: no
text is ever spliced into Typst markup, so nothing a project's inputs hold can run.
"""

from __future__ import annotations

import base64
import json
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import Any

import typst

from pipeline.errors import RenderFailed, RenderTimedOut
from pipeline.present import fonts
from pipeline.present.document import Document
from pipeline.render.engine import Engine
from pipeline.vocabulary import PALETTE

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "evalreport" / "report.typ"
PDF_STANDARDS = [
    "a-2a",
    "ua-1",
]  # PDF/A-2a: archivable and tagged; PDF/UA-1: accessible. Typst writes both in one file.
LOGO_FILES = {"image/svg+xml": "svg", "image/png": "png", "image/jpeg": "jpg"}


@cache
def font_book() -> typst.Fonts:
    """The report's fonts, and only those: never the machine's, never Typst's own."""
    return typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(p) for p in fonts.folders()]
    )


@cache
def compiler(root: str) -> typst.Compiler:
    """One compiler per folder it may read from, kept: Typst reuses what it laid out before."""
    return typst.Compiler(root=root, font_paths=font_book(), ignore_system_fonts=True)


# The compiles of this process go to a child it keeps, which a job's deadline can stop (render/engine.py).
ENGINE = Engine()


def to_pdf(document: Document, seconds: float | None = None) -> bytes:
    """The document as one PDF/A-2a + PDF/UA-1 file, made within `seconds` (RenderTimedOut after them).

    Typst's tagging of an accessible PDF can fail around a floating chart (an internal error, or a panic that ends
    the engine): the document is then drawn once more with every chart in the text's flow."""
    started = time.monotonic()
    try:
        return _drawn(document, seconds, floats=True)
    except RenderTimedOut:
        raise
    except RenderFailed:
        left = None if seconds is None else max(1.0, seconds - (time.monotonic() - started))
        return _drawn(document, left, floats=False)


def _drawn(document: Document, seconds: float | None, floats: bool) -> bytes:
    inputs = {"document": json.dumps(typst_data(document), ensure_ascii=False), "floats": "yes" if floats else "no"}
    if not document.cover.logo:
        return ENGINE.compile(
            {"call": f"{__name__}:compile_here", "arguments": {"root": None, "inputs": inputs}}, seconds
        )
    with tempfile.TemporaryDirectory(prefix="evalreport-typst-") as root:  # the logo's folder, and nothing else
        inputs["logo"] = "/" + write_logo(document.cover.logo, Path(root))
        return ENGINE.compile(
            {"call": f"{__name__}:compile_here", "arguments": {"root": root, "inputs": inputs}}, seconds
        )


def compile_here(root: str | None, inputs: dict[str, str]) -> bytes:
    """The PDF, compiled in this process: by the kept compiler, or by one of its own for a folder with a logo."""
    if root is None:
        return compile_pdf(compiler(str(TEMPLATE.parent)), inputs)
    return compile_pdf(typst.Compiler(root=root, font_paths=font_book(), ignore_system_fonts=True), inputs)


def compile_pdf(typst_compiler: typst.Compiler, inputs: dict[str, str]) -> bytes:
    global _has_run
    _has_run = True
    pdf = typst_compiler.compile(input=template(), format="pdf", sys_inputs=inputs, pdf_standards=PDF_STANDARDS)  # type: ignore[arg-type]
    assert isinstance(pdf, bytes)  # one document, not a page per file
    return pdf


# One image on a page of its size: how the Word file gets its charts, drawn as in the PDF, in the report's fonts.
IMAGE_PAGE = (
    b'#set page(width: auto, height: auto, margin: 0pt, fill: white)\n#image(bytes(sys.inputs.svg), format: "svg")\n'
)


def svg_to_png(svg: str, ppi: int) -> bytes:
    """An SVG (a chart, a logo) as a PNG of `ppi` pixels per inch; it reads no file."""
    global _has_run
    _has_run = True
    png = compiler(str(TEMPLATE.parent)).compile(input=IMAGE_PAGE, format="png", ppi=ppi, sys_inputs={"svg": svg})
    assert isinstance(png, bytes)  # the page is one image
    return png


_has_run = False


def has_run() -> bool:
    """Whether this process has compiled a PDF, and so started Typst's threads (a fork would not copy them)."""
    return _has_run


@cache
def template() -> bytes:
    return TEMPLATE.read_bytes()


def write_logo(data_uri: str, folder: Path) -> str:
    """The cover's logo (a data: URI) as a file Typst can read from the compilation's own folder."""
    header, data = data_uri.split(",", 1)
    kind = header.removeprefix("data:").removesuffix(";base64")
    name = f"logo.{LOGO_FILES[kind]}"
    (folder / name).write_bytes(base64.b64decode(data))
    return name


def typst_data(document: Document) -> dict[str, Any]:
    """The document as JSON for the template (the logo travels as a file), with the status palette to draw it in."""
    return document.model_dump(mode="json", exclude={"cover": {"logo"}, "results": True}) | {"palette": PALETTE}
