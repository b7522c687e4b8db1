"""The end report told as a story (issue 20 item 4): the chapters a committee reads first — summary, background,
criteria, what was done, what participants say, recommendations, economy, conclusion, lessons, the way forward —
then the detailed tables in a numbered appendix, which alone names the methods' technical terms; the evaluator's
texts on activities and recommendations in the story; a text for an id no table has is a notice, not a failure."""

from __future__ import annotations

import re
import shutil
from html import unescape

from pypdf import PdfReader

from pipeline.cli import main
from pipeline.paths import default_inputs
from pipeline.present import document as doc
from pipeline.present.appendix import appendix_sections
from pipeline.present.report import Report
from pipeline.present.story import activities_told, recommendations_told
from pipeline.project import load_project

VIBORG = "integrationsforum-viborg"
# The methods' technical terms: only the appendix names them.
TERMS = re.compile(
    r"AAPOR|\bRR[12]\b|Wilson|Newcombe|konfidensinterval|Net Promoter|evalreport|docs/|methods\.md", re.I
)
APPENDIX = {"da": "Bilag", "nb": "Vedlegg", "en": "Appendix"}
WAY_FORWARD = {"da": "Det videre arbejde", "nb": "Veien videre"}


def texts_of(section: doc.Section) -> str:
    """Every word a section's paragraphs, notes, headings, lists and boxes show."""
    return " ".join(words(block) for block in section.blocks)


def words(block) -> str:
    if isinstance(block, doc.Heading):
        return block.text
    if isinstance(block, doc.Box):
        return " ".join(words(inner) for inner in block.blocks)
    runs = (
        [run for item in block.items for run in item]
        if isinstance(block, doc.BulletList)
        else getattr(block, "runs", [])
    )
    return " ".join(
        run if isinstance(run, str) else getattr(run, "text", "") or getattr(run, "label", "") for run in runs
    )


def blocks_of(section: doc.Section) -> list[doc.Block]:
    found: list[doc.Block] = []
    for block in section.blocks:
        found += [block, *(block.blocks if isinstance(block, doc.Box) else [])]
    return found


# --- The story takes the evaluator's texts --------------------------------------------------------------------


def test_the_theme_meeting_and_each_recommendation_are_told_with_their_substance():
    report = Report(load_project(VIBORG))
    told = activities_told(report)
    said = texts_of(told)
    assert "Temamøde om fællesskaber på tværs, 12. juni 2025" in said  # its title and date, from activities.csv
    assert (
        "Deltagere: 68." in said and "Workshopperne samlede i alt 46 konkrete forslag" in said
    )  # text/activities/T01.md
    assert any(isinstance(block, doc.Box) and block.role == "quote" for block in told.blocks)  # the participants' words
    assert not any(isinstance(block, doc.Table) for block in blocks_of(told))  # the tables are in the appendix
    recommendations = recommendations_told(report)
    said = texts_of(recommendations)
    for id in report.recommendations["id"]:  # each under its own heading, with problem, reasoning and cost
        heading = next(b for b in recommendations.blocks if isinstance(b, doc.Heading) and b.text.startswith(f"{id} "))
        after = recommendations.blocks[recommendations.blocks.index(heading) :]
        told_here = " ".join(words(block) for block in after[:8])
        assert "Problemet." in told_here and "Begrundelsen." in told_here and "Økonomien." in told_here, id
    assert "Besluttet 11. februar 2025" in said and not any(isinstance(b, doc.Table) for b in recommendations.blocks)


def test_the_appendix_is_numbered_in_order_and_the_story_points_to_the_right_part():
    report = Report(load_project(VIBORG))
    story = activities_told(report)
    sections = appendix_sections(report)
    titles = [section.title for section in sections]
    assert [re.match(r"Bilag (\d+): ", title).group(1) for title in titles] == [
        str(n) for n in range(1, len(titles) + 1)
    ]
    activities = next(title for title in titles if "Aktiviteter" in title)
    pointer = re.search(r"Tallene bag står i bilag (\d+)\.", texts_of(story)).group(1)
    assert activities.startswith(f"Bilag {pointer}: ")
    assert titles[-1].endswith("Sådan er tallene lavet")  # the methods last, in plain words and then in terms
    assert TERMS.search(texts_of(sections[-1]))


# --- validate ---------------------------------------------------------------------------------------------------


def test_a_text_for_an_unknown_activity_or_recommendation_is_a_notice_and_the_project_stays_valid(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    shutil.copytree(default_inputs() / VIBORG, inputs / VIBORG)
    for relative in ("activities/X99.md", "recommendations/A9.nb.md"):
        path = inputs / VIBORG / "text" / relative
        path.write_text("Et møde, der aldrig blev holdt.", encoding="utf-8")
    notices = {notice.file: notice for notice in load_project(inputs / VIBORG).notices}
    assert (
        "'X99'" in notices["text/activities/X99.md"].found
        and "activities.csv" in notices["text/activities/X99.md"].expected
    )
    assert "T01" in notices["text/activities/X99.md"].expected  # the ids there are
    assert "recommendations.csv" in notices["text/recommendations/A9.nb.md"].expected
    assert "text/activities/T01.md" not in notices  # a known id is no notice
    assert main(["--inputs", str(inputs), "validate", VIBORG]) == 0
    out = capsys.readouterr().out
    assert "text/activities/X99.md" in out and "text/recommendations/A9.nb.md" in out


# --- The rendered end reports, read as a committee reads them ----------------------------------------------------


def chapters(page: str) -> list[tuple[str, str]]:
    """Each section's title and its text, in the page's order."""
    found = re.findall(r'<section id="[^"]*"><h2>(.*?)</h2>(.*?)</section>', page, flags=re.S)
    return [(unescape(title), unescape(re.sub(r"<[^>]+>", " ", body))) for title, body in found]


def test_each_end_report_tells_its_story_first_then_a_numbered_appendix_with_the_terms_only_there(rendered_examples):
    reports = sorted(rendered_examples.glob("*/*/end_report.html"))
    assert len(reports) == 3
    for path in reports:
        page = path.read_text(encoding="utf-8")
        language = re.search(r'<html[^>]*lang="([a-z]+)', page).group(1)
        found = chapters(page)
        titles = [title for title, _ in found]
        first = next(i for i, title in enumerate(titles) if title.startswith(f"{APPENDIX[language]} 1: "))
        story, appendix = found[:first], found[first:]
        assert titles[0] in ("Sammenfatning", "Sammendrag") and WAY_FORWARD[language] in titles[:first], path
        assert [re.match(rf"{APPENDIX[language]} (\d+): ", title).group(1) for title, _ in appendix] == [
            str(n) for n in range(1, len(appendix) + 1)
        ]
        for title, text in story:
            assert not TERMS.search(text), f"{path.parent.parent.name}: {title}: {TERMS.search(text).group(0)}"
        assert TERMS.search(" ".join(text for _, text in appendix))
        # The detailed tables stand in the appendix: response rates, milestones phase by phase, the criteria table.
        story_text, appendix_text = " ".join(text for _, text in story), " ".join(text for _, text in appendix)
        for caption in (
            "Svarprocent pr. respondentgruppe",
            "Svarprosent per respondentgruppe",
            "Milepæle i fasen",
            "Milepæler i fasen",
            "Succeskriterier og status",
            "Suksesskriterier og status",
        ):
            assert caption not in story_text, caption
        assert re.search(r"(Milepæle i fasen|Milepæler i fasen)", appendix_text)
        pdf = " ".join(page.extract_text() for page in PdfReader(path.with_suffix(".pdf")).pages)
        squeezed = re.sub(r"\s+", " ", pdf)
        assert squeezed.rindex(WAY_FORWARD[language]) < squeezed.rindex(
            f"{APPENDIX[language]} 1: "
        )  # after the contents
    viborg = (rendered_examples / VIBORG / "2024-2026" / "end_report.html").read_text(encoding="utf-8")
    story = dict(chapters(viborg))
    assert "Workshopperne samlede i alt 46 konkrete forslag" in story["Hvad der er gjort"]
    assert "Foreningsguider" in story["Det videre arbejde"] and "Økonomien." in story["Anbefalinger og opfølgning"]


def test_the_end_reports_word_file_has_the_appendix_after_the_story(rendered_examples):
    from docx import Document

    word = Document(str(rendered_examples / VIBORG / "2024-2026" / "end_report.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert (
        headings.index("Det videre arbejde")
        < headings.index("Bilag 1: Succeskriterierne i tal")
        < headings.index("Bilag 6: Sådan er tallene lavet")
    )
