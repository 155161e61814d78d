#!/usr/bin/env python3
"""Generate probe files 61-69 (hand-built PMO-template RACI matrices) and expected.json.

Each file is described as a small in-memory grid (Sheet), then written with openpyxl / odfpy /
xlwt / csv. The answer key is derived from the same description (task rows, party columns),
and verify.py re-reads the written files independently.
"""
import csv, datetime, io, json, os, random, re

OUT = os.path.dirname(os.path.abspath(__file__))


def col_letter(c):
    s = ""
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def letters_of(text):
    """RACI letters a reader takes from a cell (S = support etc. is dropped)."""
    t = (text or "").upper()
    return "".join(ch for ch in "RACI" if ch in t)


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}      # (r, c) -> value
        self.style = {}      # (r, c) -> dict
        self.merges = []     # (r1, c1, r2, c2)
        self.widths = {}
        self.heights = {}
        self.freeze = None
        self.tasks = []      # (name, row)
        self.parties = []    # (key name, col)
        self.is_key = False

    def set(self, r, c, v, **st):
        if v is not None and v != "":
            self.cells[(r, c)] = v
        if st:
            self.style.setdefault((r, c), {}).update(st)

    def merge(self, r1, c1, r2, c2):
        self.merges.append((r1, c1, r2, c2))

    def max_rc(self):
        rs = [r for r, c in self.cells] + [m[2] for m in self.merges]
        cs = [c for r, c in self.cells] + [m[3] for m in self.merges]
        return max(rs), max(cs)


class Book:
    def __init__(self, fname):
        self.fname = fname
        self.sheets = []
        self.notes = []
        self.task_ok = None
        self.party_ok = None
        self.spot_pref = []  # optional explicit spots: (task, party)

    def add(self, name):
        s = Sheet(name)
        self.sheets.append(s)
        return s

    @property
    def key_sheet(self):
        return [s for s in self.sheets if s.is_key][0]


# ---------------------------------------------------------------- writers

def write_xlsx(book):
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill, Alignment, Border, Side
    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin", color="999999")
    for sh in book.sheets:
        ws = wb.create_sheet(sh.name)
        for (r, c), v in sh.cells.items():
            ws.cell(row=r, column=c, value=v)
        for (r, c), st in sh.style.items():
            cell = ws.cell(row=r, column=c)
            if st.get("bold") or st.get("size") or st.get("italic") or st.get("color"):
                cell.font = Font(bold=st.get("bold", False), size=st.get("size", 11),
                                 italic=st.get("italic", False), color=st.get("color"))
            if st.get("fill"):
                cell.fill = PatternFill("solid", fgColor=st["fill"])
            if st.get("wrap") or st.get("rot") or st.get("center"):
                cell.alignment = Alignment(wrap_text=st.get("wrap", False),
                                           text_rotation=st.get("rot", 0),
                                           horizontal="center" if st.get("center") else None,
                                           vertical="center" if st.get("center") else "bottom")
            if st.get("border"):
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if st.get("fmt"):
                cell.number_format = st["fmt"]
        for m in sh.merges:
            ws.merge_cells(start_row=m[0], start_column=m[1], end_row=m[2], end_column=m[3])
        for c, w in sh.widths.items():
            ws.column_dimensions[col_letter(c)].width = w
        for r, h in sh.heights.items():
            ws.row_dimensions[r].height = h
        if sh.freeze:
            ws.freeze_panes = sh.freeze
    wb.active = 0
    wb.save(os.path.join(OUT, book.fname))


def write_ods(book):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties, TableCellProperties, TableColumnProperties
    from odf.table import Table, TableRow, TableCell, TableColumn, CoveredTableCell
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    bold = Style(name="bold", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    phase = Style(name="phase", family="table-cell")
    phase.addElement(TextProperties(fontweight="bold"))
    phase.addElement(TableCellProperties(backgroundcolor="#dde8cb"))
    doc.automaticstyles.addElement(phase)
    narrow = Style(name="narrow", family="table-column")
    narrow.addElement(TableColumnProperties(columnwidth="0.3in"))
    doc.automaticstyles.addElement(narrow)
    wide = Style(name="wide", family="table-column")
    wide.addElement(TableColumnProperties(columnwidth="2.8in"))
    doc.automaticstyles.addElement(wide)
    normal = Style(name="normal", family="table-column")
    normal.addElement(TableColumnProperties(columnwidth="1.1in"))
    doc.automaticstyles.addElement(normal)
    for sh in book.sheets:
        t = Table(name=sh.name)
        R, C = sh.max_rc()
        for c in range(1, C + 1):
            w = sh.widths.get(c, 12)
            t.addElement(TableColumn(stylename=narrow if w < 5 else wide if w > 30 else normal))
        spans = {(m[0], m[1]): m for m in sh.merges}
        covered = set()
        for m in sh.merges:
            for r in range(m[0], m[2] + 1):
                for c in range(m[1], m[3] + 1):
                    if (r, c) != (m[0], m[1]):
                        covered.add((r, c))
        for r in range(1, R + 1):
            tr = TableRow()
            for c in range(1, C + 1):
                if (r, c) in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                v = sh.cells.get((r, c))
                st = sh.style.get((r, c), {})
                kw = {}
                if st.get("fill"):
                    kw["stylename"] = phase
                elif st.get("bold"):
                    kw["stylename"] = bold
                if (r, c) in spans:
                    m = spans[(r, c)]
                    kw["numbercolumnsspanned"] = m[3] - m[1] + 1
                    kw["numberrowsspanned"] = m[2] - m[0] + 1
                if v is None:
                    cell = TableCell(**kw)
                elif isinstance(v, (int, float)):
                    cell = TableCell(valuetype="float", value=v, **kw)
                    cell.addElement(P(text=str(v)))
                elif isinstance(v, datetime.date):
                    cell = TableCell(valuetype="date", datevalue=v.isoformat(), **kw)
                    cell.addElement(P(text=v.strftime("%d/%m/%Y")))
                else:
                    cell = TableCell(valuetype="string", **kw)
                    for line in str(v).split("\n"):
                        cell.addElement(P(text=line))
                tr.addElement(cell)
            t.addElement(tr)
        doc.spreadsheet.addElement(t)
    doc.save(os.path.join(OUT, book.fname))


def write_xls(book):
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    styles = {}

    def xf(st):
        key = tuple(sorted(st.items()))
        if key not in styles:
            parts = []
            if st.get("bold") or st.get("size"):
                f = "font: bold %s" % ("on" if st.get("bold") else "off")
                if st.get("size"):
                    f += ", height %d" % (st["size"] * 20)
                parts.append(f)
            if st.get("fill"):
                parts.append("pattern: pattern solid, fore_colour %s" % st["fill"])
            al = []
            if st.get("wrap"):
                al.append("wrap on")
            if st.get("center"):
                al.append("horiz centre")
            if al:
                parts.append("align: " + ", ".join(al))
            if st.get("border"):
                parts.append("borders: left thin, right thin, top thin, bottom thin")
            s = xlwt.easyxf("; ".join(parts), num_format_str=st.get("fmt", "General"))
            styles[key] = s
        return styles[key]

    for sh in book.sheets:
        ws = wb.add_sheet(sh.name)
        merged_tl = {(m[0], m[1]): m for m in sh.merges}
        in_merge = set()
        for m in sh.merges:
            for r in range(m[0], m[2] + 1):
                for c in range(m[1], m[3] + 1):
                    in_merge.add((r, c))
        for m in sh.merges:
            v = sh.cells.get((m[0], m[1]), "")
            ws.write_merge(m[0] - 1, m[2] - 1, m[1] - 1, m[3] - 1, v,
                           xf(sh.style.get((m[0], m[1]), {})))
        keys = set(sh.cells) | set(sh.style)
        for (r, c) in sorted(keys):
            if (r, c) in in_merge:
                continue
            v = sh.cells.get((r, c), "")
            ws.write(r - 1, c - 1, v, xf(sh.style.get((r, c), {})))
        for c, w in sh.widths.items():
            ws.col(c - 1).width = int(w * 256)
    wb.save(os.path.join(OUT, book.fname))


def write_csv(book, delimiter=",", encoding="utf-8", newline="\r\n", fmt=None):
    sh = book.sheets[0]
    R, C = sh.max_rc()
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    for r in range(1, R + 1):
        row = []
        for c in range(1, C + 1):
            v = sh.cells.get((r, c), "")
            if fmt and not isinstance(v, str):
                v = fmt(v)
            row.append(v)
        w.writerow(row)
    with open(os.path.join(OUT, book.fname), "w", encoding=encoding, newline="") as f:
        f.write(buf.getvalue())


# ---------------------------------------------------------------- helpers

def fill_row(sh, r, c0, tokens, mess=None):
    """tokens: list of letter strings ('' or '.' = empty); mess: {index: raw text}."""
    for i, tok in enumerate(tokens):
        raw = (mess or {}).get(i, tok)
        if raw in (".", ""):
            continue
        sh.set(r, c0 + i, raw, center=True, border=True)


def parse_rows(spec):
    """spec lines: 'kind|wbs|name|tokens...' -> list"""
    out = []
    for line in spec.strip("\n").split("\n"):
        parts = [p.strip() for p in line.split("|")]
        out.append(parts)
    return out


BOOKS = []


# ================================================================ 61
def f61():
    b = Book("61_website-relaunch_RACI.xlsx")
    sh = b.add("RACI")
    sh.is_key = True
    b.add("Sheet2")
    parties = ["Project Manager", "Marketing Lead", "UX Designer", "Web Developer",
               "Content Writer", "IT Operations", "Legal"]
    sh.set(1, 1, "Website Relaunch \u2013 RACI Matrix", bold=True, size=16)
    sh.merge(1, 1, 1, 10)
    sh.set(2, 1, "Prepared by the Marketing PMO  \u00b7  Template v2.3", italic=True, color="666666")
    sh.merge(2, 1, 2, 10)
    info = [("Project:", "Corporate Website Relaunch", "Project Manager:", "Dana Whitfield"),
            ("Sponsor:", "Chief Marketing Officer", "Date:", datetime.datetime(2024, 3, 11)),
            ("Status:", "Draft for review", "Version:", "0.4")]
    for i, (a, bv, c, d) in enumerate(info):
        r = 4 + i
        sh.set(r, 1, a, bold=True)
        sh.set(r, 2, bv)
        sh.set(r, 5, c, bold=True)
        sh.merge(r, 5, r, 6)
        sh.set(r, 7, d, fmt="dd-mmm-yyyy" if isinstance(d, datetime.datetime) else None)
        sh.merge(r, 7, r, 8)
    hdr = 8
    sh.set(hdr, 1, "WBS", bold=True, fill="1F4E78", color="FFFFFF", border=True)
    sh.set(hdr, 2, "Task", bold=True, fill="1F4E78", color="FFFFFF", border=True)
    sh.set(hdr, 3, "Description", bold=True, fill="1F4E78", color="FFFFFF", border=True)
    for i, p in enumerate(parties):
        sh.set(hdr, 4 + i, p, bold=True, fill="1F4E78", color="FFFFFF", wrap=True, center=True, border=True)
        sh.parties.append((p, 4 + i))
    # legend beside the matrix (col L/M after spacer K)
    sh.set(hdr, 12, "Legend", bold=True)
    leg = [("R", "Responsible \u2013 does the work"),
           ("A", "Accountable \u2013 signs off (only one per task)"),
           ("C", "Consulted \u2013 gives input before"),
           ("I", "Informed \u2013 kept up to date after"),
           ("A/R", "Accountable and does the work")]
    for i, (k, v) in enumerate(leg):
        sh.set(hdr + 1 + i, 12, k, bold=True, center=True, border=True)
        sh.set(hdr + 1 + i, 13, v)
    spec = parse_rows("""
P|1|Discovery & Planning
T|1.1|Kick-off workshop with stakeholders|Agenda, attendees, outcomes|A/R C I I I I .
T|1.2|Audit existing site content|Page inventory + analytics|A C R . R . .
T|1.3|Define target audience and personas||C A/R R . C . .
T|1.4|Approve project charter & budget|Sign-off by sponsor|R A I I I I C
P|2|Design
T|2.1|Sitemap and information architecture||A C R C C . .
T|2.2|Wireframes for key page templates|Home, product, article, contact|I C A/R C C . .
T|2.3|Visual design concepts|Max. 2 rounds of feedback|I A R I I . .
T|2.4|Accessibility review (WCAG 2.1 AA)||A . R R C . C
P|3|Build
T|3.1|Set up CMS and staging environment||A . . R . R/A .
T|3.2|Develop page templates||A . C R . I .
T|3.3|Migrate existing content|Approx. 420 pages|A I . C R . .
T|3.4|Write new copy for landing pages||I A . . R . C
T|3.5|Cookie banner & privacy policy update|GDPR / ePrivacy|A C . R I . R
P|4|Test & Launch
T|4.1|User acceptance testing|Test scripts in Confluence|A R C R C I .
T|4.2|Performance and SEO checks||A C . R C C .
T|4.3|DNS cutover and go-live|Sat 06:00, change ticket required|A I I R I R I
T|4.4|Post-launch hypercare (2 weeks)||A I . R . C .
""")
    r = hdr + 1
    for row in spec:
        if row[0] == "P":
            sh.set(r, 1, row[1], bold=True, fill="D9E1F2")
            sh.set(r, 2, row[2], bold=True, fill="D9E1F2")
            for c in range(3, 11):
                sh.set(r, c, None, fill="D9E1F2")
        else:
            sh.set(r, 1, row[1], border=True)
            sh.set(r, 2, row[2], border=True)
            sh.set(r, 3, row[3] or None, border=True, wrap=True)
            fill_row(sh, r, 4, row[4].split())
            sh.tasks.append((row[2], r))
        r += 1
    sh.widths.update({1: 6, 2: 40, 3: 30, 11: 3, 12: 6, 13: 42})
    for c in range(4, 11):
        sh.widths[c] = 12
    sh.freeze = "D9"
    b.notes = [
        "Title rows 1-2 (merged A:J), project info block A4:H6, header at row 8.",
        "WBS column A and Description column C surround the Task column B.",
        "Phase rows 9, 14, 19, 25 (WBS 1-4, shaded, no letters) are not tasks.",
        "Legend beside the matrix in L8:M13 after blank spacer column K; its rows overlap task rows 9-13 (L9 'R', L13 'A/R').",
        "Combined letters 'A/R' (D10, E12, F16) and 'R/A' (I20).",
        "Empty leftover sheet 'Sheet2'.",
    ]
    return b, write_xlsx


# ================================================================ 62
def f62():
    b = Book("62_erp-rollout_RAM.xlsx")
    cov = b.add("Cover")
    cov.set(2, 2, "Northwind Foods plc", bold=True, size=14)
    cov.set(3, 2, "ERP Rollout \u2013 Wave 2 (Finance & Procurement)", bold=True, size=18)
    cov.set(5, 2, "Responsibility Assignment Matrix (RACI)", size=14)
    for i, (k, v) in enumerate([("Document owner", "Programme Management Office"),
                                ("Programme Manager", "Priya Raman"),
                                ("Version", "1.2"),
                                ("Date", datetime.datetime(2024, 1, 29)),
                                ("Status", "Approved by Steering Committee")]):
        cov.set(7 + i, 2, k, bold=True)
        cov.set(7 + i, 3, v, fmt="d mmmm yyyy" if isinstance(v, datetime.datetime) else None)
    cov.set(13, 2, "Contents", bold=True)
    for i, t in enumerate(["1. Legend \u2013 how to read the matrix", "2. RACI \u2013 matrix for Wave 2",
                           "3. Change Log"]):
        cov.set(14 + i, 2, t)
    cov.widths.update({2: 24, 3: 40})

    leg = b.add("Legend")
    leg.set(1, 1, "Legend", bold=True, size=14)
    for i, (k, v, d) in enumerate([
            ("R", "Responsible", "Does the work to complete the activity. At least one per activity."),
            ("A", "Accountable", "Owns the outcome and approves. Exactly one per activity."),
            ("C", "Consulted", "Subject-matter input, two-way communication."),
            ("I", "Informed", "Kept informed of progress or decisions, one-way."),
            ("A/R", "Accountable + Responsible", "Same person approves and does the work.")]):
        leg.set(3 + i, 1, k, bold=True)
        leg.set(3 + i, 2, v)
        leg.set(3 + i, 3, d)
    leg.set(9, 1, "Rules: one A per row; avoid rows with many Rs; review with each party before sign-off.", italic=True)
    leg.widths.update({1: 8, 2: 26, 3: 70})

    sh = b.add("RACI")
    sh.is_key = True
    log = b.add("Change Log")
    for i, row in enumerate([("Version", "Date", "Author", "Change"),
                             ("1.0", "2023-11-14", "P. Raman", "First issue"),
                             ("1.1", "2024-01-08", "P. Raman", "Added data migration activities"),
                             ("1.2", "2024-01-29", "S. Novak", "Vendor support column, SteerCo approval")]):
        for j, v in enumerate(row):
            log.set(1 + i, 1 + j, v, bold=(i == 0))

    sh.set(1, 1, "ERP Rollout Wave 2 \u2013 Responsibility Assignment Matrix", bold=True, size=14)
    sh.set(2, 1, "See 'Legend' sheet for definitions. One A per activity.", italic=True)
    groups = [("Business", 4, 6), ("IT", 7, 9), ("Vendor", 10, 11)]
    roles = [("Steering Committee", ""), ("Finance Director", "M. Okafor"),
             ("Procurement Lead", "J. Lindqvist"), ("IT Project Manager", "P. Raman"),
             ("Solution Architect", "S. Novak"), ("DBA", "T. Brandt"),
             ("Implementation Partner", "Contoso Consulting"), ("Vendor Support", "")]
    for g, c1, c2 in groups:
        sh.set(4, c1, g, bold=True, center=True, fill="BDD7EE", border=True)
        sh.merge(4, c1, 4, c2)
    for lab, c in (("ID", 1), ("Activity", 2), ("Deliverable", 3)):
        sh.set(5, c, lab, bold=True, fill="DDEBF7", border=True)
        sh.merge(5, c, 6, c)
    for i, (role, person) in enumerate(roles):
        c = 4 + i
        sh.set(5, c, role, bold=True, wrap=True, center=True, fill="DDEBF7", border=True)
        sh.set(6, c, person or None, italic=True, center=True, border=True)
        sh.parties.append((role + (" / " + person if person else ""), c))
    sh.set(5, 12, "# R", bold=True, center=True, fill="FCE4D6", border=True)
    sh.merge(5, 12, 6, 12)
    sh.set(5, 13, "# A", bold=True, center=True, fill="FCE4D6", border=True)
    sh.merge(5, 13, 6, 13)
    spec = parse_rows("""
P|A|Design
T|A.01|Confirm scope of Wave 2 processes|Scope statement|A R R A/R C . C .
T|A.02|Map current procure-to-pay process|As-is process maps|. C A/R C . . R .
T|A.03|Design chart of accounts|CoA workbook|I A/R C C C . R .
T|A.04|Define approval workflows and limits|Workflow design|I A R C R . C .
T|A.05|Solution design document sign-off|SDD v1.0|A C C R R I R .
T|A.06|Define data migration strategy|Migration strategy|. C C A R R R .
P|B|Build
T|B.01|Configure finance module|Configured tenant|. C . A C . R I
T|B.02|Configure procurement module|Configured tenant|. . C A C . R I
T|B.03|Build interfaces to bank and payroll|Interface specs + code|. I . A R C R C
T|B.04|Extract and cleanse vendor master data|Clean vendor file|. I A/R I . R C .
T|B.05|Build reports and dashboards|Report pack|. A C I C . R .
T|B.06|Set up user roles and segregation of duties|SoD matrix|. A C R C . R .
P|C|Test
T|C.01|Write UAT scripts|UAT script library|. A R R . . C .
T|C.02|System integration testing|SIT exit report|. I I A R R R C
T|C.03|User acceptance testing|UAT sign-off|I A R R C . C .
T|C.04|Performance testing of month-end close|Test report|. C . A R R R C
P|D|Deploy
T|D.01|Go/no-go decision|Go-live decision record|A R R R C C C I
T|D.02|Final data load and reconciliation|Reconciliation report|. A R R C R R .
T|D.03|End-user training|Training records|. A R C . . R .
T|D.04|Hypercare and handover to support|Handover checklist|I C C A C C R R
""")
    r = 7
    ntasks = []
    for row in spec:
        if row[0] == "P":
            sh.set(r, 1, row[1], bold=True, fill="F2F2F2")
            sh.set(r, 2, "Phase " + row[1] + " \u2013 " + row[2], bold=True, fill="F2F2F2")
            sh.merge(r, 2, r, 11)
        else:
            sh.set(r, 1, row[1], border=True)
            sh.set(r, 2, row[2], border=True)
            sh.set(r, 3, row[3], border=True, italic=True)
            toks = row[4].split()
            fill_row(sh, r, 4, toks)
            sh.set(r, 12, sum("R" in t for t in toks), center=True, border=True)
            sh.set(r, 13, sum("A" in t for t in toks), center=True, border=True)
            sh.tasks.append((row[2], r))
            ntasks.append(toks)
        r += 1
    sh.set(r, 2, "Count of A", bold=True, fill="FCE4D6", border=True)
    for i in range(len(roles)):
        sh.set(r, 4 + i, sum("A" in t[i] for t in ntasks), bold=True, center=True, fill="FCE4D6", border=True)
    sh.set(r + 1, 2, "Count of R", bold=True, fill="FCE4D6", border=True)
    for i in range(len(roles)):
        sh.set(r + 1, 4 + i, sum("R" in t[i] for t in ntasks), bold=True, center=True, fill="FCE4D6", border=True)
    sh.widths.update({1: 7, 2: 44, 3: 26})
    for c in range(4, 14):
        sh.widths[c] = 13
    sh.freeze = "D7"
    b.spot_pref = ["D8"]
    b.notes = [
        "Four sheets: Cover, Legend, RACI, Change Log; the matrix is on the third sheet 'RACI'.",
        "Group header row 4 with merged cells D4:F4 Business, G4:I4 IT, J4:K4 Vendor.",
        "Party headers over two rows: role on row 5, person on row 6 (D6 and K6 blank: Steering Committee, Vendor Support have no named person). Parties keyed as 'Role / Person'.",
        "A5:A6, B5:B6, C5:C6 merged labels; Deliverable column C after the Activity column.",
        "Phase rows 7, 14, 21, 26 (merged B:K, no letters) are not tasks.",
        "Totals: columns L '# R' and M '# A' per row, rows 31 'Count of A' and 32 'Count of R' (numbers) at the bottom - not parties/tasks.",
        "Combined 'A/R' in G8, F9, E10, F18.",
    ]
    return b, write_xlsx


# ================================================================ 63
def f63():
    b = Book("63_two-projects_RACI.xlsx")
    s1 = b.add("Mobile App v3")
    s1.is_key = True
    s2 = b.add("Data Warehouse")
    lists = b.add("Lists")
    for i, v in enumerate(["R", "A", "C", "I", "A/R", "R, A"]):
        lists.set(1 + i, 1, v)

    def matrix(sh, title, parties, rows, notes_col=True):
        sh.set(1, 1, title, bold=True, size=14)
        sh.set(3, 1, "Task", bold=True, fill="FFF2CC", border=True)
        for i, p in enumerate(parties):
            sh.set(3, 2 + i, p, bold=True, fill="FFF2CC", border=True, wrap=True)
            sh.parties.append((p.strip(), 2 + i))
        nc = 2 + len(parties)
        if notes_col:
            sh.set(3, nc, "Notes", bold=True, fill="FFF2CC", border=True)
        r = 4
        for name, toks, note in rows:
            sh.set(r, 1, name, border=True)
            for i, t in enumerate(toks):
                if t not in (".", ""):
                    sh.set(r, 2 + i, t, center=True, border=True)
            if note:
                sh.set(r, nc, note)
            sh.tasks.append((name.strip(), r))
            r += 1
        sh.widths.update({1: 42, nc: 40})
        for c in range(2, nc):
            sh.widths[c] = 13

    m_parties = ["Product Owner", "iOS Dev ", "Android Dev", "Backend Dev", "QA Lead", "Designer"]
    m_rows = [
        ("Prioritise v3 backlog", ["A/R", "C", "C", "C", ".", "C"], "Refinement every 2nd Tuesday"),
        ("Redesign onboarding flow", ["A", ".", ".", ".", "i", "R"], ""),
        ("Implement biometric login (iOS)", ["A", " R", ".", "C", "C", "."], ""),
        ("Implement biometric login (Android)", ["A", ".", "R ", "C", "C", "."], "depends on BE token API"),
        ("Token refresh API", ["I", "C", "C", "R, A", "C", "."], "Backend owns this end to end"),
        ("Push notification service", ["A", "r", "r", "R", "I", "."], ""),
        ("Offline mode for saved items", ["A", "R", "R", "C", "c", "C"], ""),
        ("Accessibility fixes (VoiceOver / TalkBack)", ["A", "R", "R", ".", "C", "r"], "audit report from Oct"),
        ("Regression test suite update", ["I", "C", "C", ".", "A/R", "."], ""),
        ("App Store / Play Store listing", ["A/R", "C", "C", ".", "I", "R"], "screenshots from design"),
        ("Crash analytics dashboard", ["a", "I", "I", "R", "C", "."], ""),
        ("Release v3.0 to production", ["A", "R", "R", "R", "C", "I "], "staged rollout 10% > 50% > 100%"),
    ]
    matrix(s1, "RACI \u2013 Mobile App v3 (Q2)", m_parties, m_rows)
    d_parties = ["Data Lead", "Data Engineer", "BI Analyst", "Finance Controller", "IT Security"]
    d_rows = [
        ("Source system inventory", ["A", "R", "C", ".", "I"], ""),
        ("Design star schema for sales", ["A", "R", "R", "C", "."], ""),
        ("Build ingestion pipelines", ["A", "R", ".", ".", "C"], ""),
        ("Row-level security model", ["A", "R", ".", "C", "R"], ""),
        ("Finance KPI definitions", ["C", ".", "R", "A", "."], ""),
        ("Reconcile revenue figures", ["I", "C", "R", "A", "."], ""),
        ("Dashboard build", ["A", "C", "R", "C", "."], ""),
        ("Decommission legacy cubes", ["A/R", "R", "I", "I", "I"], ""),
        ("Data retention policy", ["C", "I", ".", "C", "A/R"], ""),
        ("Go-live", ["A", "R", "R", "I", "I"], ""),
    ]
    matrix(s2, "RACI \u2013 Data Warehouse Phase 1", d_parties, d_rows, notes_col=True)
    b.spot_pref = ["E8", "B14", "G15"]
    b.notes = [
        "Two RACI sheets for two projects: 'Mobile App v3' (first, keyed) and 'Data Warehouse' (second, 10 tasks x 5 parties); third sheet 'Lists' holds the dropdown values.",
        "Title row 1, blank row 2, header row 3; Notes column H at the end.",
        "Header C3 'iOS Dev ' has a trailing space.",
        "Messy letters: 'R, A' (E8), lower case 'i' (F5), 'r' (C9, D9, G11), 'c' (F10), 'a' (B14); stray spaces ' R' (C6), 'R ' (D7), 'I ' (G15); 'A/R' (B4, F12, B13).",
    ]
    return b, write_xlsx


# ================================================================ 64
def f64():
    b = Book("64_cloud-migration_raci.csv")
    sh = b.add("64_cloud-migration_raci")
    sh.is_key = True
    parties = ["Cloud Architect", "Infra Engineer", "Security Officer", "App Owner", "Service Desk", "CIO"]
    sh.set(1, 1, "Cloud Migration RACI")
    sh.set(2, 1, "Owner: Infrastructure PMO")
    sh.set(2, 5, "Last updated: 2024-05-02")
    # row 3 blank
    sh.set(4, 1, "#")
    sh.set(4, 2, "Workstream / Task")
    for i, p in enumerate(parties):
        sh.set(4, 3 + i, p)
        sh.parties.append((p, 3 + i))
    sh.set(4, 9, "Notes")
    spec = parse_rows("""
P||Assessment
T|1|Inventory current servers and applications|R R I C . A|export from CMDB
T|2|Dependency mapping|RA R . C . I|
T|3|Choose landing zone design|ra C C . . A|
T|4|Licensing review|C . . R . A|check BYOL for SQL
T|5|Migration wave planning|A R . C I I|
P||Landing zone
T|6|Build hub-and-spoke network|A R C . . I|
T|7|Identity & access (SSO + PIM)|C R A . I I|
T|8|Logging and SIEM integration|C R A . . .|
T|9|Backup policy in the cloud|A R C I . .|
P||Migration waves
T|10|Wave 1 - internal tools|A R C r I I|low risk apps first
T|11|Wave 2 - customer-facing apps|A R C R I I|change freeze 15-31 Dec
T|12|Wave 3 - ERP & data platform|A R C R I C|
T|13|Cutover runbooks|C RA . C I .|
P||Operate
T|14|Update service desk knowledge base|. C . C ra I|
T|15|Cost monitoring & FinOps reports|R . . I . A|
T|16|Decommission on-prem hardware|C R I I . A|
T|17|Close data centre contract|. I . . . ar|
""")
    r = 5
    ntoks = []
    for row in spec:
        if row[0] == "P":
            sh.set(r, 2, row[2])
        else:
            sh.set(r, 1, row[1])
            sh.set(r, 2, row[2])
            toks = row[3].split()
            for i, t in enumerate(toks):
                if t != ".":
                    sh.set(r, 3 + i, t)
            if row[4]:
                sh.set(r, 9, row[4])
            sh.tasks.append((row[2], r))
            ntoks.append(toks)
        r += 1
    r += 1  # blank
    sh.set(r, 2, "Count of A")
    for i in range(len(parties)):
        sh.set(r, 3 + i, str(sum("A" in t[i].upper() for t in ntoks)))
    totals_row = r
    r += 2
    sh.set(r, 1, "Legend")
    for k, v in [("R", "Responsible"), ("A", "Accountable"), ("C", "Consulted"), ("I", "Informed"),
                 ("RA", "Responsible and Accountable")]:
        r += 1
        sh.set(r, 1, k)
        sh.set(r, 2, v)
    b.spot_pref = ["C7", "H25"]
    b.notes = [
        "Google Sheets 'Download as CSV': comma, UTF-8 without BOM, CRLF; blank rows come out as lines of commas.",
        "Title lines 1-2 (line 2 has 'Last updated' in E2), blank line 3, header on line 4; row numbers in the key are physical lines (= spreadsheet rows).",
        "Phase rows (5, 11, 16, 21) only have text in the Workstream / Task column B.",
        "Numbering column A '#', Notes column I at the end.",
        "Combined letters without separator 'RA' (C7, D20), lower case 'ra' (C8, G22), 'r' (F17), 'ar' (H25).",
        "Totals line %d 'Count of A' (numbers) and a legend below the matrix at lines %d-%d (letters in column A, meanings in the task column B)." % (totals_row, totals_row + 2, r),
    ]
    return b, lambda bk: write_csv(bk, ",", "utf-8", "\r\n")


# ================================================================ 65
def f65():
    b = Book("65_refonte-intranet_RACI.csv")
    sh = b.add("65_refonte-intranet_RACI")
    sh.is_key = True
    parties = ["Direction", "Chef de projet", "\u00c9quipe technique", "\u00c9quipe \u00e9ditoriale", "RSSI",
               "Utilisateurs cl\u00e9s"]
    sh.set(1, 1, "Matrice RACI \u2013 Refonte de l'intranet")
    sh.set(2, 1, "Chef de projet : Sophie Marchand")
    sh.set(2, 5, "Mise \u00e0 jour : 12/02/2024")
    sh.set(4, 1, "N\u00b0")
    sh.set(4, 2, "T\u00e2che")
    sh.set(4, 3, "Description")
    for i, p in enumerate(parties):
        sh.set(4, 4 + i, p)
        sh.parties.append((p, 4 + i))
    spec = parse_rows("""
P||Phase 1 \u2013 Cadrage
T|1.1|Recueil des besoins utilisateurs|Ateliers avec les directions m\u00e9tier|I A/R C C . R
T|1.2|R\u00e9daction du cahier des charges||A R C C C I
T|1.3|Validation du budget|Arbitrage en comit\u00e9 de direction|A R . . . .
P||Phase 2 \u2013 Conception
T|2.1|Arborescence et maquettes||I A C R . C
T|2.2|Choix de la solution technique|Comparatif SharePoint / Jalios|C A R . C .
T|2.3|Analyse de s\u00e9curit\u00e9 et conformit\u00e9 RGPD||I C C . A/R .
P||Phase 3 \u2013 R\u00e9alisation
T|3.1|D\u00e9veloppement et param\u00e9trage||. A R . C .
T|3.2|Reprise des contenus existants|Environ 1 200 pages|. A C R . I
T|3.3|Tests de recette|Cahier de recette v2|. A R C C R
P||Phase 4 \u2013 D\u00e9ploiement
T|4.1|Formation des contributeurs||. A . R . I
T|4.2|Communication interne et lancement||A R . R . I
T|4.3|Bilan de projet|Retour d'exp\u00e9rience|I A/R C C C C
""")
    r = 5
    for row in spec:
        if row[0] == "P":
            sh.set(r, 1, row[2])
        else:
            sh.set(r, 1, row[1])
            sh.set(r, 2, row[2])
            if row[3]:
                sh.set(r, 3, row[3])
            toks = row[4].split()
            for i, t in enumerate(toks):
                if t != ".":
                    sh.set(r, 4 + i, t)
            sh.tasks.append((row[2], r))
        r += 1
    r += 1
    sh.set(r, 1, "L\u00e9gende :")
    for k, v in [("R", "R\u00e9alise (responsable de l'ex\u00e9cution)"), ("A", "Approuve (autorit\u00e9, un seul par t\u00e2che)"),
                 ("C", "Consult\u00e9"), ("I", "Inform\u00e9")]:
        r += 1
        sh.set(r, 1, k)
        sh.set(r, 2, v)
    b.notes = [
        "French Excel 'CSV (s\u00e9parateur : point-virgule)': ';' delimiter, Windows-1252 encoding (accents in headers, tasks), CRLF.",
        "Title lines 1-2, blank line 3, header line 4 (N\u00b0;T\u00e2che;Description;...). Row numbers are physical lines.",
        "Phase lines 5, 9, 13, 17 have the phase name in column A (N\u00b0), nothing else.",
        "Description column C between task and parties.",
        "Combined 'A/R' (E6, H12, E20).",
        "Legend below the matrix, lines 22-26 ('L\u00e9gende :' in A22, then letter in column A, meaning in the task column B).",
    ]
    return b, lambda bk: write_csv(bk, ";", "cp1252", "\r\n")


# ================================================================ 66
def f66():
    b = Book("66_crm-upgrade_raci.ods")
    ins = b.add("Instructions")
    ins.set(1, 1, "CRM Upgrade \u2013 RACI chart", bold=True)
    lines = ["How to use this workbook:",
             "1. Fill one row per task on the 'RACI' sheet. Keep phase rows as they are.",
             "2. Use only the codes below. Exactly one A per task.",
             "3. Column '# A' is a check: anything other than 1 needs fixing.",
             "",
             "Codes:",
             "R = Responsible (does the work)",
             "A = Accountable (final approval)",
             "C = Consulted",
             "I = Informed",
             "A/R = Accountable and Responsible"]
    for i, t in enumerate(lines):
        if t:
            ins.set(3 + i, 1, t)
    ins.widths[1] = 60

    sh = b.add("RACI")
    sh.is_key = True
    sh.set(1, 1, "CRM Upgrade (Salesforce Classic \u2192 Lightning) \u2013 RACI", bold=True)
    sh.set(2, 1, "Sponsor: VP Sales   |   PM: Lena Hoffmann   |   Last review: 04/03/2024")
    biz = ["Sales Director", "Sales Ops Manager", "Marketing Ops", "Customer Service Lead"]
    it = ["CRM Admin", "Integration Developer", "Data Analyst"]
    sh.set(4, 4, "BUSINESS", bold=True)
    sh.merge(4, 4, 4, 7)
    sh.set(4, 9, "IT", bold=True)
    sh.merge(4, 9, 4, 11)
    sh.set(5, 1, "No.", bold=True)
    sh.set(5, 2, "Task", bold=True)
    cols = []
    for i, p in enumerate(biz):
        sh.set(5, 4 + i, p, bold=True)
        sh.parties.append((p, 4 + i))
        cols.append(4 + i)
    for i, p in enumerate(it):
        sh.set(5, 9 + i, p, bold=True)
        sh.parties.append((p, 9 + i))
        cols.append(9 + i)
    sh.set(5, 13, "# A", bold=True)
    sh.set(5, 14, "Notes", bold=True)
    spec = parse_rows("""
P|1.|Preparation
T|1.1|Lightning readiness check|I A C . R . .|Run the readiness report
T|1.2|Inventory custom buttons and JavaScript|. I . . A/R R .|
T|1.3|Define success metrics for adoption|A R C C . . R|
P|2.|Configuration
T|2.1|Rebuild page layouts as Lightning pages|. A . C R . .|
T|2.2|Migrate JavaScript buttons to quick actions|. A . . C R .|
T|2.3|Configure Lightning sales path|C A/R . . R . .|
T|2.4|Update marketing integration (Pardot)|. I A/R . C R .|connector v4
T|2.5|Service console for support team|. I . A R . .|
P|3.|Data
T|3.1|Clean duplicate accounts and contacts|. A . C R . R|
T|3.2|Rebuild dashboards and reports|C A . . C . R|
P|4.|Rollout
T|4.1|Pilot with one sales region|A R . . R . I|EMEA North
T|4.2|Train users (sales + service)|I A . R R . .|
T|4.3|Switch all users to Lightning|A R I I R I I|
T|4.4|Retire Classic-only customisations|. A . . R R .|
""")
    r = 6
    for row in spec:
        if row[0] == "P":
            sh.set(r, 1, row[1], fill="x")
            sh.set(r, 2, row[2], fill="x")
        else:
            sh.set(r, 1, row[1])
            sh.set(r, 2, row[2])
            toks = row[3].split()
            for i, t in enumerate(toks):
                if t != ".":
                    sh.set(r, cols[i], t)
            sh.set(r, 13, sum("A" in t for t in toks))
            if row[4]:
                sh.set(r, 14, row[4])
            sh.tasks.append((row[2], r))
        r += 1
    sh.widths.update({1: 6, 2: 42, 3: 2, 8: 2, 12: 2, 14: 30})
    b.notes = [
        "LibreOffice .ods with an 'Instructions' sheet first (holding the code legend); matrix on the second sheet 'RACI'.",
        "Title row 1, info row 2, group header row 4 merged (D4:G4 BUSINESS, I4:K4 IT), header row 5.",
        "Blank narrow spacer columns C, H and L between task column and party groups.",
        "Numbering column A (1., 1.1 ...); phase rows 6, 10, 16, 19 are not tasks.",
        "Check column M '# A' (numbers) and Notes column N at the right are not parties.",
        "Combined 'A/R' in I8, E13, F14.",
    ]
    return b, write_ods


# ================================================================ 67
def f67():
    b = Book("67_vendor-onboarding_RASCI.xls")
    sh = b.add("RASCI")
    sh.is_key = True
    b.add("Sheet2")
    b.add("Sheet3")
    sh.set(1, 1, "Vendor Onboarding Process \u2013 RASCI Chart", bold=True, size=14)
    sh.merge(1, 1, 1, 8)
    sh.set(2, 1, "Dept: Procurement    Owner: K. Hughes    Rev. C  (2019)")
    sh.merge(2, 1, 2, 8)
    parties = ["Procurement\n(K. Hughes)", "Finance / AP\n(R. Castillo)", "Legal\n(D. Feld)",
               "IT Security\n(N. Osei)", "Requesting Dept\nManager"]
    sh.set(4, 1, "Step", bold=True, border=True, fill="gray25")
    sh.set(4, 2, "Activity", bold=True, border=True, fill="gray25")
    for i, p in enumerate(parties):
        sh.set(4, 3 + i, p, bold=True, wrap=True, border=True, center=True, fill="gray25")
        sh.parties.append((p, 3 + i))
    sh.set(4, 8, "Check", bold=True, border=True, fill="gray25")
    rows = [
        ("1", "Submit vendor request form", ". . . . A/R"),
        ("2", "Check vendor against sanctions lists", "R/A S . . I"),
        ("3", "Collect W-9 / VAT and bank details", "A R/S . . I"),
        ("4", "Security questionnaire (SIG Lite)", "C . . A/R S"),
        ("5", "Contract / MSA review", "A . R . C"),
        ("6", "Negotiate payment terms", "R A S . C"),
        ("7", "Create vendor record in ERP", "A/R S . . ."),
        ("8", "Set up vendor in AP system", "I A/R . . ."),
        ("9", "Grant system access (if needed)", "I . . A R"),
        ("10", "Send welcome pack to vendor", "A/R . . . S"),
        ("11", "Annual vendor review", "A C C C R"),
    ]
    r = 5
    for step, name, toks in rows:
        t = toks.split()
        sh.set(r, 1, step, border=True, center=True)
        sh.set(r, 2, name, border=True)
        for i, x in enumerate(t):
            if x != ".":
                sh.set(r, 3 + i, x, border=True, center=True)
            else:
                sh.set(r, 3 + i, None, border=True)
        na = sum("A" in x for x in t)
        sh.set(r, 8, "OK" if na == 1 else "CHECK A", border=True)
        sh.tasks.append((name, r))
        r += 1
    r += 1
    sh.set(r, 1, "Key:", bold=True)
    for k, v in [("R", "Responsible \u2013 owns the task and does the work"),
                 ("A", "Approver \u2013 final sign-off"),
                 ("S", "Support \u2013 provides resources / helps R"),
                 ("C", "Consulted \u2013 input before the work"),
                 ("I", "Informed \u2013 told after the work is done")]:
        r += 1
        sh.set(r, 1, k, bold=True, center=True)
        sh.set(r, 2, v)
    sh.widths.update({1: 6, 2: 40, 8: 10})
    for c in range(3, 8):
        sh.widths[c] = 15
    b.spot_pref = ["C6", "D7", "G8", "D11"]
    b.notes = [
        "Excel 97-2003 .xls with RASCI scheme: legend 'Key:' below the matrix (A17:B22); 'A = Approver' -> A, 'S = Support' -> nothing.",
        "Title A1 merged A1:H1, info row 2 merged, header row 4; party headers hold role + person on two lines in one cell (line break), e.g. 'Procurement\\n(K. Hughes)'.",
        "Combined 'A/R', 'R/A', 'R/S' (D7 -> R), 'A/R' with support elsewhere; cells with only 'S' (D6, G8, E10, D11, G14) hold no RACI letter.",
        "Check column H ('OK') after the parties is not a party; step numbers stored as text in column A.",
        "Empty default sheets Sheet2, Sheet3.",
    ]
    return b, write_xls


# ================================================================ 68
def f68():
    b = Book("68_security-audit-readiness_RACI.xlsx")
    sh = b.add("RACI Matrix")
    sh.is_key = True
    parties = ["CISO", "Head of\nCompliance", "IT Ops\nManager ", "Network\nEngineer", "DevOps\nLead",
               "HR Business\nPartner", "Internal\nAudit", "Legal\nCounsel", "Facilities", "External\nAuditor"]
    # boxed title block
    sh.set(1, 1, "ISO 27001 Certification Readiness", bold=True, size=16)
    sh.merge(1, 1, 1, 14)
    sh.set(2, 1, "RACI matrix \u2013 controls implementation and audit preparation", italic=True)
    sh.merge(2, 1, 2, 14)
    for i, (k, v, k2, v2) in enumerate([("Project", "ISMS-2024", "Project owner", "CISO (A. Mensah)"),
                                        ("Prepared by", "G. Walsh", "Date", datetime.datetime(2024, 6, 3)),
                                        ("Audit window", "Nov 2024", "Version", "v0.9 DRAFT")]):
        r = 3 + i
        sh.set(r, 1, k, bold=True, border=True)
        sh.merge(r, 1, r, 2)
        sh.set(r, 3, v, border=True)
        sh.merge(r, 3, r, 6)
        sh.set(r, 7, k2, bold=True, border=True)
        sh.merge(r, 7, r, 9)
        sh.set(r, 10, v2, border=True, fmt="yyyy-mm-dd" if isinstance(v2, datetime.datetime) else None)
        sh.merge(r, 10, r, 14)
    hdr = 8
    sh.set(hdr, 1, "Ref", bold=True, fill="203764", color="FFFFFF", border=True)
    sh.set(hdr, 2, "Activity", bold=True, fill="203764", color="FFFFFF", border=True)
    sh.set(hdr, 3, "Annex A", bold=True, fill="203764", color="FFFFFF", border=True)
    for i, p in enumerate(parties):
        sh.set(hdr, 4 + i, p, bold=True, fill="203764", color="FFFFFF", border=True, wrap=True, rot=90)
        sh.parties.append((re.sub(r"\s+", " ", p).strip(), 4 + i))
    sh.set(hdr, 14, "Comments", bold=True, fill="203764", color="FFFFFF", border=True)
    sh.heights[hdr] = 80
    # parties: CISO HoC ITOps Net DevOps HR IA Legal Fac ExtAud
    spec = parse_rows("""
P|1|ISMS scope and governance
T|1.1|Define ISMS scope and boundaries|4.3|A R C . . . C C . .
T|1.2|Information security policy|5.2|A R C . . C C C . .
T|1.3|Roles and responsibilities (this matrix)|5.3|A R I I I I I . . .
T|1.4|Management review meeting|9.3|A R I . . . C . . .
T|1.5|Statement of Applicability|6.1.3|A R C C C . C . . I
P|2|Risk management
T|2.1|Asset inventory|A.5.9|A C R C R . . . C .
T|2.2|Risk assessment workshops|6.1.2|A R C C C C C C C .
T|2.3|Risk treatment plan|6.1.3|A R C C C . I C . .
T|2.4|Supplier security assessments|A.5.19|A R C . . . . C . .
P|3|People controls
T|3.1|Background screening|A.6.1|I C . . . A/R . C . .
T|3.2|Security awareness training|A.6.3|A C . . . R . . . .
T|3.3|  Phishing simulation campaign|A.6.3|A . R . . C . . . .
T|3.4|Disciplinary process|A.6.4|C C . . . A/R . R . .
T|3.5|Joiners / movers / leavers process|A.5.18|A . R . . R . . . .
P|4|Physical controls
T|4.1|Secure areas and visitor log|A.7.2|A C I . . . . . R .
T|4.2|CCTV and alarm review|A.7.4|A . . . . . . . R .
T|4.3|Clear desk and clear screen|A.7.7|A R . . . C . . R .
T|4.4|Equipment disposal|A.7.14|A . R . . . . . R .
P|5|Technical controls
T|5.1|Access control policy|A.5.15|A R C . C . . . . .
T|5.2|Privileged access management|A.8.2|A . R . R . . . . .
T|5.3|  Quarterly access reviews|A.5.18|A C R . R . I . . .
T|5.4|Malware protection|A.8.7|A . R . C . . . . .
T|5.5|Patch and vulnerability management|A.8.8|A . R R R . . . . .
T|5.6|Network segmentation and firewall rules|A.8.22|A . C R C . . . . .
T|5.7|Logging and monitoring|A.8.15|A . R R R . . . . .
T|5.8|Backup and restore testing|A.8.13|A . R . C . . . . .
T|5.9|Secure development lifecycle|A.8.25|A . . . R . . . . .
T|5.10|  Code review and SAST in CI pipeline|A.8.28|I . . . A/R . . . . .
T|5.11|Encryption key management|A.8.24|A . R . R . . . . .
T|5.12|Business continuity / DR plan|A.5.30|A C R R R . . . C .
P|6|Incident management
T|6.1|Incident response procedure|A.5.24|A C R C C . . C . .
T|6.2|Incident response tabletop exercise|A.5.24|A C R R R . I C . .
T|6.3|Data breach notification process|A.5.26|A R . . . . . R . .
P|7|Audit preparation
T|7.1|Internal audit programme|9.2|I C . . . . A/R . . .
T|7.2|Internal audit of all clauses|9.2|I C C C C C R . C .
T|7.3|Corrective actions from internal audit|10.2|A R R R R . C . . .
T|7.4|Evidence folder per control|.|A R R R R R . . R .
T|7.5|Select certification body|.|A R . . . . . C . I
T|7.6|Stage 1 audit (documentation)|.|A R C . . . . . . R
T|7.7|Stage 2 audit (implementation)|.|A R C C C C C . C R
""")
    mess = {  # (task wbs, party index) -> raw
        ("1.3", 0): " a", ("2.2", 1): "R ",
        ("3.2", 5): "r", ("4.2", 8): "R , A", ("5.2", 4): "R/C",
        ("5.9", 4): "a/r", ("6.3", 7): "c", ("7.5", 9): "i", ("7.4", 1): "A/R",
    }
    # fix intended letters for messy cells
    r = hdr + 1
    subcount = 0
    for row in spec:
        if row[0] == "P":
            sh.set(r, 1, row[1] + ". " + row[2].upper(), bold=True, fill="D9D9D9")
            sh.merge(r, 1, r, 14)
        else:
            wbs, name, annex, toks = row[1], row[2], row[3], row[4].split()
            sh.set(r, 1, wbs, border=True)
            sh.set(r, 2, name, border=True)   # keep leading spaces (indent by hand)
            if annex != ".":
                sh.set(r, 3, annex, border=True)
            for i, t in enumerate(toks):
                raw = mess.get((wbs, i), t)
                if raw != ".":
                    sh.set(r, 4 + i, raw, center=True, border=True)
            sh.tasks.append((name.strip(), r))
        r += 1
    sh.set(hdr + 2, 14, "This matrix itself is a 5.3 deliverable")
    last = r - 1
    r += 1
    sh.set(r, 2, "RACI KEY", bold=True)
    for k, v in [("R", "Responsible: does the work"), ("A", "Accountable: approves, one per activity"),
                 ("C", "Consulted: provides input"), ("I", "Informed: receives output")]:
        r += 1
        sh.set(r, 1, k, bold=True, center=True, border=True)
        sh.set(r, 2, v, border=True)
    sh.widths.update({1: 6, 2: 46, 3: 9, 14: 36})
    for c in range(4, 14):
        sh.widths[c] = 6
    sh.freeze = "D9"
    b.spot_pref = ["E17", "L28", "H33", "H40"]
    b.notes = [
        "Boxed title/project block rows 1-5 (merged label/value cells), header row 8 with rotated, wrapped party headers ('Head of\\nCompliance'; 'IT Ops\\nManager ' has a trailing space).",
        "Ref column A and 'Annex A' control column C around the Activity column B; Comments column N at the end.",
        "Phase rows (9, 15, 20, 26, 31, 44, 48) are merged A:N, upper-case, with the phase number in the text - not tasks.",
        "Sub-tasks indented with leading spaces (B23, B34, B41) - still tasks.",
        "Messy letters: ' a' (D12), 'R ' (E17), 'r' (I22), 'R , A' (L28, a second A on that row), 'R/C' (H33), 'a/r' (H40), 'c' (K47), 'i' (M53), 'A/R' (I21, I24, H41, J49, E52).",
        "Legend 'RACI KEY' below the matrix at rows 57-61 (B57 title, then letter in column A, text in column B).",
    ]
    return b, write_xlsx


# ================================================================ 69
def f69():
    b = Book("69_product-launch_RACI.xlsx")
    rm = b.add("Read Me")
    rm.set(1, 1, "Product Launch Playbook \u2013 RACI", bold=True, size=16)
    for i, t in enumerate([
            "This workbook assigns responsibilities for the Q3 launch of Atlas Analytics 2.0.",
            "Go to the 'RACI' tab. Each deliverable has exactly one Accountable (A).",
            "Legend: R = Responsible, A = Accountable, C = Consulted, I = Informed.",
            "Combined codes (e.g. A/R) mean the team both owns and does the work.",
            "Questions: launch-pmo@example.com"]):
        rm.set(3 + i, 1, t)
    rm.widths[1] = 90
    sh = b.add("RACI")
    sh.is_key = True
    parties = ["Product Manager", "Product Marketing", "Engineering Lead", "Design Lead", "QA",
               "Sales Enablement", "Customer Success", "Support", "Legal", "Finance", "VP Product"]
    sh.set(1, 1, "Atlas Analytics 2.0 \u2013 Launch RACI", bold=True, size=16)
    sh.set(2, 1, "Launch date: 17 Sep 2024  \u2022  Launch owner: VP Product  \u2022  Last edited by M. Ito",
           italic=True)
    hdr = 4
    for c, lab in ((1, "Phase"), (2, "ID"), (3, "Deliverable"), (4, "Due"), (5, "Status")):
        sh.set(hdr, c, lab, bold=True, fill="305496", color="FFFFFF", border=True)
    for i, p in enumerate(parties):
        sh.set(hdr, 6 + i, p, bold=True, fill="305496", color="FFFFFF", border=True, wrap=True, center=True)
        sh.parties.append((p, 6 + i))
    sh.set(hdr, 17, "Comments", bold=True, fill="305496", color="FFFFFF", border=True)
    D = datetime.datetime
    # PM PMM Eng Des QA SE CS Sup Legal Fin VP
    groups = [
        ("Plan", [
            ("PL-1", "Launch brief and goals", D(2024, 6, 14), "Done", "A/R C C C . C C . . C I", ""),
            ("PL-2", "Pricing and packaging", D(2024, 6, 28), "Done", "R C . . . C . . C C A", "Finance model v3"),
            ("PL-3", "Launch tier decision (Tier 1/2/3)", D(2024, 6, 28), "Done", "R C I . . . . . . . A", ""),
            ("PL-4", "Competitive positioning", D(2024, 7, 5), "In progress", "C a/r . . . C . . . . I", ""),
        ]),
        ("Build", [
            ("BU-1", "Feature freeze", D(2024, 7, 19), "In progress", "A I R . C . . . . . I", ""),
            ("BU-2", "In-app onboarding tour", D(2024, 7, 26), "Not started", "A C R R C . C . . . .", ""),
            ("BU-3", "Release notes", D(2024, 8, 9), "Not started", "A R C . C . . I . . .", ""),
            ("BU-4", "Final regression and sign-off", D(2024, 8, 30), "Not started", "I . A . R . . . . . .", ""),
            ("BU-5", "Terms of service update", D(2024, 8, 16), "Not started", "C . . . . . . . A/R . I", "EU data residency clause"),
        ]),
        ("Enable", [
            ("EN-1", "Sales deck and battlecards", D(2024, 8, 23), "Not started", "C R . C . A . . . . .", ""),
            ("EN-2", "Sales team training", D(2024, 9, 3), "Not started", "C C . . . a/r I . . . .", ""),
            ("EN-3", "Support knowledge base articles", D(2024, 9, 6), "Not started", "C . C . C . . A/R . . .", ""),
            ("EN-4", "Customer Success playbook", D(2024, 9, 6), "Not started", "C C . . . . A/R I . . .", ""),
            ("EN-5", "Revenue recognition setup", D(2024, 9, 6), "Not started", ". . . . . I . . C A/R I", ""),
        ]),
        ("Launch", [
            ("LA-1", "Go / no-go meeting", D(2024, 9, 13), "Not started", "R C C C C C C C C C A", ""),
            ("LA-2", "Press release and blog post", D(2024, 9, 17), "Not started", "C A/R . C . . . . C . I", ""),
            ("LA-3", "Email campaign to existing customers", D(2024, 9, 17), "Not started", "C A/R . C . . C I C . .", ""),
            ("LA-4", "Launch webinar", D(2024, 9, 19), "Not started", "R A . C . C C . . . I", ""),
            ("LA-5", "Post-launch metrics review (30 days)", D(2024, 10, 17), "Not started", "A/R C C . . C C C . C I", ""),
        ]),
    ]
    r = hdr + 1
    all_toks = []
    for gname, items in groups:
        r0 = r
        sh.set(r0, 1, gname, bold=True, center=True, fill="DDEBF7", border=True)
        for (tid, name, due, status, toks, cm) in items:
            sh.set(r, 2, tid, border=True)
            sh.set(r, 3, name, border=True)
            sh.set(r, 4, due, fmt="dd-mmm", border=True)
            sh.set(r, 5, status, border=True)
            t = toks.split()
            for i, x in enumerate(t):
                if x != ".":
                    sh.set(r, 6 + i, x, center=True, border=True)
            if cm:
                sh.set(r, 17, cm)
            sh.tasks.append((name, r))
            all_toks.append(t)
            r += 1
        sh.merge(r0, 1, r - 1, 1)
    sh.set(r, 3, "Count of A", bold=True, fill="FFF2CC", border=True)
    sh.set(r + 1, 3, "Count of R", bold=True, fill="FFF2CC", border=True)
    for i in range(len(parties)):
        sh.set(r, 6 + i, sum("A" in x.upper() for x in (t[i] for t in all_toks) if x != "."),
               center=True, fill="FFF2CC", border=True)
        sh.set(r + 1, 6 + i, sum("R" in x.upper() for x in (t[i] for t in all_toks) if x != "."),
               center=True, fill="FFF2CC", border=True)
    sh.widths.update({1: 10, 2: 7, 3: 40, 4: 9, 5: 13, 17: 30})
    for c in range(6, 17):
        sh.widths[c] = 11
    sh.freeze = "F5"
    b.spot_pref = ["G8"]
    b.notes = [
        "'Read Me' sheet first (prose legend); matrix on second sheet 'RACI'.",
        "Phase column A with vertically merged cells (A5:A8 Plan, A9:A13 Build, A14:A18 Enable, A19:A23 Launch) instead of phase rows.",
        "ID column B, then Deliverable, then Due (dates) and Status columns between task and parties; Comments column Q at the end.",
        "Lower-case combined 'a/r' (G8, K15); 'A/R' in several cells (F5, N13, M16, L17, O18, G20, G21, F23).",
        "Totals rows 24 'Count of A' and 25 'Count of R' (numbers) at the bottom.",
    ]
    return b, write_xlsx


# ---------------------------------------------------------------- key

def pick_spots(sh, n=8, seed=0, force=()):
    rnd = random.Random(seed)
    cands = []
    for name, r in sh.tasks:
        for pname, c in sh.parties:
            raw = sh.cells.get((r, c))
            raw_s = "" if raw is None else str(raw)
            lets = letters_of(raw_s)
            tricky = raw_s != "" and raw_s not in ("R", "A", "C", "I")
            cands.append((name, r, pname, c, raw_s, lets, tricky))
    tricky = [x for x in cands if x[6]]
    empty = [x for x in cands if x[4] == ""]
    plain = [x for x in cands if x[4] in ("R", "A", "C", "I")]
    chosen = [x for x in cands if col_letter(x[3]) + str(x[1]) in force]
    rnd.shuffle(tricky)
    chosen += [x for x in tricky if x not in chosen][:max(0, 4 - len(chosen))]
    if not any(x[4] == "" for x in chosen):
        chosen += rnd.sample(empty, 1)
    used_rows = {x[1] for x in chosen}
    # spread plain cells over rows not used yet: first, middle, last tasks
    rnd.shuffle(plain)
    first_row, last_row = sh.tasks[0][1], sh.tasks[-1][1]
    for want in (first_row, last_row):
        for x in plain:
            if x[1] == want and x not in chosen:
                chosen.append(x)
                used_rows.add(x[1])
                break
    for x in plain:
        if len(chosen) >= n:
            break
        if x[1] not in used_rows:
            chosen.append(x)
            used_rows.add(x[1])
    chosen.sort(key=lambda x: (x[1], x[3]))
    return [{"task": x[0], "party": re.sub(r"\s+", " ", x[2]).strip(), "letters": x[5], "row": x[1],
             "cell": col_letter(x[3]) + str(x[1])} for x in chosen[:n]]


def main():
    key = {}
    for fn in (f61, f62, f63, f64, f65, f66, f67, f68, f69):
        b, writer = fn()
        writer(b)
        sh = b.key_sheet
        k = {
            "sheet": sh.name,
            "task_count": len(sh.tasks),
            "party_count": len(sh.parties),
            "tasks": [t for t, _ in sh.tasks],
            "parties": [re.sub(r"\s+", " ", p).strip() for p, _ in sh.parties],
            "spot": pick_spots(sh, seed=int(b.fname[:2]), force=b.spot_pref),
            "notes": b.notes,
        }
        if b.task_ok:
            k["task_count_ok"] = b.task_ok
        if b.party_ok:
            k["party_count_ok"] = b.party_ok
        key[b.fname] = k
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(key, f, indent=2, ensure_ascii=False)
    print("wrote", len(key), "files")


if __name__ == "__main__":
    main()
