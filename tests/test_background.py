"""Heavy one-off work runs once, in its own thread, and says how far it is; a failure says why, once."""

from __future__ import annotations

import threading

from onward.background import BackgroundWork, Progress, Reporter


def test_work_runs_once_and_its_progress_only_goes_up() -> None:
    gate, runs = threading.Event(), []

    def work(report: Reporter) -> str:
        runs.append(1)
        report.step("counting", done=0, total=3)
        for _ in range(3):
            gate.wait(5)
            report.advance(1)
        return "done"

    job = BackgroundWork("count", work)
    assert job.progress() == Progress("waiting", 0, 0)
    job.start()
    job.start()  # already under way: nothing new starts
    gate.set()
    seen: list[Progress] = []
    assert job.wait(seen.append, interval=0.01) == "done"
    assert runs == [1] and job.result == "done"
    assert seen[-1] == Progress("ready", 3, 3) and seen[-1].ready
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert job.wait() == "done" and runs == [1]  # ready: asking again does not run it again


def test_a_failure_is_shown_with_its_reason_and_not_retried() -> None:
    runs = []

    def work(report: Reporter) -> None:
        runs.append(1)
        raise RuntimeError("the model is not installed")

    job: BackgroundWork[str] = BackgroundWork("broken", work)
    assert job.wait() is None
    assert job.progress().failed and job.progress().error == "the model is not installed"
    job.start()
    assert job.wait() is None and runs == [1]


def test_stopping_leaves_nothing_half_done_and_it_can_start_again() -> None:
    started, release = threading.Event(), threading.Event()

    def work(report: Reporter) -> str | None:
        report.step("working", total=10)
        for _ in range(10):
            started.set()
            release.wait(0.01)
            if report.stopping:
                return None
            report.advance(1)
        return "whole"

    job = BackgroundWork("stoppable", work)
    job.start()
    started.wait(5)
    job.stop()
    assert job.result is None and job.progress() == Progress("waiting", 0, 10)
    assert job.wait() == "whole" and job.progress().ready
