"""Importing postings (CSV, JSON-LD files and saved pages, pasted text) all or nothing, merging duplicates, and
ranking them against what the person loves, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from onward.errors import BadInput
from onward.fit.matching.posting_import import map_csv_header, parse_jsonld
from onward.fit.matching.query import FitQuery
from onward.services import Services
from onward.settings import Settings

from .conftest import LINKEDIN, SCHEMA_ORG, needs_ml


@pytest.fixture
def words_only(settings: Settings) -> Services:
    """Services that match by BM25 alone (fast imports: no model)."""
    built = Services.local(settings.model_copy(update={"text_matching": "bm25"}))
    yield built  # type: ignore[misc]
    built.store.dispose()


def test_the_linkedin_sample_imports_with_columns_found_by_header(
    words_only: Services, shared_data: Callable[[str], Path]
) -> None:
    linkedin = shared_data(LINKEDIN)
    result = words_only.fit_matching.import_postings(linkedin, "csv")
    assert result.postings == 1000
    assert result.added + result.merged == 1000
    assert 0 < result.merged < 20  # reposted ads with the same title, company and place, or the same text
    postings = {p.title: p for p in words_only.fit_matching.list_postings()}
    coordinator = postings["Marketing Coordinator"]
    assert coordinator.company and coordinator.location
    assert any("marketing requests" in duty.lower() for duty in coordinator.duties)
    again = words_only.fit_matching.import_postings(linkedin, "csv")
    assert again.added == 0 and again.merged == 1000


def test_header_names_map_to_fields_whatever_their_case_and_spacing() -> None:
    mapping = map_csv_header(["Job Title", "Company Name", "Job-Description", "City", "URL"])
    assert mapping == {"title": 0, "company": 1, "description": 2, "location": 3, "url": 4}


def test_schema_org_examples_import_from_their_folder(words_only: Services) -> None:
    result = words_only.fit_matching.import_postings(SCHEMA_ORG, "jsonld")
    assert result.postings == 12
    # Four examples are the same "Systems Research Engineer" with no company or place given: one posting.
    assert result.added == 9 and result.merged == 3
    postings = words_only.fit_matching.list_postings()
    assert ("Software Engineer", "Kirkland, WA") in {(p.title, p.location) for p in postings}
    assert ("Mobile App Developer", "ACME Software") in {(p.title, p.company) for p in postings}
    assert "Telecommute from anywhere in USA!" in {p.title for p in postings}  # a JobPosting with only a name


def test_a_saved_html_page_with_json_ld_imports(words_only: Services, tmp_path: Path) -> None:
    posting = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "name": "Not a posting"},
            {
                "@type": "JobPosting",
                "title": "Adult Literacy Tutor Coordinator",
                "hiringOrganization": {"@type": "Organization", "name": "Read Together"},
                "jobLocation": {"@type": "Place", "address": {"addressLocality": "Riverside", "addressRegion": "CA"}},
                "jobLocationType": "TELECOMMUTE",
                "description": (
                    "<p>Join us.</p><ul><li>Train volunteer tutors</li><li>Plan literacy workshops</li></ul>"
                ),
                "baseSalary": {
                    "@type": "MonetaryAmount",
                    "currency": "USD",
                    "value": {"minValue": 40000, "maxValue": 48000, "unitText": "YEAR"},
                },
            },
        ],
    }
    page = tmp_path / "job.html"
    page.write_text(
        f'<html><head><script type="application/ld+json">{json.dumps(posting)}</script></head>'
        "<body><h1>Tutor Coordinator</h1></body></html>",
        encoding="utf-8",
    )
    assert words_only.fit_matching.import_postings(page, "jsonld").added == 1
    [stored] = words_only.fit_matching.list_postings()
    assert (stored.title, stored.company, stored.location) == (
        "Adult Literacy Tutor Coordinator",
        "Read Together",
        "Riverside, CA",
    )
    assert stored.work_mode == "remote"
    assert stored.duties[:2] == ["Train volunteer tutors", "Plan literacy workshops"]


def test_pasted_text_first_line_is_the_title_and_dashes_separate_postings(words_only: Services) -> None:
    text = "Grant Writer\nWrite grant proposals.\n---\nTraining Specialist\n- Design workshops for staff\n"
    result = words_only.fit_matching.import_text(text, "text", "pasted")
    assert result.added == 2
    assert {p.title for p in words_only.fit_matching.list_postings()} == {"Grant Writer", "Training Specialist"}


def test_a_bad_record_stops_the_import_names_itself_and_changes_nothing(words_only: Services, tmp_path: Path) -> None:
    good_then_bad = tmp_path / "jobs.csv"
    good_then_bad.write_text('title,description\nGrant Writer,"Write grants,\nmany"\n,No title here\n')
    with pytest.raises(BadInput, match=r"jobs.csv line 4: the posting has no title"):
        words_only.fit_matching.import_postings(good_then_bad, "csv")
    broken = tmp_path / "broken.jsonld"
    broken.write_text('{"@type": "JobPosting", "title": "A"')
    with pytest.raises(BadInput, match=r"broken.jsonld: not JSON"):
        words_only.fit_matching.import_postings(broken, "jsonld")
    untitled = tmp_path / "untitled.jsonld"
    untitled.write_text('[{"@type": "JobPosting", "title": "Fine"}, {"@type": "JobPosting", "description": "x"}]')
    with pytest.raises(BadInput, match=r"untitled.jsonld posting 2: the JobPosting has no title"):
        words_only.fit_matching.import_postings(untitled, "jsonld")
    with pytest.raises(BadInput, match=r"no schema\.org JobPosting"):
        parse_jsonld('{"@type": "Organization"}', "org.json")
    assert words_only.fit_matching.list_postings() == []


def test_a_near_identical_description_merges_even_under_another_title(words_only: Services) -> None:
    body = " ".join(f"Duty number {n}: coordinate the adult literacy program and train tutors." for n in range(12))
    words_only.fit_matching.import_text(f"Program Coordinator\n{body}", "text", "one")
    result = words_only.fit_matching.import_text(f"Program Coordinator (Literacy)\n{body} Apply today.", "text", "two")
    assert (result.added, result.merged) == (0, 1)
    [stored] = words_only.fit_matching.list_postings()
    assert stored.times_seen == 2


def _alex(services: Services) -> FitQuery:
    from onward.demo import fill_demo

    fill_demo(services)
    return services.fit_matching.profile_query(wants_focus=True)


def test_the_demo_postings_rank_what_alex_loves_first_and_say_why(words_only: Services) -> None:
    ranking = words_only.fit_matching.rank_postings(_alex(words_only), top=5)
    assert ranking.method == "bm25" and ranking.total == 5
    first = ranking.results[0]
    assert first.title == "Adult Education Coordinator"
    assert first.explanation[0].startswith("Much like what you love")
    grant = next(r for r in ranking.results if r.title == "Grant Writer")
    assert any("could do without" in sentence for sentence in grant.explanation)
    assert grant.avoid_evidence[0].yours.startswith("Grant reporting")


@needs_ml
def test_with_embeddings_many_hats_is_named_and_ranked_down_for_someone_who_wants_focus(services: Services) -> None:
    query = _alex(services)
    ranking = services.fit_matching.rank_postings(query, top=5)
    assert ranking.method == "hybrid"
    titles = [r.title for r in ranking.results]
    assert titles[0] == "Adult Education Coordinator"
    office = next(r for r in ranking.results if r.title.startswith("Office Manager"))
    assert office.many_hats and len(office.kinds_of_work) >= 4
    assert any("wear many hats" in s and "focus" in s for s in office.explanation)
    assert titles[-1] == office.title
    focused = next(r for r in ranking.results if r.title == "Adult Education Coordinator")
    assert not focused.many_hats
    variety = services.fit_matching.rank_postings(
        FitQuery(loved=query.loved, liked=query.liked, avoid=query.avoid, wants_focus=False), top=5
    )
    office_for_variety = next(r for r in variety.results if r.title.startswith("Office Manager"))
    assert office_for_variety.score > office.score


def test_a_json_ld_script_is_read_as_a_browser_reads_it() -> None:
    """A description holding '&quot;' was unescaped before parsing, which broke the JSON (browsers never do)."""
    from onward.fit.matching.posting_import import parse_jsonld

    page = (
        '<html><script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting", '
        '"title": "Literacy officer", "description": "<p>Say &quot;hello&quot; to adult learners</p>"}'
        "</script></html>"
    )
    (posting,) = parse_jsonld(page, "page.html")
    assert posting.title == "Literacy officer"


def test_a_job_board_csv_keeps_its_pay_and_remote_columns_and_drops_markdown_escapes() -> None:
    from onward.fit.matching.posting_import import parse_csv
    from onward.fit.matching.postings import reads_like_a_duty

    text = (
        "title,company,description,salary_range,is_remote\n"
        '"Literacy tutor\\\\","Eastside","Teach adults to read\\\\.\nPay: $20\\\\.00 - $22\\\\.00 per hour",'
        '"$20\\\\.00 - $22\\\\.00 an hour",true\n'
    )
    (posting,) = parse_csv(text, "board.csv")
    assert posting.salary == "$20.00 - $22.00 an hour"
    assert posting.work_mode == "remote"
    assert "$20.00" in posting.description and "\\\\" not in posting.description
    assert not reads_like_a_duty("Pay: $20.00 - $22.00 per hour")
    assert reads_like_a_duty("Teach adults to read.")
