#!/usr/bin/env python3
"""Writes the derived layouts of the delegation corpus from the hand-made gold files.

Every derived file holds the same items as its source's NN.gold.json, in the layout a
municipality actually exports (semicolon CSV, TSV, Markdown, HTML, DOCX, ODT, XLSX), with
varied Swedish header words for the same columns. Only the standard library is used and the
output is byte-for-byte reproducible (fixed zip timestamps, fixed member order).

    python3 tests/corpus/delegation/make_layouts.py          # (re)write all derived files
    python3 tests/corpus/delegation/make_layouts.py --check  # fail if any file differs

The conventions used in the cells (how ranks, alternatives, levels and several lagrum are
written in one cell) are listed per file in SPECS and described in README.md.
"""

import csv
import io
import json
import os
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ZIP_DATE = (2024, 1, 1, 0, 0, 0)

# Logical columns: number, matter, legal_basis, delegates, first_rank, other_ranks, remark,
# and extra:<name> for a source's own extra columns (03: Anmäls, Överklagan).
#
# Cell conventions:
#   alt   – how alternatives of the same rank are joined (" eller ", ", ", " / ")
#   ranks – how ranks (fallback order) are joined: "comma" ("A, B"), "numbered" ("1. A 2. B"),
#           "paren" ("A (B, C)"), "lines" (one rank per line)
#   law   – how several lagrum are joined ("; " or "\n")
#   levels – "inline" (one line: "head a) x b) y") or "lines" (head and each level on its own line)
#   number_in_matter – the item number is written at the start of the matter cell (no Nr column)
#   sections – section heading rows between the items (HTML and DOCX only)
SPECS = [
    # --- a source text extracted cell by cell, flattened onto one line ------------------
    dict(src="02", out="02.flat.txt", fmt="flat"),
    dict(src="05", out="05.flat.txt", fmt="flat"),
    # --- lists under headings that name the delegate (06), numbered by the document -------
    dict(src="06", out="06.docx", fmt="docx_list", title="Del av delegationsordning"),
    dict(src="06", out="06.list.html", fmt="html_list", title="Del av delegationsordning"),
    dict(src="06", out="06.odt", fmt="odt_list", title="Del av delegationsordning"),
    # --- semicolon CSV, the document's own headers ------------------------------------------
    dict(src="01", out="01.semicolon.csv", fmt="csv", delimiter=";", encoding="utf-8",
         newline="\n",
         columns=[("Avsnitt", "number"), ("Lagrum", "legal_basis"), ("Ärende", "matter"),
                  ("Lägsta beslutsnivå", "delegates"), ("Anmäls till/anmärkning", "remark")],
         alt=" eller ", ranks="comma", law="; ", levels="inline"),
    dict(src="02", out="02.semicolon.csv", fmt="csv", delimiter=";", encoding="cp1252",
         newline="\r\n",
         columns=[("Nr", "number"), ("Delegationens art", "matter"), ("Lagrum", "legal_basis"),
                  ("Delegat", "first_rank"), ("Ersättare", "other_ranks")],
         alt=", ", ranks="comma", law="; ", levels="inline"),
    dict(src="03", out="03.semicolon.csv", fmt="csv", delimiter=";", encoding="utf-8-sig",
         newline="\r\n",
         columns=[("Ärende", "matter"), ("Lagrum", "legal_basis"),
                  ("Lägsta beslutsnivå", "delegates"), ("Anmäls", "extra:Anmäls"),
                  ("Överklagan", "extra:Överklagan")],
         alt=" eller ", ranks="comma", law="; ", levels="inline", number_in_matter=True),
    # --- tab-separated ---------------------------------------------------------------------
    dict(src="01", out="01.tab.tsv", fmt="csv", delimiter="\t", encoding="utf-8", newline="\n",
         columns=[("Punkt", "number"), ("Ärendetyp", "matter"), ("Författning", "legal_basis"),
                  ("Beslutsfattare", "delegates"), ("Kommentar", "remark")],
         alt=" / ", ranks="comma", law="; ", levels="inline"),
    dict(src="04", out="04.tab.tsv", fmt="csv", delimiter="\t", encoding="utf-8", newline="\n",
         columns=[("Nr", "number"), ("Ärende", "matter"), ("Författning", "legal_basis"),
                  ("Delegat", "delegates"), ("Anmärkning", "remark")],
         alt=" / ", ranks="comma", law="; ", levels="inline"),
    # --- Markdown --------------------------------------------------------------------------
    dict(src="02", out="02.md", fmt="md",
         columns=[("Ref", "number"), ("Beslut", "matter"), ("Lag", "legal_basis"),
                  ("Delegat (ersättare)", "delegates"), ("Villkor", "remark")],
         alt=" eller ", ranks="paren", law="; ", levels="inline"),
    dict(src="03", out="03.md", fmt="md",
         columns=[("Nr", "number"), ("Ärende", "matter"), ("Lag", "legal_basis"),
                  ("Lägsta beslutsnivå", "delegates"), ("Anmäls", "extra:Anmäls"),
                  ("Överklagan", "extra:Överklagan")],
         alt=" eller ", ranks="comma", law="; ", levels="inline"),
    # --- HTML ------------------------------------------------------------------------------
    dict(src="02", out="02.html", fmt="html",
         columns=[("Nr", "number"), ("Ärende", "matter"), ("Lagrum", "legal_basis"),
                  ("Delegat", "first_rank"), ("Ersättare", "other_ranks")],
         alt=" eller ", ranks="lines", law="\n", levels="lines", sections=True),
    dict(src="04", out="04.html", fmt="html",
         columns=[("Punkt", "number"), ("Ärendetyp", "matter"), ("Lag", "legal_basis"),
                  ("Beslutsfattare", "delegates"), ("Kommentar", "remark")],
         alt=" / ", ranks="lines", law="\n", levels="lines", sections=True),
    # --- DOCX ------------------------------------------------------------------------------
    dict(src="01", out="01.docx", fmt="docx",
         columns=[("Ref", "number"), ("Beslut", "matter"), ("Lag", "legal_basis"),
                  ("Lägsta beslutsnivå", "delegates"), ("Villkor", "remark")],
         alt=" eller ", ranks="lines", law="\n", levels="lines", sections=True),
    dict(src="03", out="03.docx", fmt="docx",
         columns=[("Punkt", "number"), ("Ärendetyp", "matter"), ("Lagrum", "legal_basis"),
                  ("Beslutsfattare", "delegates"), ("Anmärkning", "remark"),
                  ("Anmäls", "extra:Anmäls"), ("Överklagan", "extra:Överklagan")],
         alt=" eller ", ranks="lines", law="\n", levels="lines", sections=True),
    # --- ODT -------------------------------------------------------------------------------
    dict(src="02", out="02.odt", fmt="odt",
         columns=[("Punkt", "number"), ("Ärendetyp", "matter"), ("Lagrum", "legal_basis"),
                  ("Beslutsfattare", "delegates"), ("Anmärkning", "remark")],
         alt=" eller ", ranks="numbered", law="\n", levels="lines"),
    # --- XLSX ------------------------------------------------------------------------------
    dict(src="03", out="03.xlsx", fmt="xlsx",
         columns=[("Avsnitt", "number"), ("Beslut", "matter"), ("Författning", "legal_basis"),
                  ("Delegat", "delegates"), ("Kommentar", "remark"), ("Anmäls", "extra:Anmäls"),
                  ("Överklagan", "extra:Överklagan")],
         alt=" eller ", ranks="comma", law="\n", levels="inline"),
]


# ---------------------------------------------------------------------------------------
# Cell text
# ---------------------------------------------------------------------------------------

def join_ranks(ranks, spec):
    """Ranks (fallback order) of alternatives as one piece of text."""
    alts = [spec["alt"].join(r) for r in ranks if r]
    if not alts:
        return ""
    style = spec["ranks"]
    if style == "comma":
        return ", ".join(alts)
    if style == "numbered":
        if len(alts) == 1:
            return alts[0]
        return " ".join(f"{i}. {a}" for i, a in enumerate(alts, 1))
    if style == "paren":
        if len(alts) == 1:
            return alts[0]
        return f"{alts[0]} ({', '.join(alts[1:])})"
    if style == "lines":
        return "\n".join(alts)
    raise ValueError(style)


def level_label(level):
    return f"{level['number']})" if level.get("number") else "-"


def cell(item, key, spec):
    """The text of one logical column for one item."""
    levels = item.get("levels") or []
    sep = " " if spec["levels"] == "inline" else "\n"
    if key == "number":
        return item.get("number") or ""
    if key == "matter":
        parts = [item["matter"]]
        for level in levels:
            if level.get("matter"):
                parts.append(f"{level_label(level)} {level['matter']}")
        text = sep.join(parts)
        if spec.get("number_in_matter") and item.get("number"):
            text = f"{item['number']} {text}"
        return text
    if key == "legal_basis":
        return spec["law"].join(item.get("legal_basis") or [])
    if key in ("delegates", "first_rank", "other_ranks"):
        def pick(ranks):
            if key == "first_rank":
                return ranks[:1]
            if key == "other_ranks":
                return ranks[1:]
            return ranks
        parts = []
        head = join_ranks(pick(item.get("delegates") or []), spec)
        if head:
            parts.append(head)
        for level in levels:
            text = join_ranks(pick(level.get("delegates") or []), spec)
            if text:
                parts.append(f"{level_label(level)} {text}")
        return sep.join(parts)
    if key == "remark":
        return item.get("remark") or ""
    if key.startswith("extra:"):
        return (item.get("extra") or {}).get(key[len("extra:"):]) or ""
    raise ValueError(key)


def rows(gold, spec):
    """(kind, cells) in document order: ("section", [title]) or ("item", [cells…])."""
    titles = {s["number"]: s for s in gold.get("sections", []) if s.get("number")}
    titles.update({s["title"]: s for s in gold.get("sections", []) if not s.get("number")})
    seen = set()
    for item in gold["items"]:
        sec = item.get("section")
        if spec.get("sections") and sec is not None and sec not in seen:
            seen.add(sec)
            s = titles.get(sec)
            if s is not None:
                label = f"{s['number']} {s['title']}" if s.get("number") else s["title"]
                yield "section", [label]
        yield "item", [cell(item, key, spec) for _, key in spec["columns"]]


def title(gold, spec):
    body = gold.get("body") or "nämnd (okänd)"
    where = gold.get("municipality") or "kommun okänd"
    return f"Delegationsordning – {body}, {where} (härledd från {spec['src']}.txt)"


# ---------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------

def write_csv(gold, spec):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=spec["delimiter"], lineterminator=spec["newline"],
                   quoting=csv.QUOTE_MINIMAL)
    w.writerow([h for h, _ in spec["columns"]])
    for kind, cells in rows(gold, spec):
        if kind == "item":
            w.writerow(cells)
    return buf.getvalue().encode(spec["encoding"])


def md_cell(text):
    return text.replace("|", "\\|").replace("\n", "<br>")


def write_md(gold, spec):
    heads = [h for h, _ in spec["columns"]]
    out = [f"# {title(gold, spec)}", "",
           "| " + " | ".join(heads) + " |",
           "|" + "|".join("---" for _ in heads) + "|"]
    for kind, cells in rows(gold, spec):
        if kind == "item":
            out.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    return ("\n".join(out) + "\n").encode("utf-8")


def html_cell(text):
    return "<br>".join(escape(line) for line in text.split("\n"))


def write_html(gold, spec):
    heads = [h for h, _ in spec["columns"]]
    out = ["<!DOCTYPE html>", '<html lang="sv">', "<head>", '<meta charset="utf-8">',
           f"<title>{escape(title(gold, spec))}</title>", "</head>", "<body>",
           f"<h1>{escape(title(gold, spec))}</h1>", "<table>", "<thead>",
           "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>", "</thead>",
           "<tbody>"]
    for kind, cells in rows(gold, spec):
        if kind == "section":
            out.append(f'<tr class="avsnitt"><td colspan="{len(heads)}"><strong>'
                       f"{escape(cells[0])}</strong></td></tr>")
        else:
            out.append("<tr>" + "".join(f"<td>{html_cell(c)}</td>" for c in cells) + "</tr>")
    out += ["</tbody>", "</table>", "</body>", "</html>"]
    return ("\n".join(out) + "\n").encode("utf-8")


def zip_bytes(members):
    """members: list of (name, bytes, stored?) in order."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, stored in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_run(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    lines = text.split("\n")
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{props}{inner}</w:r>"


def docx_cell(text, width, bold=False, span=1):
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}</w:tcPr>'
            f"<w:p>{docx_run(text, bold)}</w:p></w:tc>")


def write_docx(gold, spec):
    heads = [h for h, _ in spec["columns"]]
    # Column widths as delegation orders set them, on a landscape page: the matter wide,
    # the number narrow.
    weights = [{"number": 2, "matter": 8}.get(key, 4) for _, key in spec["columns"]]
    widths = [14000 * w // sum(weights) for w in weights]
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    body = [f"<w:p>{docx_run(title(gold, spec), bold=True)}</w:p>",
            "<w:tbl>",
            f'<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{border}</w:tblBorders>'
            "</w:tblPr>",
            "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>",
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
            + "".join(docx_cell(h, w, bold=True) for h, w in zip(heads, widths)) + "</w:tr>"]
    for kind, cells in rows(gold, spec):
        if kind == "section":
            body.append("<w:tr>" + docx_cell(cells[0], sum(widths), bold=True,
                                             span=len(heads)) + "</w:tr>")
        else:
            body.append("<w:tr>" + "".join(docx_cell(c, w) for c, w in zip(cells, widths))
                        + "</w:tr>")
    body.append("</w:tbl>")
    document = (XML_DECL + f'<w:document xmlns:w="{W_NS}"><w:body>' + "".join(body)
                + '<w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
                '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/>'
                "</w:sectPr></w:body></w:document>")
    return docx_package(document)


def docx_package(document, numbering=None):
    """The zip of a Word document: its content types, relationships and document part, and
    the numbering part when there is one."""
    numbering_type = ('<Override PartName="/word/numbering.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
                      if numbering else "")
    content_types = (
        XML_DECL
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        + numbering_type + "</Types>")
    rels = (
        XML_DECL
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    members = [("[Content_Types].xml", content_types.encode(), False),
               ("_rels/.rels", rels.encode(), False),
               ("word/document.xml", document.encode(), False)]
    if numbering:
        doc_rels = (
            XML_DECL
            + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            "</Relationships>")
        members += [("word/_rels/document.xml.rels", doc_rels.encode(), False),
                    ("word/numbering.xml", numbering.encode(), False)]
    return zip_bytes(members)


def odt_cell(text, header=False):
    lines = text.split("\n") if text else [""]
    paras = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
    return f'<table:table-cell office:value-type="string">{paras}</table:table-cell>'


def write_odt(gold, spec):
    heads = [h for h, _ in spec["columns"]]
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    parts = [f"<text:p>{escape(title(gold, spec))}</text:p>",
             '<table:table table:name="Delegationsordning">',
             f'<table:table-column table:number-columns-repeated="{len(heads)}"/>',
             "<table:table-header-rows><table:table-row>"
             + "".join(odt_cell(h, True) for h in heads)
             + "</table:table-row></table:table-header-rows>"]
    for kind, cells in rows(gold, spec):
        if kind == "item":
            parts.append("<table:table-row>" + "".join(odt_cell(c) for c in cells)
                         + "</table:table-row>")
    parts.append("</table:table>")
    content = (XML_DECL.replace(' standalone="yes"', "")
               + f'<office:document-content {ns} office:version="1.2"><office:body><office:text>'
               + "".join(parts) + "</office:text></office:body></office:document-content>")
    return odt_package(content)


def odt_package(content):
    """An OpenDocument text package around its content.xml."""
    manifest = (
        XML_DECL.replace(' standalone="yes"', "")
        + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    return zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.text", True),
                      ("META-INF/manifest.xml", manifest.encode(), False),
                      ("content.xml", content.encode(), False)])


def col_name(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def write_xlsx(gold, spec):
    heads = [h for h, _ in spec["columns"]]
    table = [heads] + [cells for kind, cells in rows(gold, spec) if kind == "item"]
    sheet_rows = []
    for r, values in enumerate(table, 1):
        cells = "".join(
            f'<c r="{col_name(c)}{r}" t="inlineStr"><is><t xml:space="preserve">'
            f"{escape(v)}</t></is></c>"
            for c, v in enumerate(values) if v != "")
        sheet_rows.append(f'<row r="{r}">{cells}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet = (XML_DECL + f'<worksheet xmlns="{main}"><sheetData>' + "".join(sheet_rows)
             + "</sheetData></worksheet>")
    workbook = (XML_DECL + f'<workbook xmlns="{main}" xmlns:r="{rel_ns}"><sheets>'
                '<sheet name="Delegationsordning" sheetId="1" r:id="rId1"/></sheets></workbook>')
    content_types = (
        XML_DECL
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>")
    rels = (
        XML_DECL
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb_rels = (
        XML_DECL
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    return zip_bytes([("[Content_Types].xml", content_types.encode(), False),
                      ("_rels/.rels", rels.encode(), False),
                      ("xl/workbook.xml", workbook.encode(), False),
                      ("xl/_rels/workbook.xml.rels", wb_rels.encode(), False),
                      ("xl/worksheets/sheet1.xml", sheet.encode(), False)])


def list_blocks(gold):
    """A list layout's blocks, in order: ("heading", text), ("item", matter),
    ("bullet", text), ("para", text). Headings are the items' sections (the delegate stands
    once in each); items are numbered by the document (Word's numbering, an <ol>), not in
    their text."""
    blocks, section = [], None
    for item in gold["items"]:
        if item["section"] != section:
            section = item["section"]
            blocks.append(("heading", section))
        blocks.append(("item", item["matter"]))
        for level in item.get("levels") or []:
            blocks.append(("bullet", level["matter"]))
        if item.get("remark"):
            blocks.append(("para", item["remark"]))
    return blocks


def write_docx_list(gold, spec):
    """Word with its own numbering: items numbered by w:numPr (numId 1, decimal), sub-items
    bulleted (numId 2), word/numbering.xml defining both."""
    body = [f"<w:p>{docx_run(spec['title'], bold=True)}</w:p>"]
    for kind, text in list_blocks(gold):
        num = {"item": 1, "bullet": 2}.get(kind)
        props = (f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
                 "</w:pPr>") if num else ""
        body.append(f"<w:p>{props}{docx_run(text, bold=kind == 'heading')}</w:p>")
    document = (XML_DECL + f'<w:document xmlns:w="{W_NS}"><w:body>' + "".join(body)
                + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
                "</w:body></w:document>")
    numbering = (
        XML_DECL + f'<w:numbering xmlns:w="{W_NS}">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>")
    return docx_package(document, numbering)


def write_odt_list(gold, spec):
    """OpenDocument lists as a word processor writes them: the items in a numbered list
    (style L1, level 1 "1."), their sub-items in a list nested in the item (level 2, a
    bullet), a paragraph between items ending the list and the next list going on with its
    numbers (text:continue-list); headings as text:h."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:xml="http://www.w3.org/XML/1998/namespace"')
    styles = ('<office:automatic-styles><text:list-style style:name="L1">'
              '<text:list-level-style-number text:level="1" style:num-suffix="." '
              'style:num-format="1"/>'
              '<text:list-level-style-bullet text:level="2" text:bullet-char="•"/>'
              "</text:list-style></office:automatic-styles>")
    parts = [f'<text:h text:outline-level="1">{escape(spec["title"])}</text:h>']
    lists = 0
    open_list = open_item = open_sub = False

    def close():
        nonlocal open_list, open_item, open_sub
        if open_sub:
            parts.append("</text:list>")
        if open_item:
            parts.append("</text:list-item>")
        if open_list:
            parts.append("</text:list>")
        open_list = open_item = open_sub = False

    for kind, text in list_blocks(gold):
        if kind in ("heading", "para"):
            close()
            tag = "text:h" if kind == "heading" else "text:p"
            level = ' text:outline-level="2"' if kind == "heading" else ""
            parts.append(f"<{tag}{level}>{escape(text)}</{tag}>")
            continue
        if not open_list:
            lists += 1
            go_on = ' text:continue-list="list1"' if lists > 1 else ""
            parts.append(f'<text:list xml:id="list{lists}" text:style-name="L1"{go_on}>')
            open_list = True
        if kind == "item":
            if open_sub:
                parts.append("</text:list>")
                open_sub = False
            if open_item:
                parts.append("</text:list-item>")
            parts.append(f"<text:list-item><text:p>{escape(text)}</text:p>")
            open_item = True
        else:
            if not open_sub:
                parts.append("<text:list>")
                open_sub = True
            parts.append(f"<text:list-item><text:p>{escape(text)}</text:p></text:list-item>")
    close()
    content = (XML_DECL.replace(' standalone="yes"', "")
               + f'<office:document-content {ns} office:version="1.2">' + styles
               + "<office:body><office:text>" + "".join(parts)
               + "</office:text></office:body></office:document-content>")
    return odt_package(content)


def write_html_list(gold, spec):
    """An HTML page: the heading as <h2>, the items in an <ol>, sub-items in a <ul>."""
    out = ["<!DOCTYPE html>", '<html lang="sv"><head><meta charset="utf-8">',
           f"<title>{escape(spec['title'])}</title></head><body>",
           f"<h1>{escape(spec['title'])}</h1>"]
    open_ol = False
    for kind, text in list_blocks(gold):
        if kind == "heading":
            if open_ol:
                out.append("</ol>")
                open_ol = False
            out.append(f"<h2>{escape(text)}</h2>")
            continue
        if not open_ol:
            out.append("<ol>")
            open_ol = True
        if kind == "item":
            out.append(f"<li>{escape(text)}")
        elif kind == "bullet":
            out.append(f"<ul><li>{escape(text)}</li></ul>")
        else:
            out.append(f"<p>{escape(text)}</p>")
    if open_ol:
        out.append("</ol>")
    out.append("</body></html>\n")
    return "\n".join(out).encode("utf-8")


def write_flat(gold, spec):
    """The source text as scraped archives and search engines hold it: every line, and
    every cell, run together with one space (the items are the source's, so its gold)."""
    with open(os.path.join(HERE, f"{spec['src']}.txt"), encoding="utf-8") as f:
        return (" ".join(f.read().split()) + "\n").encode("utf-8")


WRITERS = {"csv": write_csv, "flat": write_flat, "md": write_md, "html": write_html, "docx": write_docx,
           "odt": write_odt, "xlsx": write_xlsx, "docx_list": write_docx_list,
           "html_list": write_html_list, "odt_list": write_odt_list}


def main(argv):
    check = "--check" in argv
    stale = []
    for spec in SPECS:
        with open(os.path.join(HERE, f"{spec['src']}.gold.json"), encoding="utf-8") as f:
            gold = json.load(f)
        data = WRITERS[spec["fmt"]](gold, spec)
        path = os.path.join(HERE, spec["out"])
        if check:
            try:
                with open(path, "rb") as f:
                    if f.read() != data:
                        stale.append(spec["out"])
            except FileNotFoundError:
                stale.append(spec["out"])
        else:
            with open(path, "wb") as f:
                f.write(data)
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
