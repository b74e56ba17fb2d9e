"""Feedback at a realistic size, as ratios to the bare JSON endpoint (server time, see web_requests.py):

- the results page of a request 150 people answered (sentences split and shuffled, themes) and its JSON twin,
- the overview and the 1:1s page over three years of requests and 150 logged 1:1s,
- the answer page (GET) and storing an answer (POST JSON, first answer then replacing it) on a link of that
  request, which also reads the owner from the token's hash.

It works on a copy of the heavy user's database (so it can add its own request with links it knows), and lifts
the answer pages' rate limits for the run (they would stop a benchmark after 30 requests per link).
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heavy_user import build, heavy_user_settings
from web_requests import baseline, page_line, server_times, signed_in

REQUESTS = 300
ANSWERS = 150


def main() -> None:
    from fastapi.testclient import TestClient

    from onward.feedback.bench import answer_for
    from onward.services import Services
    from onward.web.app import create_app
    from onward.web.routes.feedback import answers as answer_routes

    source = build()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "heavy.sqlite"
        shutil.copy(source, copy)
        settings = heavy_user_settings().model_copy(
            update={"database_url": f"sqlite:///{copy}", "data_dir": Path(folder)}
        )
        services = Services.local(settings)
        rng = random.Random(7)
        made = services.feedback.requests.create(
            "Bench: the whole department", invite=[f"P{i}" for i in range(ANSWERS + 1)]
        )
        ratings = sum(1 for q in made.questions if q.kind == "rating")
        tokens = [link.url.rsplit("/", 1)[1] for link in made.links]
        for token in tokens[:ANSWERS]:
            services.feedback.answers.submit(token, answer_for(len(made.questions), ratings, rng))
        services.store.dispose()

        answer_routes.PER_LINK = answer_routes.PER_ADDRESS = 10**9
        app = create_app(settings, token="bench")
        with signed_in(app) as client:
            base_p50 = baseline(client)
            print(f"feedback /api/health: p50 {base_p50:.2f} ms (baseline)")

            def report(label: str, times: list[float]) -> None:
                print(page_line("feedback", label, times, base_p50))

            for path in (
                f"/feedback/{made.request_id}/results",
                f"/api/feedback/{made.request_id}/results",
                "/feedback",
                "/feedback/meetings",
            ):
                server_times(client, path, 10)
                report(
                    f"{path} ({ANSWERS} answers)" if "results" in path else path, server_times(client, path, REQUESTS)
                )

            stranger = TestClient(app, base_url="http://127.0.0.1")  # no sign-in, as a respondent
            link = f"/f/{tokens[ANSWERS]}"
            report("GET answer page", server_times(stranger, link, REQUESTS))
            posts = []
            for _ in range(REQUESTS):
                body = {"answers": answer_for(len(made.questions), ratings, rng)}
                response = stranger.post(link, json=body)
                assert response.status_code == 200, response.text
                posts.append(float(response.headers["server-timing"].split("dur=")[1]))
            report("POST answer (JSON; first stores, the rest replace)", posts)


if __name__ == "__main__":
    main()
