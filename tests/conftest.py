"""Shared fixtures, and the two lanes: `make test-fast` runs the tests not marked `slow`, `make test` runs all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "bosetting-vestfold"

# A command a test runs makes its reports one after another, in the kernel the test process keeps, unless the test
# asks for more (`--jobs 2`, as the tests of the pool do): pytest-xdist already keeps every core busy, and a pool
# would start two kernels of its own for every such test.
os.environ.setdefault("EVALREPORT_JOBS", "1")

# Modules whose every test starts a notebook kernel or renders reports (seconds each); a test that uses
# `rendered_examples` is slow by that alone.
SLOW_MODULES = {
    "test_benchmark.py",
    "test_browser.py",
    "test_cluster.py",
    "test_decision_store.py",  # each test takes the example's decision (seconds), some twice
    "test_end_to_end.py",
    "test_exports.py",
    "test_kernel_forks.py",  # starts kernels, one the long way
    "test_notebooks.py",
    "test_pdf.py",
    "test_status_report.py",
    "test_stuck_worker.py",  # waits out a stuck worker twice
    "test_time_limit.py",
    "test_warm_kernel.py",
}
# Tests elsewhere that run a kernel, render, fuzz or time something big: each took 1.5 seconds or more on a loaded
# two-core machine (pytest --durations, 2026-12-07). A new test of that kind belongs here, or marks itself.
SLOW_TESTS = {
    "test_as_of.py::test_a_count_and_a_survey_from_last_year_are_no_new_measurement_in_this_years_status",
    "test_as_of.py::test_a_figure_in_digits_that_the_report_does_not_compute_gets_a_hint",
    "test_as_of.py::test_a_provisional_count_is_judged_against_the_prorated_target_and_says_so",
    "test_as_of.py::test_a_whole_period_report_run_long_after_the_period_is_judged_as_of_its_end_and_says_so",
    "test_as_of.py::test_milestones_due_after_the_as_of_day_are_not_due_and_short_targets_are_in_progress",
    "test_as_of.py::test_run_as_of_reaches_the_notebook_and_its_results",
    "test_as_of.py::test_the_stored_status_and_the_e_mail_say_its_number_day_and_meeting",
    "test_bad_inputs.py::test_bad_input",
    "test_big_files.py::test_rows_and_cells_are_counted_while_a_sheet_or_a_csv_file_is_read",
    "test_cache.py::test_each_input_of_a_report_changes_its_part_and_is_named",
    "test_cache.py::test_each_part_changes_with_what_it_covers",
    "test_cli.py::test_an_unchanged_job_is_skipped_and_a_changed_input_reruns_it",
    "test_cli.py::test_run_all_skips_an_invalid_project_renders_the_rest_and_fails",
    "test_committee_case.py::test_the_written_proposal_is_three_numbered_at_clauses",
    "test_confinement.py::test_in_run_all_a_project_whose_names_cannot_be_files_is_skipped_and_the_others_planned",
    "test_confinement.py::test_run_in_english_leaves_the_norwegian_report_in_place",
    "test_criteria.py::test_an_assessment_written_after_the_report_date_is_not_used",
    "test_disclosure.py::test_hundreds_of_random_projects_pass_the_audit",
    "test_disclosure.py::test_random_projects_pass_an_independent_attacker",
    "test_disclosure.py::test_random_years_by_groups_never_give_a_small_group_away",
    "test_disclosure.py::test_validate_audit_passes_on_every_example",
    "test_document.py::test_a_notebook_shows_a_section_as_the_document_and_jupyterlab_previews_it_as_html",
    "test_document.py::test_tables_and_figures_are_numbered_through_the_report",
    "test_docx.py::test_libreoffice_opens_the_report_and_reads_back_its_text",
    "test_due.py::test_a_failed_status_is_recorded_keeps_the_last_good_report_and_is_due_again",
    "test_due.py::test_due_makes_records_and_delivers_once_and_retries_a_failed_email",
    "test_due.py::test_viborg_gets_its_2025_2026_status_compared_with_last_years_delivered_once",
    "test_evaluator_sections.py::test_a_stored_status_is_believed_over_todays_table",
    "test_evaluator_sections.py::test_each_text_stands_where_it_belongs",
    "test_evaluator_sections.py::test_every_element_in_the_pdfs_text_and_tags",
    "test_evaluator_sections.py::test_since_the_last_status_from_two_stored_results",
    "test_faults.py::test_a_full_disk_keeps_the_last_good_report_and_says_what_and_where",
    "test_faults.py::test_a_project_nested_20000_deep_is_one_line_and_the_others_go_on",
    "test_faults.py::test_a_project_that_fails_in_any_way_is_one_line_and_the_others_go_on",
    "test_fiscal_years.py::test_a_fiscal_year_report_says_2019_20_in_every_file",
    "test_fuzz.py::test_load_project_raises_only_input_error_on_edited_project_yaml",
    "test_fuzz.py::test_load_project_raises_only_input_error_on_generated_files",
    "test_fuzz.py::test_load_project_raises_only_input_error_on_mutated_files",
    "test_fuzz.py::test_read_any_raises_only_input_error_on_damaged_exports",
    "test_fuzz.py::test_read_any_raises_only_input_error_on_random_bytes",
    "test_fuzz.py::test_read_table_raises_only_input_error",
    "test_fuzz_realdata.py::test_damaged_ods_spreadsheets_are_problems",
    "test_fuzz_realdata.py::test_damaged_sav_files_are_problems",
    "test_fuzz_realdata.py::test_damaged_xls_workbooks_are_problems",
    "test_hostile_documents.py::test_hostile_texts_mixed_field_by_field",
    "test_hostile_documents.py::test_one_hostile_text_in_every_field_at_once",
    "test_hostile_text.py::test_html_escapes_every_text_and_its_css_keeps_the_title_in_one_string",
    "test_hostile_text.py::test_the_hostile_project_validates_with_its_titles_on_one_line",
    "test_hostile_text.py::test_the_pdf_header_prints_the_title_as_written",
    "test_import_generic.py::test_generic_csv_from_import_to_published_shares",
    "test_import_generic.py::test_norwegian_forms_export_from_import_to_published_shares",
    "test_import_generic.py::test_real_exports_go_through_the_generic_importer_and_make_a_report",
    "test_importers.py::test_real_google_forms_export_with_its_question_key",
    "test_index.py::test_in_a_browser_nothing_is_fetched_no_error_and_it_fits_a_phone",
    "test_index.py::test_in_a_browser_the_filter_and_the_sorting_work",
    "test_indicator_import.py::test_a_long_imdi_table_imported_validated_and_reported_gives_the_ratio_computed_here",
    "test_input_limits.py::test_25000_plain_units_are_not_taken_for_aliases",
    "test_input_limits.py::test_50000_rows_naming_undeclared_units_are_one_problem_with_the_first_ten_rows",
    "test_kernel_secrets.py::test_a_kernel_run_by_due_finds_the_password_in_no_parents_environment",
    "test_lock.py::test_a_waiting_run_goes_on_when_the_first_ends",
    "test_milestones.py::test_timeline_figure_has_a_caption_and_alt_text_from_its_data",
    "test_missing_in_totals.py::test_a_unit_counted_as_zero_is_still_shown_as_no_data",
    "test_missing_in_totals.py::test_exclude_and_zero_give_the_totals_computed_from_the_table",
    "test_missing_in_totals.py::test_the_sentences_name_each_unit_left_out_or_counted_as_zero_with_its_figures",
    "test_narrative.py::test_a_unit_report_fills_in_the_units_figures",
    "test_narrative.py::test_braces_of_other_shapes_stay_as_written",
    "test_narrative.py::test_criterion_figures_are_the_reports_own",
    "test_narrative.py::test_figures_are_written_in_the_reports_language",
    "test_narrative.py::test_validate_says_what_is_shown_otherwise_than_written",
    "test_new.py::test_a_danish_project_for_three_municipalities_makes_its_end_report",
    "test_new.py::test_each_kind_and_language_validates_once_filled_in_and_renders",
    "test_new.py::test_validate_right_after_new_is_a_checklist_of_what_to_fill_in",
    "test_own_notebook.py::test_in_the_report_after_the_criteria_and_a_failing_cell_fails_the_job",
    "test_publishing.py::test_a_failing_cell_keeps_the_last_good_report_and_names_the_error",
    "test_publishing.py::test_a_hanging_cell_is_stopped_by_the_time_limit",
    "test_publishing.py::test_a_publisher_killed_between_any_two_steps_leaves_the_old_set_or_the_new_one",
    "test_publishing.py::test_a_report_publisher_killed_at_any_step_while_others_read_leaves_the_old_set_or_the_new",
    "test_publishing.py::test_the_next_publish_of_a_job_finishes_a_killed_one_before_its_own",
    "test_readers.py::test_the_quick_reader_reads_every_table_as_the_row_by_row_reader_does",
    "test_recommendations_activities.py::test_activity_columns",
    "test_recommendations_activities.py::test_recommendation_columns",
    "test_redaction.py::test_a_cell_of_the_longest_length_is_redacted_in_linear_time",
    "test_safe_render.py::test_a_link_to_a_place_the_report_does_not_have_is_its_text",
    "test_safe_render.py::test_a_word_of_36000_characters_and_a_link_of_8000_are_drawn",
    "test_safe_render.py::test_the_timeout_bounds_the_pdf_compile_in_a_job",
    "test_story.py::test_the_appendix_is_numbered_in_order_and_the_story_points_to_the_right_part",
    "test_suppression.py::test_no_withheld_count_follows_by_subtraction_over_all_published_files",
    "test_suppression.py::test_random_tables_never_leak_a_small_group",
    "test_survey_waves.py::test_a_report_for_one_unit_shows_no_response_rate",
    "test_workbook.py::test_a_milestone_titled_as_a_formula_comes_out_as_inert_text_in_the_workbook_and_the_csv",
    "test_workbook.py::test_a_run_publishes_the_workbook_and_the_figures_beside_the_report",
    "test_workbook.py::test_criteria_sheet_has_the_report_headings_numbers_and_percentages",
    "test_workbook.py::test_headers_are_bold_frozen_and_columns_have_widths",
    "test_workbook.py::test_milestone_sheets_have_real_dates_and_slippage",
    "test_workbook.py::test_the_first_sheet_says_what_the_workbook_is_in_the_reports_language",
}
RENDERED = "rendered_examples"
# Module fixtures that render a report of their own inputs: a test that uses one, directly or not, is slow.
RENDERING_FIXTURES = {RENDERED, "rendered", "published"}


def module_fixtures(item: pytest.Item) -> set[str]:
    """The module-scoped fixtures a test uses, directly or not."""
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    return {name for name, defs in definitions.items() if defs and defs[-1].scope == "module"}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if RENDERED in getattr(item, "fixturenames", ()):
            # One worker renders the examples and runs every test that reads them (`--dist loadgroup`).
            item.add_marker(pytest.mark.xdist_group(RENDERED))
            item.add_marker(pytest.mark.slow)
            continue
        if module_fixtures(item):
            # The tests sharing a module's fixture (a report rendered, notebooks run) run on one worker, which makes it
            # once: spread over two, each worker would make it again.
            item.add_marker(pytest.mark.xdist_group(f"module {item.path.name}"))
        if (
            item.path.name in SLOW_MODULES
            or f"{item.path.name}::{item.originalname}" in SLOW_TESTS
            or RENDERING_FIXTURES & set(getattr(item, "fixturenames", ()))
        ):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session", autouse=True)
def groups_kept(request: pytest.FixtureRequest) -> None:
    """Under `--dist loadgroup`, every test errors at once when pytest-xdist could not group them. Nothing would fail
    without this, but every worker would render the examples and make each module's shared fixture itself (as under
    pytest 9.2, pytest-dev/pytest-xdist#1386, when the suite took minutes longer)."""
    if not getattr(request.config.option, "loadgroup", False):  # set on a worker of pytest-xdist alone
        return
    items = request.session.items
    lost = [item.nodeid for item in items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid]
    if lost:
        pytest.fail(f"pytest-xdist ignores the test groups under this pytest (first: {lost[0]}); see pyproject.toml")


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example report rendered once per test session, by the command line as a user runs it: each example's
    reports in its language and every format, the Norwegian end report in English too, the Danish yearly status
    of 2025-2026, and reports/index.html. Read it; a test that changes reports renders its own."""
    folder = tmp_path_factory.mktemp("rendered-examples")
    base = ["--reports", str(folder), "run"]
    assert main([*base, "--all"]) == 0  # in this process's kept kernel: the tests set EVALREPORT_JOBS=1
    assert main([*base, "bosetting-vestfold", "--report", "end_report", "--language", "en"]) == 0
    assert main([*base, "integrationsforum-viborg", "--report", "status_report", "--period", "2025-2026"]) == 0
    assert main([*base, "integrationsforum-viborg", "--report", "committee_case", "--period", "2025-2026"]) == 0
    return folder


@pytest.fixture(scope="session")
def run_notebook():
    """`run_notebook(path, output, **parameters)`: papermill in the kept kernel (`_run_notebook`)."""
    return _run_notebook


def _run_notebook(path: Path, output: Path, **parameters):
    """Execute a notebook with papermill in this test process's kept kernel (`pipeline.run.warm`), reset before each
    notebook as a worker's is: the kernel starts once per test process, not once per notebook."""
    import papermill

    from pipeline.run import warm
    from pipeline.run.kernel import ensure_kernel

    kernel = warm.kernel_for("tests", str(path.parent), own_code=False)
    try:
        return papermill.execute_notebook(
            path,
            output,
            parameters=parameters,
            kernel_name=ensure_kernel(),
            cwd=str(path.parent),
            progress_bar=False,
            engine_name=warm.ENGINE,
            warm_kernel=kernel,
        )
    except BaseException:
        warm.discard_kernel()  # a failed notebook never leaves its kernel to the next
        raise


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled example project, to break one thing in; returns its folder.

    The copy sits in its own inputs folder (`<tmp>/inputs/bosetting-vestfold`), so that its parent can be
    passed as `--inputs` to the command line.
    """
    folder = tmp_path / "inputs" / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder)
    return folder


# The tests read a section as the report's page draws it, `shown.data`: the kernel itself emits only the document
# (`pipeline.render` draws it after execution), so the section's HTML is drawn here, by the page's own renderer.
def _section_html(shown) -> str:
    from pipeline.render import html

    return html.section(shown.section)


def pytest_configure(config):
    from pipeline.present.report import Shown

    Shown.data = property(_section_html)


def pytest_xdist_auto_num_workers(config) -> int:
    """`-n auto`: a worker per core this process may use, and for the whole suite one more. A quarter of its time is
    tests waiting on kernels, browsers and subprocesses, which the extra worker fills (on two cores: 4:46–5:05
    against 5:15–5:22). The fast lane's unit tests wait on nothing, and an extra worker only slows them."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores if "not slow" in (config.option.markexpr or "") else cores + 1
