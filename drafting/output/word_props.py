"""What the Word file says about itself: the report's title and organisation in its document
properties, and the id of the draft it came from as a custom property (Word, WPS and LibreOffice
keep custom properties when they save), so that a file read back can be told from another
draft's (word_merge.py reads it in the import's worker, with the paragraphs). python-docx's
template would otherwise sign every file "python-docx", dated 2013, with a thumbnail of its own
sample page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from drafting.domain.types import Draft
from drafting.errors import InputError
from retrieval.errors import SkippedFile
from retrieval.readers import CUSTOM, read_word_file

DRAFT_ID = "reportdraft-draft-id"
"""The custom property that carries the draft's id."""
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one fmtid Office uses for user properties


def stamp(doc, draft: Draft) -> None:
    """Title, organisation and dates in the core properties; the draft's id as a custom one."""
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = draft.meta.title, draft.meta.org, draft.meta.org
    props.comments = props.subject = props.keywords = props.category = ""
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.revision = 1
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    if draft.id:
        blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<Properties xmlns="{CUSTOM}" xmlns:vt="{_VT}"><property fmtid="{_FMTID}" pid="2" '
                f'name="{DRAFT_ID}"><vt:lpwstr>{escape(draft.id)}</vt:lpwstr></property></Properties>')
        part = Part(PackURI("/docProps/custom.xml"), _CONTENT_TYPE, blob.encode("utf-8"), package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)


def read_draft_id(path: Path, max_bytes: int | None = None) -> str:
    """The id of the draft a Word file was exported from; '' when it carries none (a file from
    before ids were written, or one made elsewhere). Read in the import's worker, with its budgets;
    an unreadable file raises InputError."""
    try:
        return read_word_file(Path(path), max_bytes)[1].get(DRAFT_ID, "")
    except SkippedFile as exc:
        raise InputError(f"无法读取 Word 文件：{exc}") from None
