"""Forecast + priorities for the workload pages over the heavy user (20,000 tasks, 2,000 open): server time.

Server time is the app's own Server-Timing (middleware to response). The bare /api/health endpoint, measured in
the same run, is the baseline; the aim is p95 <= 50 ms and p50 <= 10x it per page. The pages' data is kept per
state of the workload (onward.workload.cache), so repeated reads are the aimed figure; the first read after an
edit (the forecast, ranking and schedule built again) is printed too, without an aim. Also the pure forecast +
priorities in-process.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heavy_user import build, heavy_user_settings
from web_requests import baseline, measure_pages, page_line, server_times, signed_in

PAGES = ["/workload", "/workload/priorities", "/workload/load", "/api/workload", "/workload/drift"]
REQUESTS = 100
EDITS = 10


def main() -> None:
    from onward.services import Services
    from onward.web.app import create_app

    build()
    services = Services.local(heavy_user_settings())
    workload = services.workload
    timings, cpu = [], []
    for _ in range(30):
        started, started_cpu = time.perf_counter(), time.process_time()
        active = workload.planning.active_tasks()
        forecast = workload.planning.load_forecast(tasks=active)
        ranked = workload.planning.priorities(tasks=active, explain=False)
        workload.planning.explain(ranked[:50])  # the terms of the tasks a page shows
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    print(
        f"workload forecast + priorities ({len(active)} open tasks, {len(forecast.weeks)} weeks, "
        f"{len(ranked)} ranked), in-process: median {statistics.median(timings):.1f} ms "
        f"(CPU {statistics.median(cpu):.1f} ms)"
    )
    services.store.dispose()

    with signed_in(create_app(heavy_user_settings(), token="bench")) as client:
        base = baseline(client, 500)
        print(f"workload baseline /api/health: p50 {base:.2f} ms")
        measure_pages(client, "workload page", PAGES, base, REQUESTS, warm=5)
        editor = Services.local(heavy_user_settings())  # another process's writes, as the CLI's would be
        task_id = editor.workload.planning.active_tasks()[0].id
        for path in PAGES:
            times = []
            for n in range(EDITS):
                editor.workload.tasks.update_task(task_id, notes=f"edit {n}")
                times += server_times(client, path, 1)
            print(page_line("workload page, first read after an edit,", path, times, base, aimed=False))
        editor.workload.tasks.update_task(task_id, notes="")
        editor.store.dispose()


if __name__ == "__main__":
    main()
