"""The `reportdraft` command: its options, and wiring only. Errors become one clear line and a
non-zero exit. Each command's body is in its own module (index_cmd.py, draft_cmd.py, check_cmd.py,
material_cmd.py) and imports what it needs when it runs, so `reportdraft --help` stays quick."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from drafting.errors import ReportDraftError
from lexicon.roles import SHAPES, Kind, Role
from retrieval.errors import RetrievalError, storage_reason

from .check_cmd import cmd_eval, cmd_merge
from .draft_cmd import cmd_draft
from .index_cmd import cmd_index, cmd_search
from .material_cmd import add_material_command
from .settings import Settings, apply_offline_env

apply_offline_env()


def check_outputs(paths: list[str | None]) -> None:
    """Before any work: every output file named can be created (its folder exists and is writable)."""
    from drafting.engine import check_writable

    check_writable([Path(p).expanduser() for p in paths if p])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportdraft", description="妇联年度报告起草工具")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p):
        p.add_argument("--db", help="索引与数据目录（默认 $REPORTDRAFT_DB 或 ~/.reportdraft）")
        return p

    p = with_db(sub.add_parser("index", help="把往年报告导入索引"))
    p.add_argument("--corpus", help="报告所在目录（默认内置语料）")
    p.add_argument("--prune", action="store_true", help="移除目录里已不存在的报告")
    p.set_defaults(func=cmd_index)

    p = with_db(sub.add_parser("search", help="检索往年报告的段落"))
    p.add_argument("query")
    p.add_argument("--role", choices=[r.value for r in Role], help="；".join(f"{r.value}={r.label}" for r in Role))
    p.add_argument("--type", choices=[k.value for k in Kind], help="；".join(f"{k.value}={k.label}" for k in Kind))
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = with_db(sub.add_parser("draft", help="根据事实起草报告"))
    p.add_argument("--case", help="案例文件（YAML）")
    p.add_argument("--facts", help="事实文件，每行一条")
    p.add_argument("--type", choices=[k.value for k in Kind], help="；".join(f"{k.value}={k.label}" for k in Kind))
    p.add_argument("--org")
    p.add_argument("--year")
    p.add_argument("--short-name")
    p.add_argument("--addressee")
    p.add_argument("--date", help="成文日期 YYYY-MM-DD（不填：今天若在通常的成文时间内则用今天，否则留空由签发人填写）")
    p.add_argument("--period", choices=["half", "annual"], help="总结期间（工作总结用）；不填则按事实判断")
    p.add_argument("--shape", choices=list(SHAPES), help="法治政府建设报告的结构：statutory＝一、主要举措和成效下分"
                   "（一）（二）…（默认，或按本单位往年报告）；themed＝按主题分几个一级标题")
    p.add_argument("--backend", choices=["offline", "llm"], help="默认：配置了大模型则用 llm，否则 offline")
    p.add_argument("--accept-comparisons", metavar="all|1,2",
                   help="把与上年报告的同比数据（工具计算）加入草稿：all 或编号")
    p.add_argument("--out", help="草稿 JSON")
    p.add_argument("--md", help="Markdown 文件")
    p.add_argument("--docx", help="Word 文件（GB/T 9704 公文格式）")
    p.add_argument("--sources", choices=["comments", "appendix"], default="comments",
                   help="来源说明放在 Word 批注里（默认）或文末附件")
    p.set_defaults(func=cmd_draft)

    p = with_db(sub.add_parser("merge", help="把在 Word/WPS 中改过的 .docx 读回草稿"))
    p.add_argument("draft", help="草稿 JSON")
    p.add_argument("docx", help="改过的 Word 文件")
    p.add_argument("--out", help="新草稿 JSON（默认覆盖原文件）")
    p.add_argument("--accept-other-draft", action="store_true",
                   help="Word 文件是从另一份草稿导出的，也读进这一份（默认拒绝）")
    p.set_defaults(func=cmd_merge)

    p = with_db(sub.add_parser("eval", help="检查草稿"))
    p.add_argument("draft", nargs="?")
    p.add_argument("--cases", help="案例目录：逐个起草并检查")
    p.add_argument("--backend", choices=["offline", "llm"], action="append",
                   help="起草后端；给两次（--backend offline --backend llm）即对比两者")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    add_material_command(sub, with_db)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env(data_dir=Path(args.db).expanduser() if getattr(args, "db", None) else None)
        return args.func(args, settings)
    except (ReportDraftError, RetrievalError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error) as exc:  # a file or the data directory, not a bug: no traceback
        print(f"错误：无法读写文件（{getattr(exc, 'filename', None) or ''}）：{storage_reason(exc)}。", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
