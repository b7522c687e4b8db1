"""Real third-party exports, damaged: every reader answers with problems naming the file, one line each, never a
traceback.

Each reader gets files from ../shared/realdata/ (a PX export, a JSON-stat response, survey CSV and TSV files; the
workbook and SPSS readers get those surveys saved as .xlsx, .xls, .ods and .sav here) with a seeded number of
mutations: bytes flipped, runs of bytes deleted, repeated or cut off, and pieces that send parsers down other
branches (quotes, brackets, keywords, huge numbers, nesting) put in. A workbook, being a zip archive, is mutated
inside its sheet too, so that the mutations reach the XML reader and not only the unzipping. Each test is bounded
by its count of mutations (a few seconds each).
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pyreadstat
import pytest
import xlwt

from pipeline.errors import InputError
from pipeline.indicators import jsonstat, px
from pipeline.sources.readers import read_any

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
SURVEY = REALDATA / "carpentries-surveys" / "longterm_October2017.csv"
TSV = REALDATA / "rstudio-r-community-survey-2019" / "2019 Spanish R Community Survey Responses.tsv"
PX = REALDATA / "pcaxis-serializers-px"
JSONSTAT = REALDATA / "pxwebpy-jsonstat2-responses"
needs_realdata = pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is not here")

MUTATIONS = 40
PIECES = [
    b'"',
    b"'",
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r\n",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"=",
    b'"..";',
    b"DATA=",
    b'STUB="a";',
    b'VALUES("a")="1","2";',
    b"[" * 3000,
    b"{" * 50,
    b"}",
    b"]",
    b"null",
    b"9" * 400,
    b"-1e999",
    b"\xe6\xf8",
    b'"size":[1000,1000,1000]',
    b'"role":"geo"',
    b'"index":{"a":7}',
    b'"value":{"x":1}',
    b'<row r="1999999999">',
    b'<c r="XFD1" t="s"><v>99999</v></c>',
    b"<![CDATA[",
    b"&#0;",
    b'<!DOCTYPE x [<!ENTITY a "b">]>',
    b"&a;",
]


def mutated(original: bytes, rng: random.Random) -> bytes:
    data = bytearray(original)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(max(len(data), 1))
        kind = rng.randrange(6)
        if kind == 0:
            data[at : at + 1] = bytes([rng.randrange(256)])
        elif kind == 1:
            del data[at : at + rng.randint(1, 200)]
        elif kind == 2:
            span = bytes(data[at : at + rng.randint(1, 400)])
            data[at:at] = span * rng.randint(2, 20)
        elif kind == 3:
            del data[at:]
        else:
            data[at:at] = rng.choice(PIECES)
    return bytes(data)


def only_problems(read, path: Path) -> None:
    """`read(path)` reads or raises InputError, whose problems each name the file in one line."""
    try:
        read(path)
    except InputError as error:
        assert error.problems and all(
            p.file == path.name and "\n" not in str(p) and "Traceback" not in str(p) for p in error.problems
        ), error


def check_mutations(tmp_path: Path, name: str, original: bytes, read, seed: int, inside: str | None = None) -> None:
    rng = random.Random(seed)
    for number in range(MUTATIONS):
        path = tmp_path / f"{number}-{name}"
        content = mutated_part(original, inside, rng) if inside and number % 2 else mutated(original, rng)
        path.write_bytes(content)
        only_problems(read, path)
        path.unlink()


def mutated_part(archive: bytes, part: str, rng: random.Random) -> bytes:
    """The zip archive with one part mutated and packed again: damage the XML reader sees."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, mutated(data, rng) if info.filename == part else data)
    return out.getvalue()


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    if not SURVEY.is_file():
        pytest.skip("../shared/realdata is not here")
    return pd.read_csv(SURVEY, dtype=str, keep_default_na=False).iloc[:120, :12]


@needs_realdata
@pytest.mark.parametrize("file", ["MultipleContentSmall.px", "tab_12909_metaid.px", "TAB2936.px"])
def test_damaged_px_files_are_problems(tmp_path, file):
    check_mutations(tmp_path, file, (PX / file).read_bytes(), px.read, seed=1)


@needs_realdata
@pytest.mark.parametrize("file", ["response_no.json", "TAB6471_data.json"])
def test_damaged_jsonstat_responses_are_problems(tmp_path, file):
    check_mutations(tmp_path, file, (JSONSTAT / file).read_bytes(), jsonstat.read, seed=2)


@needs_realdata
def test_damaged_csv_and_tsv_files_are_problems(tmp_path):
    check_mutations(tmp_path, "survey.csv", SURVEY.read_bytes()[:60_000], read_any, seed=3)
    check_mutations(tmp_path, "survey.tsv", TSV.read_bytes()[:60_000], read_any, seed=4)


@needs_realdata
def test_damaged_xlsx_workbooks_are_problems(tmp_path, survey):
    workbook = openpyxl.Workbook()
    for row in [list(survey.columns), *survey.itertuples(index=False, name=None)]:
        workbook.active.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    check_mutations(tmp_path, "survey.xlsx", out.getvalue(), read_any, seed=5, inside="xl/worksheets/sheet1.xml")


@needs_realdata
def test_damaged_xls_workbooks_are_problems(tmp_path, survey):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Ark1")
    for r, row in enumerate([list(survey.columns), *survey.itertuples(index=False, name=None)]):
        for c, cell in enumerate(row):
            sheet.write(r, c, str(cell)[:1000])
    out = io.BytesIO()
    book.save(out)
    check_mutations(tmp_path, "survey.xls", out.getvalue(), read_any, seed=6)


@needs_realdata
def test_damaged_ods_spreadsheets_are_problems(tmp_path, survey):
    check_mutations(tmp_path, "survey.ods", ods(survey), read_any, seed=7, inside="content.xml")


@needs_realdata
def test_damaged_sav_files_are_problems(tmp_path, survey):
    frame = survey.rename(columns=lambda c: "v" + "".join(ch for ch in c if ch.isalnum())[:20]).iloc[:, :8]
    frame = frame.loc[:, ~frame.columns.duplicated()]
    pyreadstat.write_sav(frame, tmp_path / "survey.sav")
    original = (tmp_path / "survey.sav").read_bytes()
    check_mutations(tmp_path, "survey.sav", original, read_any, seed=8)


def ods(frame: pd.DataFrame) -> bytes:
    """A minimal OpenDocument spreadsheet of the frame's text, as LibreOffice would read it."""
    from xml.sax.saxutils import escape

    rows = [list(frame.columns), *frame.itertuples(index=False, name=None)]
    body = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(cell))}</text:p></table:table-cell>'
            for cell in row
        )
        + "</table:table-row>"
        for row in rows
    )
    namespace = "urn:oasis:names:tc:opendocument:xmlns"
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{namespace}:office:1.0" '
        f'xmlns:table="{namespace}:table:1.0" xmlns:text="{namespace}:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Ark1">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    entry = '<manifest:file-entry manifest:full-path="{}" manifest:media-type="{}"/>'
    manifest = (
        f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="{namespace}:manifest:1.0" '
        'manifest:version="1.2">'
        + entry.format("/", "application/vnd.oasis.opendocument.spreadsheet")
        + entry.format("content.xml", "text/xml")
        + "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
