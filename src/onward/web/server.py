"""Run the web app with uvicorn on a socket we bind first (so port 0 gives a free port we can print)."""

from __future__ import annotations

import socket
import sys
import webbrowser

from onward.settings import Settings

# What `onward serve` prints (the server prints it, once it knows its address).
SERVING = "Onward is running. Open this address in your browser (it signs you in once):\n\n    {url}\n"
SERVING_STOP = "Press Ctrl+C to stop. Your data is in {where}."


def serve(settings: Settings) -> None:
    import uvicorn

    from onward.services import Services
    from onward.web.app import create_app
    from onward.web.security import new_token

    token = settings.token or new_token()
    Services.local(settings)  # migrate before the first request, so errors show here, not in a page
    sock = socket.socket(socket.AF_INET6 if ":" in settings.host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((settings.host, settings.port))
    # Listen at once: a browser that follows the printed address before uvicorn has started waits in the
    # backlog instead of being refused.
    sock.listen(2048)
    port = sock.getsockname()[1]
    host = settings.host if ":" not in settings.host else f"[{settings.host}]"
    if not settings.public_url:  # feedback links point at this server as it runs (its port may have been 0)
        settings = settings.model_copy(update={"public_url": f"http://{host}:{port}"})
    url = f"http://{host}:{port}/?token={token}"
    app = create_app(settings, token=token)
    print(SERVING.format(url=url), flush=True)
    print(SERVING_STOP.format(where=_where(settings)), flush=True)
    if settings.open_browser:
        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    server.run(sockets=[sock])
    sys.stdout.flush()


def _where(settings: Settings) -> str:
    url = settings.resolved_database_url()
    return url.removeprefix("sqlite:///") if url.startswith("sqlite") else "the PostgreSQL database"
