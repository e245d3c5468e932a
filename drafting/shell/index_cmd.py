"""`reportdraft index` and `reportdraft search`: earlier reports into the index, and its passages
searched, from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .settings import Settings


def cmd_index(args, settings: Settings) -> int:
    from .services import open_index

    index = open_index(settings, build_if_empty=False)
    corpus = Path(args.corpus) if args.corpus else settings.corpus_dir
    run = index.index_corpus(corpus, prune=args.prune, max_bytes=settings.max_upload_mb * 1024 * 1024)
    for doc in run.added:
        print(f"新增  {doc}")
    for doc in run.replaced:
        print(f"更新  {doc}")
    for doc in run.removed:
        print(f"移除  {doc}")
    for path, reason in run.skipped:
        print(f"跳过  {path}：{reason}", file=sys.stderr)
    print(f"共 {len(index.documents())} 份报告、{index.chunk_count()} 个段落在索引中"
          f"（新增 {len(run.added)}，更新 {len(run.replaced)}，未变 {len(run.unchanged)}，跳过 {len(run.skipped)}）。")
    return 1 if run.skipped else 0


def cmd_search(args, settings: Settings) -> int:
    from .services import open_index

    index = open_index(settings)
    results = index.search(args.query, role=args.role, report_type=args.type, k=args.k)
    if args.json:
        print(json.dumps([p.to_dict() for p in results], ensure_ascii=False, indent=2))
        return 0
    for p in results:
        print(f"[{p.score:.3f}] {p.title} · {p.heading or '导语'} （{p.role}）\n    {p.text[:120]}")
    return 0
