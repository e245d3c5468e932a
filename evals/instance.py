"""One app instance's services in a process of its own, driven over stdin/stdout (JSON lines), for
tests that need what the app's public API does not offer (open a saved draft, import, search,
save an edit): the same `open_for_app()` that `python app.py` starts with, so the same settings,
store and index.

    python -m evals.instance     then lines such as {"do": "search", "query": "…"}
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def handle(settings, workbench, request: dict):
    do = request["do"]
    if do == "load":
        return json.loads(workbench.store.load(request["id"]).to_json())
    if do == "list":
        return [row.id for row in workbench.store.list()]
    if do == "import":
        return workbench.import_reports([Path(request["path"])])
    if do == "search":
        return [p.doc for p in workbench.index.search(request["query"], k=request.get("k", 5))]
    if do == "edit":
        draft = workbench.store.load(request["id"])
        return workbench.edit(draft, request["section"], request["text"]).id
    if do == "versions":
        return [list(v) for v in workbench.store.versions(request["id"], request["section"])]
    raise ValueError(f"unknown request {do!r}")


def main() -> None:
    from drafting.shell.services import open_for_app

    settings, workbench = open_for_app()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        try:
            reply = {"ok": handle(settings, workbench, json.loads(line))}
        except Exception as exc:  # the test reads the error
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(reply, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
