"""What the Word file says about itself: the report's title and organisation in its document
properties, and the id of the draft it came from as a custom property (Word, WPS and LibreOffice
keep custom properties when they save), so that a file read back can be told from another
draft's. python-docx's template would otherwise sign every file "python-docx", dated 2013, with a
thumbnail of its own sample page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from drafting.domain.types import Draft

from .word_merge import open_docx

DRAFT_ID = "reportdraft-draft-id"
"""The custom property that carries the draft's id."""
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
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
                f'<Properties xmlns="{_NS}" xmlns:vt="{_VT}"><property fmtid="{_FMTID}" pid="2" '
                f'name="{DRAFT_ID}"><vt:lpwstr>{escape(draft.id)}</vt:lpwstr></property></Properties>')
        part = Part(PackURI("/docProps/custom.xml"), _CONTENT_TYPE, blob.encode("utf-8"), package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)


def draft_id_of(document) -> str:
    """The id of the draft an opened Word file was exported from; '' when it carries none."""
    for rel in document.part.package.rels.values():
        if rel.reltype != RT.CUSTOM_PROPERTIES or rel.is_external:
            continue
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        try:
            root = etree.fromstring(rel.target_part.blob, parser)
        except etree.XMLSyntaxError:
            return ""
        for prop in root.findall(f"{{{_NS}}}property"):
            if prop.get("name") == DRAFT_ID:
                return "".join(prop.itertext()).strip()
    return ""


def read_draft_id(path: Path) -> str:
    """The id of the draft a Word file was exported from; '' when it carries none (a file from
    before ids were written, or one made elsewhere). An unreadable file raises InputError."""
    return draft_id_of(open_docx(Path(path)))
