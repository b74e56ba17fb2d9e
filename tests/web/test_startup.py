"""Start-up stays light: torch and the sentence model load only when matching by meaning is first needed,
and the O*NET task index (BM25) is built in the background as the app starts, not on the first visit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = 'HEAVY = ("torch", "sentence_transformers", "transformers")\n'

START_THE_APP = (
    HEAVY
    + """
import json, sys, threading
from fastapi.testclient import TestClient
from onward.fit.matching import index as matching
from onward.settings import Settings
from onward.web.app import create_app

settings = Settings(data_dir=sys.argv[1], cache_dir=sys.argv[2], open_browser=False)
with TestClient(create_app(settings, token="t" * 24), base_url="http://127.0.0.1") as client:
    assert client.get("/api/health").status_code == 200
    for thread in threading.enumerate():
        if thread.name == "onet-bm25":
            thread.join()
    built = bool(matching._INDEXES) and bool(matching._BM25)
print(json.dumps({"heavy": [m for m in HEAVY if m in sys.modules], "bm25_built": built}))
"""
)

HELP = (
    HEAVY
    + """
import json, sys
from onward.cli.main import main
main(["--help"])
print(json.dumps([m for m in HEAVY if m in sys.modules]), file=sys.stderr)
"""
)


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONWARD_")}
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True)


def test_starting_the_web_app_builds_the_task_index_and_imports_no_torch(tmp_path: Path) -> None:
    done = _python(START_THE_APP, str(tmp_path / "data"), str(tmp_path / "cache"))
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"heavy": [], "bm25_built": True}


def test_onward_help_imports_no_torch() -> None:
    done = _python(HELP)
    assert "occupations" in done.stdout
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
