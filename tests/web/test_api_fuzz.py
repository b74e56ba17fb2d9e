"""schemathesis over /api/openapi.json with a signed-in client: no 5xx, and every status code documented.

Bounded so it takes a minute or two on a 2-core CI machine: a few examples per operation, on the demo
workspace (so ids exist), BM25 matching only (no language model to load).
"""

from __future__ import annotations

from pathlib import Path

import hypothesis
import schemathesis
from schemathesis import checks

from onward.demo import fill_demo
from onward.services import Services
from onward.settings import Settings
from onward.web.app import create_app

from ..conftest import TEST_CACHE_DIR, TODAY

TOKEN = "fuzz-token-0123456789"
EXAMPLES_PER_OPERATION = 20
# What the issue asks of the API: no 5xx, every status code and content type documented, responses as the
# schema says. (Not positive_data_acceptance: a documented 400 for "104 weeks at most" is the right answer.)
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


def test_every_api_operation_answers_bad_input_without_a_5xx(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path,
        today=TODAY,
        open_browser=False,
        cache_dir=TEST_CACHE_DIR,
        text_matching="bm25",
        allowed_hosts="testserver",  # the name schemathesis's ASGI client sends
    )
    services = Services.local(settings)
    fill_demo(services)  # so that ids in paths exist
    services.store.dispose()
    signed_in = {"Authorization": f"Bearer {TOKEN}"}
    app = create_app(settings, token=TOKEN)
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app, headers=signed_in)
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @hypothesis.given(case=operation.as_strategy())
        @hypothesis.settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,  # the same cases every run: a failure here is a regression, not bad luck
            database=None,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=signed_in, checks=CHECKS)

        try:
            check()
        except (Exception, ExceptionGroup) as error:  # gather every operation's failure, report them together
            failures.append(f"{operation.label}: {str(error).strip()[:2000]}")
    assert operations > 20, "the schema lists the API"
    assert not failures, "\n\n".join(failures)
