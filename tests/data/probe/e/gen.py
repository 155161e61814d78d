#!/usr/bin/env python3
"""Generate probe files 101-109 (theme: RACI/RASCI of product teams) and expected.json."""
import csv, datetime, io, json, os, re

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter as CL
from openpyxl.worksheet.datavalidation import DataValidation

HERE = os.path.dirname(os.path.abspath(__file__))
KEY = {}


def P(name):
    return os.path.join(HERE, name)


def rl(raw, scheme="raci"):
    """Map a raw cell value to RACI letters (sorted)."""
    s = (raw or "").strip().upper()
    if scheme == "pt":
        m = {"RESPONSÁVEL": "R", "APROVADOR": "A", "CONSULTADO": "C", "INFORMADO": "I"}
        return m.get(s, "")
    toks = re.split(r"[\s/,+;]+", s)
    out = set()
    for t in toks:
        for ch in t:
            if ch in "RACI":
                out.add(ch)
    return "".join(sorted(out))


def spot(task, party, letters, row, cell):
    return {"task": task, "party": party, "letters": letters, "row": row, "cell": cell}


thin = Side(style="thin", color="999999")
BOX = Border(left=thin, right=thin, top=thin, bottom=thin)


# ---------------------------------------------------------------- 101 Notion CSV
def f101():
    name = "101_notion-product-raci.csv"
    parties = ["Product Owner", "Product Manager", "Product Designer", "Engineering Lead",
               "Marketing", "Sales", "Customer Support", "Data Analyst"]
    rows = [
        ("Customer interviews", "Discovery", ["C", "A, R", "R", "I", "", "C", "C", "I"], "", "February 12, 2024 10:03 AM"),
        ("Opportunity sizing", "Discovery", ["I", "A, R", "", "C", "C", "C", "", "R"], "Use TAM/SAM/SOM, see Finance sheet", "February 12, 2024 10:05 AM"),
        ("Define problem statement", "Discovery", ["C", "A, R", "C", "C", "I", "I", "I", "C"], "", "February 13, 2024 2:41 PM"),
        ("Competitive analysis", "Discovery", ["I", "A", "I", "", "R", "C", "", "C"], "", "February 13, 2024 2:44 PM"),
        ("Write PRD", "Definition", ["R", "A", "C", "C", "I", "I", "I", "C"], "Template in Confluence", "February 20, 2024 9:17 AM"),
        ("Prioritise backlog", "Definition", ["A, R", "C", "I", "C", "", "I", "C", "C"], "", "February 20, 2024 9:18 AM"),
        ("UX flows & wireframes", "Definition", ["C", "A", "R", "C", "", "", "I", ""], "", "February 21, 2024 11:30 AM"),
        ("Technical design review", "Definition", ["I", "I", "C", "A, R", "", "", "", "C"], "", "February 21, 2024 11:32 AM"),
        ("Sprint planning", "Delivery", ["A, R", "I", "C", "R", "", "", "", "I"], "", "February 27, 2024 4:51 PM"),
        ("Build & code review", "Delivery", ["I", "", "C", "A, R", "", "", "", ""], "Every PR needs 1 approval", "February 27, 2024 4:51 PM"),
        ("QA / regression testing", "Delivery", ["A", "I", "C", "R", "", "", "I", ""], "", "February 27, 2024 4:53 PM"),
        ("Analytics instrumentation", "Delivery", ["C", "A", "", "R", "I", "", "", "R"], "", "February 28, 2024 8:12 AM"),
        ("Release notes", "Launch", ["R", "A", "", "C", "C", "I", "I", ""], "", "March 1, 2024 8:55 AM"),
        ("Sales enablement deck", "Launch", ["I", "C", "C", "", "A, R", "R", "I", "C"], "Ask Sales for top 5 objections, then draft", "March 1, 2024 8:58 AM"),
        ("Help center articles", "Launch", ["C", "I", "C", "", "C", "", "A, R", ""], "", "March 1, 2024 9:01 AM"),
        ("Post-launch metrics review", "Launch", ["I", "A", "I", "I", "C", "C", "C", "R"], "", "March 1, 2024 9:01 AM"),
    ]
    header = ["Activity", "Area"] + parties + ["Notes", "Last edited time"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for t, a, cells, n, e in rows:
        w.writerow([t, a] + cells + [n, e])
    # Notion keeps the accidental "Untitled" row the user created at the bottom
    w.writerow([""] * (len(header) - 1) + ["March 1, 2024 9:02 AM"])
    with open(P(name), "w", encoding="utf-8-sig", newline="") as f:
        f.write(buf.getvalue())

    def sp(ti, party):
        t, _, cells, _, _ = rows[ti]
        pi = parties.index(party)
        return spot(t, party, rl(cells[pi]), ti + 2, f"{CL(3 + pi)}{ti + 2}")
    KEY[name] = {
        "sheet": "101_notion-product-raci",
        "task_count": 16, "party_count": 8,
        "tasks": [r[0] for r in rows], "parties": parties,
        "spot": [sp(0, "Product Manager"), sp(1, "Data Analyst"), sp(3, "Sales"), sp(7, "Engineering Lead"),
                 sp(9, "Product Manager"), sp(11, "Data Analyst"), sp(13, "Marketing"), sp(15, "Customer Support")],
        "notes": ["Notion database export: UTF-8 with BOM, comma-delimited, LF line ends.",
                  "Multi-select role cells hold 'A, R' (comma inside a quoted field), e.g. D2, F9, G15.",
                  "Column B 'Area' is a Notion select property (phase), not a party; K 'Notes' and L 'Last edited time' are not parties.",
                  "Notes K3 and K15 contain commas (quoted).",
                  "Line 18 is an untitled empty Notion row: only the 'Last edited time' is filled - not a task.",
                  "Two R on one task: Analytics instrumentation (F13 Engineering Lead, J13 Data Analyst)."],
    }


# ---------------------------------------------------------------- 102 web template xlsx
def f102():
    name = "102_raci-template-filled.xlsx"
    people = ["Sarah Chen", "Marcus Webb", "Priya Natarajan", "Tom Okafor", "Lena Fischer", "Diego Alvarez", "Hannah Brooks"]
    roles = ["Head of Product", "Product Owner", "Lead Product Designer", "Engineering Manager",
             "Product Marketing Manager", "Sales Lead", "Support Lead"]
    phases = [
        ("PROJECT INITIATION", [
            ("Define project goals & success metrics", ["A", "R", "C", "C", "C", "I", "I"]),
            ("Stakeholder alignment workshop", ["A/R", "R", "C", "C", "C", "C", "C"]),
            ("Budget & headcount sign-off", ["A", "C", "", "C", "", "", ""]),
            ("Kick-off meeting", ["A", "R", "I", "I", "I", "I", "I"]),
        ]),
        ("PLANNING", [
            ("User research synthesis", ["I", "C", "A/R", "I", "C", "C", "C"]),
            ("Define MVP scope", ["A", "R", "C", "C", "I", "C", "I"]),
            ("Write user stories & acceptance criteria", ["I", "A/R", "C", "C", "", "", ""]),
            ("Design system updates", ["", "I", "A/R", "C", "", "", ""]),
            ("High-fidelity mockups", ["I", "C", "A/R", "C", "I", "", ""]),
            ("Technical architecture & estimates", ["I", "C", "C", "A/R", "", "", ""]),
            ("Release plan & milestones", ["A", "R", "C", "R", "I", "I", "I"]),
        ]),
        ("EXECUTION", [
            ("Sprint execution", ["", "A", "C", "R", "", "", ""]),
            ("Design QA", ["", "C", "A / R", "R", "", "", ""]),
            ("Usability testing", ["I", "C", "A/R", "I", "", "", "C"]),
            ("Bug triage", ["", "A", "C", "R", "", "", "C"]),
            ("Analytics events & dashboards", ["C", "A", "", "R", "C", "", ""]),
            ("Pricing page copy", ["A", "C", "C", "", "R", "C", ""]),
        ]),
        ("LAUNCH & CLOSE", [
            ("Go / no-go decision", ["A", "R", "C", "C", "C", "I", "C"]),
            ("App store submission", ["I", "A", "C", "R", "C", "", ""]),
            ("Launch campaign", ["C", "I", "C", "", "A/R", "I", "I"]),
            ("Sales & support training", ["I", "C", "", "", "A", "R", "R"]),
            ("Retrospective & lessons learned", ["A", "R", "C", "C", "C", "C", "C"]),
        ]),
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "RACI Chart"
    navy = PatternFill("solid", fgColor="1F3864")
    light = PatternFill("solid", fgColor="D9E1F2")
    grey = PatternFill("solid", fgColor="F2F2F2")
    ws["A1"] = "RACI MATRIX"
    ws["A1"].font = Font(size=20, bold=True, color="1F3864")
    ws.merge_cells("A1:J1")
    ws["A3"] = "PROJECT NAME"; ws["B3"] = "Mobile app v3 – onboarding redesign"; ws.merge_cells("B3:D3")
    ws["F3"] = "PROJECT MANAGER"; ws["G3"] = "Sarah Chen"
    ws["A4"] = "DATE"; ws["B4"] = datetime.date(2024, 4, 8); ws["B4"].number_format = "mm/dd/yyyy"
    ws["F4"] = "VERSION"; ws["G4"] = "2.1"
    for c in ("A3", "A4", "F3", "F4"):
        ws[c].font = Font(bold=True, size=9, color="7F7F7F")
    ws["A6"] = "TASK / DELIVERABLE"
    ws.merge_cells("A6:A7")
    for i in range(9):
        col = 2 + i
        ws.cell(6, col, people[i] if i < 7 else "Name")
        ws.cell(7, col, roles[i] if i < 7 else "Role")
        for r in (6, 7):
            c = ws.cell(r, col)
            c.fill = navy; c.font = Font(bold=(r == 6), color="FFFFFF", size=10 if r == 6 else 9)
            c.alignment = Alignment(horizontal="center", wrap_text=True)
    ws["A6"].fill = navy; ws["A6"].font = Font(bold=True, color="FFFFFF")
    r = 8
    tasks, spots_at = [], {}
    for ph, items in phases:
        ws.cell(r, 1, ph).font = Font(bold=True)
        for col in range(1, 11):
            ws.cell(r, col).fill = light
        r += 1
        for t, cells in items:
            ws.cell(r, 1, t)
            for i, v in enumerate(cells):
                if v:
                    ws.cell(r, 2 + i, v)
                ws.cell(r, 2 + i).alignment = Alignment(horizontal="center")
            for col in range(1, 11):
                ws.cell(r, col).border = BOX
            tasks.append(t)
            spots_at[t] = (r, cells)
            r += 1
    r += 1
    ws.cell(r, 1, "KEY").font = Font(bold=True)
    r += 1
    legend = [("R", "Responsible", "Person who performs the task / does the work"),
              ("A", "Accountable", "Person who makes the final decision and owns the outcome"),
              ("C", "Consulted", "Person who must be consulted before a decision or action"),
              ("I", "Informed", "Person who must be informed that a decision or action was taken")]
    for l, w_, d in legend:
        ws.cell(r, 1, l).alignment = Alignment(horizontal="right")
        ws.cell(r, 2, w_).font = Font(bold=True)
        ws.cell(r, 3, d)
        ws.cell(r, 1).fill = grey
        r += 1
    ws.column_dimensions["A"].width = 42
    for col in range(2, 11):
        ws.column_dimensions[CL(col)].width = 16
    ws.freeze_panes = "B8"
    tou = wb.create_sheet("Terms of Use")
    tou["A1"] = "Terms of Use"
    tou["A3"] = "This template is provided for personal and internal business use only."
    tou["A4"] = "You may not resell or redistribute this template. © Template provider."
    wb.save(P(name))

    def sp(t, party):
        row, cells = spots_at[t]
        pi = people.index(party)
        return spot(t, party, rl(cells[pi]), row, f"{CL(2 + pi)}{row}")
    KEY[name] = {
        "sheet": "RACI Chart",
        "task_count": 22, "party_count": 7,
        "tasks": tasks, "parties": people,
        "spot": [sp("Stakeholder alignment workshop", "Sarah Chen"),
                 sp("Budget & headcount sign-off", "Priya Natarajan"),
                 sp("Write user stories & acceptance criteria", "Marcus Webb"),
                 sp("Release plan & milestones", "Tom Okafor"),
                 sp("Design QA", "Priya Natarajan"),
                 sp("Pricing page copy", "Lena Fischer"),
                 sp("Sales & support training", "Hannah Brooks"),
                 sp("Retrospective & lessons learned", "Diego Alvarez")],
        "notes": ["Web-downloaded RACI template, filled in. Title A1 merged A1:J1, project info block rows 3-4 (B4 is a date).",
                  "Two header rows: row 6 person names, row 7 their job roles; A6:A7 merged 'TASK / DELIVERABLE'.",
                  "Template columns I and J still hold the placeholders 'Name' / 'Role' and are empty below: not parties.",
                  "Phase rows 8, 13, 21, 28 (A only, shaded) are headings, not tasks.",
                  "Cells 'A/R' and one 'A / R' (D23) with spaces.",
                  "Legend block rows 35-39 at the bottom ('KEY', then R/A/C/I in column A with words in B, C): not tasks.",
                  "Second sheet 'Terms of Use' is boilerplate."],
    }


# ---------------------------------------------------------------- 103 French ODS transposed
def write_ods(path, sheets):
    """sheets: list of (name, rows, spans) ; rows = list of list of values (str/None);
    spans = {(r,c): ncols} for merged cells (0-based)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell, CoveredTableCell, TableColumn
    from odf.text import P as TP
    doc = OpenDocumentSpreadsheet()
    for sname, rows, spans in sheets:
        t = Table(name=sname)
        width = max(len(r) for r in rows)
        t.addElement(TableColumn(numbercolumnsrepeated=width))
        for ri, row in enumerate(rows):
            tr = TableRow()
            ci = 0
            while ci < len(row):
                v = row[ci]
                span = spans.get((ri, ci))
                kw = {}
                if span:
                    kw["numbercolumnsspanned"] = span
                if v is None or v == "":
                    tc = TableCell(**kw)
                else:
                    tc = TableCell(valuetype="string", **kw)
                    for para in str(v).split("\n"):
                        tc.addElement(TP(text=para))
                tr.addElement(tc)
                ci += 1
                if span:
                    for _ in range(span - 1):
                        tr.addElement(CoveredTableCell())
                        ci += 1
            t.addElement(tr)
        doc.spreadsheet.addElement(t)
    doc.save(path)


def f103():
    name = "103_matrice-raci-produit.ods"
    acts = ["Cadrage du besoin", "Rédaction des user stories", "Priorisation du backlog", "Maquettes UX/UI",
            "Architecture technique", "Développement", "Recette\nfonctionnelle", "Mise en production",
            "Plan de communication", "Formation du support", "Suivi des KPI"]
    roles = ["Product Owner", "Chef de produit", "UX/UI Designer", "Lead Dev", "Développeurs", "QA",
             "Marketing", "Support client"]
    m = {  # role -> letters per activity
        "Product Owner":   ["R", "A/R", "A/R", "A", "C", "A", "A", "A", "C", "C", "R"],
        "Chef de produit": ["A", "C", "C", "C", "I", "I", "C", "I", "A", "A", "A"],
        "UX/UI Designer":  ["C", "C", "", "R", "", "C", "C", "", "C", "", "I"],
        "Lead Dev":        ["C", "C", "C", "C", "A/R", "R", "C", "R", "", "", "C"],
        "Développeurs":    ["I", "I", "", "I", "C", "R", "C", "R", "", "", ""],
        "QA":              ["", "C", "", "", "I", "C", "R", "C", "", "", ""],
        "Marketing":       ["I", "", "I", "", "", "", "", "I", "R", "I", "C"],
        "Support client":  ["C", "", "I", "", "", "", "I", "I", "I", "R", "I"],
    }
    rows = [["Matrice RACI – Refonte de l'espace client (T3 2024)"] + [None] * 11,
            [None] * 12,
            ["Rôle \\ Activité"] + acts]
    for r in roles:
        rows.append([r] + m[r])
    rows.append([None] * 12)
    rows.append(["Légende : R = Réalise  |  A = Approuve (un seul A par activité)  |  C = Consulté  |  I = Informé"] + [None] * 11)
    rows.append(["Mise à jour : 03/07/2024 – C. Dubois"] + [None] * 11)
    write_ods(P(name), [("Matrice RACI", rows, {(0, 0): 12})])

    def sp(ai, role):
        ri = roles.index(role)
        return spot(acts[ai], role, rl(m[role][ai]), 3, f"{CL(2 + ai)}{4 + ri}")
    KEY[name] = {
        "sheet": "Matrice RACI",
        "task_count": 11, "party_count": 8,
        "tasks": acts, "parties": roles,
        "spot": [sp(1, "Product Owner"), sp(0, "Chef de produit"), sp(4, "Lead Dev"), sp(6, "QA"),
                 sp(6, "Product Owner"), sp(8, "Marketing"), sp(9, "Support client"), sp(2, "UX/UI Designer")],
        "notes": ["Transposed: activities are the columns (header row 3, B3:L3), roles are the rows (A4:A11). 'row' in spots is the header row 3 of the activity; the cell is where the letter sits.",
                  "A1 title merged A1:L1; A3 corner cell 'Rôle \\ Activité'.",
                  "H3 'Recette fonctionnelle' has a line break (two paragraphs) inside the cell.",
                  "'A/R' cells (C4, D4, F7). French legend at A13 (R = Réalise, A = Approuve...) and an update line A14: not parties.",
                  "Empty cells (UX/UI Designer x Priorisation du backlog D6) mean nothing."],
    }


# ---------------------------------------------------------------- 104 Italian RASCI xlsx
def f104():
    name = "104_matrice-rasci-prodotto.xlsx"
    parties = ["Product Owner", "Product Manager", "UX Designer", "Sviluppatori Backend", "Sviluppatori Frontend",
               "QA", "Marketing", "Vendite", "Customer Care", "Data Analyst"]
    phases = [
        ("Discovery", [
            ("Interviste con i clienti", "C A R - - - I S C S".split(), ""),
            ("Analisi della concorrenza", "I A - - - - R S - C".split(), ""),
            ("Raccolta richieste dal commerciale", "C A - - - - I R S -".split(), "Export mensile dal CRM"),
            ("Analisi dei dati di utilizzo", "C A S - - - - - - R".split(), ""),
            ("Definizione della vision di prodotto", "C A/R C I I - C C I C".split(), ""),
        ]),
        ("Definizione", [
            ("Stesura dei requisiti (PRD)", "S A/R C C C C I I I C".split(), ""),
            ("Definizione delle user story", "A/R C S C C C - - - -".split(), ""),
            ("Prioritizzazione del backlog", "A/R C I C C I - I C S".split(), ""),
            ("Wireframe e prototipi", "C A R - C - I - - -".split(), "Figma"),
            ("Revisione dell'architettura", "I I - A/R R C - - - -".split(), ""),
            ("Stima dell'effort", "A I S R R C - - - -".split(), ""),
        ]),
        ("Sviluppo", [
            ("Sprint planning", "A/R I S R R C - - - -".split(), ""),
            ("Sviluppo API", "I - - R S C - - - -".split(), "A = Tech Lead (fuori matrice)"),
            ("Sviluppo interfaccia", "I - C S R C - - - -".split(), ""),
            ("Code review", "- - - R R I - - - -".split(), ""),
            ("Test automatici", "I - - R R A - - - -".split(), ""),
            ("Test di regressione", "A - - S S R - - I -".split(), ""),
            ("Tracciamento eventi analytics", "C A - S R I - - - R".split(), ""),
        ]),
        ("Rilascio", [
            ("Go/No-go al rilascio", "R A I C C C C I I -".split(), ""),
            ("Note di rilascio", "R A - I I I C I I -".split(), ""),
            ("Comunicazione ai clienti", "C A - - - - R I S -".split(), ""),
            ("Formazione del team vendite", "S A - - - - R R I -".split(), ""),
            ("Aggiornamento della knowledge base", "C I S - - - - - A/R -".split(), ""),
        ]),
        ("Post-rilascio", [
            ("Monitoraggio KPI", "C A - - - - I I - R".split(), ""),
            ("Gestione dei ticket di assistenza", "I - - S S C - - A/R -".split(), ""),
            ("Raccolta feedback", "R A S - - - C C R S".split(), ""),
            ("Retrospettiva", "A/R C C R R R - - - -".split(), ""),
            ("Report al management", "C A/R - - - - - - - S".split(), ""),
        ]),
    ]
    wb = openpyxl.Workbook()
    ins = wb.active
    ins.title = "Istruzioni"
    lines = ["Come usare questa matrice",
             "",
             "1. Per ogni attività indicare una sola A (Approvatore).",
             "2. Possono esserci più R e più S.",
             "3. Usare il menu a tendina nelle celle (R, A, S, C, I, A/R).",
             "4. Le righe grigie indicano la fase del processo.",
             "Per domande: giulia.rinaldi@esempio.it"]
    for i, l in enumerate(lines, 1):
        ins.cell(i, 1, l)
    ins["A1"].font = Font(bold=True, size=14)
    ws = wb.create_sheet("RASCI")
    ws["A1"] = "Matrice RASCI – Piattaforma B2B (Team Prodotto)"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Versione 1.3 – aggiornata il 12/02/2024 – owner: G. Rinaldi"
    ws["A2"].font = Font(italic=True, color="666666")
    hdr = ["ID", "Fase", "Attività"] + parties + ["Note"]
    for i, h in enumerate(hdr, 1):
        c = ws.cell(4, i, h)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="2E75B6")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True, text_rotation=90 if 4 <= i <= 13 else 0)
        c.border = BOX
    ws.row_dimensions[4].height = 110
    dv = DataValidation(type="list", formula1='"R,A,S,C,I,A/R"', allow_blank=True)
    ws.add_data_validation(dv)
    r = 5
    tasks, at = [], {}
    for pi, (ph, items) in enumerate(phases, 1):
        start = r
        for ti, (t, cells, note) in enumerate(items, 1):
            ws.cell(r, 1, f"{pi}.{ti}")
            ws.cell(r, 3, t)
            for i, v in enumerate(cells):
                c = ws.cell(r, 4 + i)
                if v != "-":
                    c.value = v
                c.alignment = Alignment(horizontal="center")
                if v == "S":
                    c.fill = PatternFill("solid", fgColor="E2EFDA")
            if note:
                ws.cell(r, 14, note)
            for col in range(1, 15):
                ws.cell(r, col).border = BOX
            tasks.append(t)
            at[t] = (r, [("" if v == "-" else v) for v in cells])
            r += 1
        ws.cell(start, 2, ph)
        ws.merge_cells(start_row=start, start_column=2, end_row=r - 1, end_column=2)
        ws.cell(start, 2).alignment = Alignment(vertical="center", horizontal="center", text_rotation=90)
        ws.cell(start, 2).fill = PatternFill("solid", fgColor="D9D9D9")
    dv.add(f"D5:M{r - 1}")
    ws.freeze_panes = "D5"
    ws.column_dimensions["C"].width = 40
    ws.column_dimensions["N"].width = 30
    leg = wb.create_sheet("Legenda")
    for i, row in enumerate([("Lettera", "Ruolo", "Descrizione"),
                             ("R", "Responsabile", "Esegue l'attività"),
                             ("A", "Approvatore (Accountable)", "Approva e risponde del risultato; uno solo per attività"),
                             ("S", "Supporto", "Fornisce risorse o aiuto operativo a chi è R"),
                             ("C", "Consultato", "Dà un parere prima della decisione"),
                             ("I", "Informato", "Viene informato a cose fatte")], 1):
        for j, v in enumerate(row, 1):
            leg.cell(i, j, v)
    wb.active = 1
    wb.save(P(name))

    def sp(t, party):
        row, cells = at[t]
        pi = parties.index(party)
        return spot(t, party, rl(cells[pi].replace("S", "")), row, f"{CL(4 + pi)}{row}")
    KEY[name] = {
        "sheet": "RASCI",
        "task_count": 28, "party_count": 10,
        "tasks": tasks, "parties": parties,
        "spot": [sp("Interviste con i clienti", "Vendite"),            # S -> ""
                 sp("Definizione della vision di prodotto", "Product Manager"),
                 sp("Stesura dei requisiti (PRD)", "Product Owner"),  # S -> ""
                 sp("Revisione dell'architettura", "Sviluppatori Backend"),
                 sp("Sviluppo API", "Sviluppatori Backend"),
                 sp("Test automatici", "QA"),
                 sp("Aggiornamento della knowledge base", "Customer Care"),
                 sp("Report al management", "Data Analyst")],        # S -> ""
        "notes": ["RASCI (Italian): S = Supporto, maps to nothing. Legend on separate sheet 'Legenda'.",
                  "Workbook opens on sheet 'RASCI' but the first sheet is 'Istruzioni' (instructions text); third sheet 'Legenda' is a small letter table.",
                  "Title A1, version line A2, header row 4 with rotated role headers; ID column A ('1.1'...), phase column B vertically merged per phase (B5:B9, B10:B15, ...).",
                  "Column N 'Note' is free text, not a party (N17 says 'A = Tech Lead (fuori matrice)' - not a party letter).",
                  "Data validation list on D5:M32; 'A/R' cells.",
                  "Sviluppo API (row 17) has no A among the parties."],
    }


# ---------------------------------------------------------------- 105 Portuguese long list CSV
def f105():
    name = "105_quem-faz-o-que.csv"
    people = {"Ana Souza": "Produto", "Bruno Lima": "Produto", "Carla Mendes": "Design", "Diego Rocha": "Engenharia",
              "Fernanda Alves": "Marketing", "Gustavo Pereira": "Vendas", "Juliana Costa": "Suporte"}
    data = [
        ("Pesquisa com usuários", "15/04/2024", [("Carla Mendes", "Responsável"), ("Ana Souza", "Aprovador"), ("Bruno Lima", "Consultado"), ("Juliana Costa", "Consultado"), ("Diego Rocha", "Informado")]),
        ("Definição do roadmap trimestral", "30/04/2024", [("Ana Souza", "Responsável"), ("Ana Souza", "Aprovador"), ("Bruno Lima", "Consultado"), ("Diego Rocha", "Consultado"), ("Gustavo Pereira", "Consultado"), ("Fernanda Alves", "Informado"), ("Juliana Costa", "Informado")]),
        ("Escrita das histórias de usuário", "03/05/2024", [("Bruno Lima", "Responsável"), ("Ana Souza", "Aprovador"), ("Diego Rocha", "Consultado"), ("Carla Mendes", "Consultado")]),
        ("Protótipo no Figma", "10/05/2024", [("Carla Mendes", "Responsável"), ("Bruno Lima", "Aprovador"), ("Diego Rocha", "Consultado"), ("Ana Souza", "Informado")]),
        ("Desenvolvimento da funcionalidade", "07/06/2024", [("Diego Rocha", "Responsável"), ("Bruno Lima", "Aprovador"), ("Carla Mendes", "Consultado"), ("Ana Souza", "Informado")]),
        ("Testes de aceitação", "14/06/2024", [("Bruno Lima", "Responsável"), ("Ana Souza", "Aprovador"), ("Diego Rocha", "Consultado"), ("Juliana Costa", "Informado")]),
        ("Lançamento da campanha", "21/06/2024", [("Fernanda Alves", "Responsável"), ("Ana Souza", "Aprovador"), ("Gustavo Pereira", "Consultado"), ("Juliana Costa", "Informado"), ("Bruno Lima", "Informado")]),
        ("Treinamento do time de vendas", "21/06/2024", [("Gustavo Pereira", "Responsável"), ("Fernanda Alves", "Responsável"), ("Ana Souza", "Aprovador"), ("Bruno Lima", "Consultado")]),
        ("Atualização da central de ajuda", "24/06/2024", [("Juliana Costa", "Responsável"), ("Juliana Costa", "Aprovador"), ("Bruno Lima", "Consultado"), ("Carla Mendes", "Informado")]),
        ("Análise de métricas pós-lançamento", "22/07/2024", [("Ana Souza", "Responsável"), ("Ana Souza", "Aprovador"), ("Diego Rocha", "Consultado"), ("Fernanda Alves", "Consultado"), ("Gustavo Pereira", "Informado"), ("Juliana Costa", "Informado")]),
    ]
    lines = [["Atividade", "Pessoa", "Área", "Papel", "Prazo"]]
    first_line, where = {}, {}
    for act, due, assigns in data:
        for person, role in assigns:
            lines.append([act, person, people[person], role, due])
            ln = len(lines)
            first_line.setdefault(act, ln)
            where.setdefault((act, person), []).append((ln, role))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    for l in lines:
        w.writerow(l)
    with open(P(name), "w", encoding="cp1252", newline="") as f:
        f.write(buf.getvalue())

    def sp(act, person):
        hits = where.get((act, person), [])
        letters = "".join(sorted(set(rl(role, "pt") for _, role in hits)))
        cell = f"D{hits[0][0]}" if hits else ""
        return spot(act, person, letters, hits[0][0] if hits else first_line[act], cell)
    KEY[name] = {
        "sheet": "105_quem-faz-o-que",
        "task_count": 10, "party_count": 7,
        "tasks": [d[0] for d in data], "parties": list(people),
        "spot": [sp("Pesquisa com usuários", "Carla Mendes"),
                 sp("Definição do roadmap trimestral", "Ana Souza"),
                 sp("Definição do roadmap trimestral", "Gustavo Pereira"),
                 sp("Protótipo no Figma", "Bruno Lima"),
                 sp("Treinamento do time de vendas", "Fernanda Alves"),
                 sp("Atualização da central de ajuda", "Juliana Costa"),
                 sp("Análise de métricas pós-lançamento", "Gustavo Pereira"),
                 sp("Testes de aceitação", "Fernanda Alves")],
        "notes": ["Long 'who does what' list: one line per activity and person; columns Atividade;Pessoa;Área;Papel;Prazo.",
                  "Windows-1252 (ANSI) encoding, semicolon-delimited, CRLF - as Excel pt-BR 'CSV (separado por ponto e vírgula)' writes it.",
                  "Role words in Portuguese: Responsável=R, Aprovador=A, Consultado=C, Informado=I.",
                  "Same person holding R and A on one activity is two lines (e.g. Ana Souza, lines 7-8; Juliana Costa lines 39-40); spot row/cell give the first line.",
                  "Área (Produto, Design, ...) is the person's department, not a separate party; Prazo is a due date.",
                  "Last spot (Testes de aceitação x Fernanda Alves) is absent from the list: letters ''."],
    }


# ---------------------------------------------------------------- 106 Dutch Google Sheets xlsx
def f106():
    name = "106_wie-doet-wat.xlsx"
    parties = ["Lotte (PO)", "Bram (Tech Lead)", "Sanne (UX)", "Daan (Marketing)", "Femke (Sales)", "Joost (Support)", "Noor (Data)"]
    epics = [
        ("Onboarding", [
            ("Onboarding-flow ontwerpen", ["A", "C", "R", "I", "", "C", ""], True, ""),
            ("Welkomstmail schrijven", ["A", "", "c", "R", "", "C", ""], True, "tone of voice checken"),
            ("In-app rondleiding bouwen", ["A", "R", "C", "", "", "I", ""], False, ""),
            ("Activatie-events meten", ["a", "C", "", "I", "", "", "R"], False, ""),
        ]),
        ("Abonnementen", [
            ("Prijsmodel bepalen", ["R", "I", "", "C", "C", "", "C"], False, "besluit door directie"),
            ("Betaalprovider koppelen", ["I", "A/R", "", "", "", "I", ""], False, "Mollie of Stripe?"),
            ("Facturen genereren", ["C", "A/R", "", "", "I", "I", ""], False, ""),
            ("Upgrade-scherm ontwerpen", ["A", "C", "R", "C", "C", "", "C"], False, ""),
            ("Sales-playbook bijwerken", ["C", "", "", "C", "R+A", "I", ""], False, ""),
        ]),
        ("Self-service", [
            ("Helpcenter-artikelen schrijven", ["I", "", "", "C", "", "R/A", ""], True, ""),
            ("Chatbot-antwoorden opstellen", ["C", "", "C", "", "", "r/a", "I"], False, ""),
            ("Zoekfunctie in helpcenter", ["A", "R", "C", "", "", "C", ""], False, ""),
            ("Ticketcategorieën herzien", ["I", "", "", "", "", "A/R", "C"], True, ""),
        ]),
        ("Lancering", [
            ("Release plannen", ["A/R", "C", "I", "I", "I", "I", ""], False, ""),
            ("Persbericht", ["C", "", "", "A/R", "I", "", ""], False, "via bureau"),
            ("Klanten informeren", ["A", "", "", "R", "C", "C", ""], False, ""),
            ("Demo voor sales", ["R", "C", "", "", "A ", "", ""], False, ""),
            ("Evaluatie na 30 dagen", ["A/R", "C", "C", "C", "C", "C", "R"], False, ""),
        ]),
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Wie doet wat"
    hdr = ["Epic", "Taak"] + parties + ["Klaar?", "Opmerkingen"]
    for i, h in enumerate(hdr, 1):
        ws.cell(1, i, h).font = Font(bold=True)
    r = 2
    tasks, at = [], {}
    for ep, items in epics:
        for k, (t, cells, done, note) in enumerate(items):
            if k == 0:
                ws.cell(r, 1, ep)
            ws.cell(r, 2, t)
            for i, v in enumerate(cells):
                if v:
                    ws.cell(r, 3 + i, v)
            ws.cell(r, 10, done)
            if note:
                ws.cell(r, 11, note)
            tasks.append(t)
            at[t] = (r, cells)
            r += 1
    ws.freeze_panes = "C2"
    wb.create_sheet("Blad2")
    wb.save(P(name))

    def sp(t, party):
        row, cells = at[t]
        pi = parties.index(party)
        return spot(t, party, rl(cells[pi]), row, f"{CL(3 + pi)}{row}")
    KEY[name] = {
        "sheet": "Wie doet wat",
        "task_count": 18, "party_count": 7,
        "tasks": tasks, "parties": parties,
        "spot": [sp("Welkomstmail schrijven", "Sanne (UX)"),
                 sp("Activatie-events meten", "Lotte (PO)"),
                 sp("Betaalprovider koppelen", "Bram (Tech Lead)"),
                 sp("Sales-playbook bijwerken", "Femke (Sales)"),
                 sp("Chatbot-antwoorden opstellen", "Joost (Support)"),
                 sp("Prijsmodel bepalen", "Lotte (PO)"),
                 sp("Demo voor sales", "Femke (Sales)"),
                 sp("Zoekfunctie in helpcenter", "Femke (Sales)")],
        "notes": ["Google Sheets download (Dutch): header row 1 only, people with role in brackets ('Lotte (PO)').",
                  "Column A 'Epic' is filled only on the first task of each epic (A2, A6, A11, A15); the rest blank.",
                  "Letters typed by hand: lowercase 'c' (E3), 'a' (C5), 'r/a' (H12); 'R+A' (G10); 'R/A' and 'A/R'; trailing space 'A ' (G18).",
                  "Column J 'Klaar?' holds booleans TRUE/FALSE (checkboxes), K 'Opmerkingen' free text: neither are parties.",
                  "Prijsmodel bepalen (row 6) has no A at all (note says the board decides).",
                  "Empty second sheet 'Blad2'."],
    }


# ---------------------------------------------------------------- 107 legacy .xls launch RACI
def f107():
    import xlwt
    name = "107_product-launch-raci.xls"
    groups = [("PRODUCT", 3), ("ENGINEERING", 3), ("GO-TO-MARKET", 4), ("CUSTOMER", 1)]
    parties = ["CPO", "Group PM", "Product Designer", "Eng Manager", "Backend Lead", "Mobile Lead",
               "PMM", "Content & Brand", "Sales Director", "RevOps", "Customer Success"]
    phases = [
        ("Strategy & readiness", [
            ("Launch goals & KPIs", "A R C C - - C - C - C"),
            ("Target segments & personas", "A C C - - - R C C - C"),
            ("Positioning & messaging", "A C I - - - R C C - I"),
            ("Pricing & packaging", "A R - - - - R - C C C"),
            ("Launch tier decision", "A R - C - - R - I - I"),
            ("Launch budget approval", "A C - - - - R - - - -"),
        ]),
        ("Build & validate", [
            ("Feature freeze", "I A I R C C I - - - -"),
            ("Beta program setup", "I A C C - C R - - - R"),
            ("Beta feedback triage", "- A/R C C C C I - - - C"),
            ("Performance & load testing", "- I - A R R - - - - -"),
            ("Security review", "I C - A R R - - - - -"),
            ("Accessibility audit", "- A R C - C - - - - -"),
            ("Localisation (FR, DE, ES)", "- A C C - R C R - - I"),
            ("Final design QA", "- C A/R C - R - - - - -"),
        ]),
        ("Enablement", [
            ("Sales pitch deck", "I C - - - - A/R C C - -"),
            ("Battlecards", "- C - - - - A/R - C - -"),
            ("Demo environment", "- A - C R - C - C - -"),
            ("Pricing calculator update", "- C - - - - C - A R -"),
            ("CRM fields & reporting", "- I - - - - C - A R -"),
            ("Support macros & FAQ", "- C - - - - C C - - A/R"),
            ("Internal launch briefing", "A R I I I I R I I I I"),
        ]),
        ("Launch", [
            ("App store listings & screenshots", "- C C - - R A R - - -"),
            ("Go / no-go meeting", "A R C R C C C - C - C"),
            ("Phased rollout", "I A - R C R I - - - I"),
            ("Launch blog post", "I C - - - - A R - - -"),
            ("Email campaign", "- I - - - - A R I C I"),
            ("Social & PR", "C I - - - - A R I - -"),
            ("Launch-day war room", "I A/R - R R R C - I - R"),
        ]),
        ("Post-launch", [
            ("Adoption dashboard", "I A - C R - C - - C C"),
            ("Customer feedback review", "I A/R C - - - C - C - R"),
            ("Bug bash & hotfixes", "- A C R R R - - - - C"),
            ("Win/loss interviews", "I C - - - - R - A C -"),
            ("30-day launch report", "C A/R - C - - R - C C C"),
            ("Retro", "I A/R C C C C C C C C C"),
        ]),
    ]
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Launch RACI")
    bold = xlwt.easyxf("font: bold on")
    title = xlwt.easyxf("font: bold on, height 320")
    grp = xlwt.easyxf("font: bold on, colour white; pattern: pattern solid, fore_colour dark_blue; align: horiz center")
    hdr = xlwt.easyxf("font: bold on; pattern: pattern solid, fore_colour pale_blue; align: horiz center, wrap on; borders: left thin, right thin, top thin, bottom thin")
    phase = xlwt.easyxf("font: bold on; pattern: pattern solid, fore_colour gray25")
    cellc = xlwt.easyxf("align: horiz center; borders: left thin, right thin, top thin, bottom thin")
    cellt = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin")
    ws.write(0, 0, "Product Launch RACI – Project Atlas (Android & iOS GA)", title)
    ws.write(1, 0, "Owner: Product Ops · Last updated: 2023-11-14 · Status: DRAFT")
    c = 2
    for g, n in groups:
        if n > 1:
            ws.write_merge(3, 3, c, c + n - 1, g, grp)
        else:
            ws.write(3, c, g, grp)
        c += n
    ws.write(4, 0, "#", hdr)
    ws.write(4, 1, "Activity", hdr)
    for i, p in enumerate(parties):
        ws.write(4, 2 + i, p, hdr)
    r = 5
    tasks, at = [], {}
    allcells = []
    for pi, (ph, items) in enumerate(phases, 1):
        ws.write(r, 0, str(pi), phase)
        ws.write_merge(r, r, 1, 12, ph, phase)
        r += 1
        for ti, (t, s) in enumerate(items, 1):
            cells = ["" if x == "-" else x for x in s.split()]
            assert len(cells) == 11, t
            ws.write(r, 0, f"{pi}.{ti}", cellt)
            ws.write(r, 1, t, cellt)
            for i, v in enumerate(cells):
                ws.write(r, 2 + i, v, cellc) if v else ws.write(r, 2 + i, None, cellc)
            tasks.append(t)
            at[t] = (r + 1, cells)
            allcells.append(cells)
            r += 1
    r += 1
    for lab, letter in (("Total R", "R"), ("Total A", "A")):
        ws.write(r, 1, lab, bold)
        for i in range(11):
            ws.write(r, 2 + i, sum(1 for cells in allcells if letter in cells[i]), cellc)
        r += 1
    ws.col(1).width = 256 * 38
    for i in range(11):
        ws.col(2 + i).width = 256 * 12
    wb.save(P(name))

    def sp(t, party):
        row, cells = at[t]
        pi = parties.index(party)
        return spot(t, party, rl(cells[pi]), row, f"{CL(3 + pi)}{row}")
    KEY[name] = {
        "sheet": "Launch RACI",
        "task_count": 34, "party_count": 11,
        "tasks": tasks, "parties": parties,
        "spot": [sp("Launch goals & KPIs", "CPO"),
                 sp("Beta feedback triage", "Group PM"),
                 sp("Localisation (FR, DE, ES)", "Content & Brand"),
                 sp("Final design QA", "Product Designer"),
                 sp("Pricing calculator update", "RevOps"),
                 sp("Go / no-go meeting", "Eng Manager"),
                 sp("Win/loss interviews", "Sales Director"),
                 sp("Retro", "Customer Success")],
        "notes": ["Legacy Excel 97-2003 .xls. Title A1, owner line A2, blank row 3.",
                  "Two header rows: row 4 department groups merged over the roles (C4:E4 PRODUCT, F4:H4 ENGINEERING, I4:L4 GO-TO-MARKET, M4 CUSTOMER); row 5 the roles (the parties).",
                  "Column A '#' numbers tasks 1.1, 1.2...; phase rows (6, 13, 22, 30, 38) have '1'..'5' in A and the phase name merged B:M - headings, not tasks.",
                  "Two totals rows at the bottom (B46 'Total R', B47 'Total A') with numbers per role: not tasks.",
                  "'A/R' cells; task names contain '&', '/', commas in brackets."],
    }


# ---------------------------------------------------------------- 108 Coda inverted CSV
def f108():
    name = "108_coda-raci-deliverables.csv"
    rows = [
        ("Q3 product roadmap", "Core", "Maya Lin", "Jonas Berg", "Aisha Khan, Lucas Moreau, Ravi Patel", "Emma Johansson, Chloe Martin, Support team", "2024-07-01", "true"),
        ("Pricing experiment (annual plans)", "Growth", "Ravi Patel", "Maya Lin", "Chloe Martin, Emma Johansson", "Support team", "2024-07-15", "false"),
        ("Onboarding checklist redesign", "Growth", "Aisha Khan", "Maya Lin", "Lucas Moreau", "Support team, Chloe Martin", "2024-07-19", "false"),
        ("Design system v2 tokens", "Core", "Aisha Khan", "Jonas Berg", "Lucas Moreau", "", "2024-08-02", "false"),
        ("API rate limiting", "Platform", "Lucas Moreau", "Lucas Moreau", "Sam O'Neill", "Maya Lin, Support team", "2024-08-09", "false"),
        ("Event tracking plan", "Growth", "Ravi Patel", "Maya Lin", "Lucas Moreau, Aisha Khan", "Emma Johansson", "2024-07-26", "true"),
        ("Launch messaging & positioning", "Core", "Emma Johansson", "Maya Lin", "Chloe Martin, Ravi Patel", "Jonas Berg, Support team", "2024-08-16", "false"),
        ("Sales demo script", "Core", "Chloe Martin", "Emma Johansson", "Maya Lin", "Jonas Berg", "2024-08-23", "false"),
        ("Help center migration", "Platform", "Sam O'Neill", "Jonas Berg", "Support team", "Emma Johansson", "2024-09-06", "false"),
        ("Churn dashboard", "Growth", "Ravi Patel", "Jonas Berg", "Maya Lin, Chloe Martin, Support team", "", "2024-09-13", "false"),
        ("SSO for enterprise", "Platform", "Lucas Moreau, Sam O'Neill", "Jonas Berg", "Chloe Martin", "Support team, Emma Johansson", "2024-09-27", "false"),
        ("Hiring plan – product design", "Core", "Jonas Berg", "Jonas Berg", "Aisha Khan", "Maya Lin", "2024-10-01", "false"),
    ]
    header = ["Deliverable", "Squad", "Responsible", "Accountable", "Consulted", "Informed", "Due", "Done"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(P(name), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    parties = []
    for r in rows:
        for col in r[2:6]:
            for n in [x.strip() for x in col.split(",") if x.strip()]:
                if n not in parties:
                    parties.append(n)

    def sp(ti, person):
        r = rows[ti]
        got, cell = set(), ""
        for k, L in enumerate("RACI"):
            names = [x.strip() for x in r[2 + k].split(",")]
            if person in names:
                got.add(L)
                cell = cell or f"{CL(3 + k)}{ti + 2}"
        return spot(r[0], person, "".join(sorted(got)), ti + 2, cell)
    KEY[name] = {
        "sheet": "108_coda-raci-deliverables",
        "task_count": 12, "party_count": len(parties),
        "tasks": [r[0] for r in rows], "parties": parties,
        "spot": [sp(0, "Ravi Patel"), sp(0, "Support team"), sp(4, "Lucas Moreau"), sp(6, "Jonas Berg"),
                 sp(9, "Support team"), sp(10, "Sam O'Neill"), sp(11, "Jonas Berg"), sp(3, "Emma Johansson")],
        "notes": ["Inverted list exported from a Coda table: columns Responsible/Accountable/Consulted/Informed hold people (lookup columns), several names comma-separated inside one quoted field.",
                  "Parties are the names found in the cells, including a team 'Support team'.",
                  "Same person in Responsible and Accountable: API rate limiting (C6/D6 Lucas Moreau), Hiring plan (C13/D13 Jonas Berg) -> 'AR'; spot cell is the first column holding the name.",
                  "Two Responsible on SSO for enterprise (C12).",
                  "Empty Informed cells (F5, F11). Squad, Due, Done (true/false) are not parties.",
                  "UTF-8 without BOM, LF; task 12 has an en dash; name with apostrophe (Sam O'Neill)."],
    }


# ---------------------------------------------------------------- 109 xlsx with R/A/C/I sub-columns per role
def f109():
    name = "109_squad-raci-subcolumns.xlsx"
    parties = ["Product Manager", "Engineering Lead", "Product Designer", "Data Scientist", "PMM", "Support Ops"]
    groups = [
        ("Payments", [
            ("Add Apple Pay / Google Pay", ["AR", "R", "C", "", "I", "I"]),
            ("3-D Secure 2 flow", ["A", "R", "C", "", "", "I"]),
            ("Refund API", ["C", "AR", "", "", "", "C"]),
            ("Payment provider failover", ["I", "AR", "", "C", "", "I"]),
        ]),
        ("Checkout UX", [
            ("One-page checkout redesign", ["A", "C", "R", "C", "I", "I"]),
            ("Address autocomplete", ["A", "R", "C", "", "", ""]),
            ("Guest checkout", ["AR", "C", "C", "C", "I", "I"]),
            ("Error message copy", ["A", "I", "R", "", "C", "C"]),
        ]),
        ("Fraud & risk", [
            ("Fraud rules tuning", ["A", "C", "", "R", "", "C"]),
            ("Chargeback reporting", ["I", "C", "", "AR", "", "C"]),
            ("Risk score experiment", ["A", "C", "", "R", "", "I"]),
        ]),
        ("Go-to-market", [
            ("Merchant announcement", ["C", "I", "", "", "AR", "I"]),
            ("Pricing FAQ", ["C", "", "", "", "R", "A"]),
            ("Help article updates", ["I", "", "C", "", "C", "AR"]),
            ("Conversion impact analysis", ["A", "I", "", "R", "I", "I"]),
        ]),
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Checkout squad"
    ws["A1"] = "Checkout Squad – RACI (Q2 2024)"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A3"] = "Task"
    ws.merge_cells("A3:A4")
    ws["A3"].alignment = Alignment(vertical="center")
    ws["A3"].font = Font(bold=True)
    hfill = PatternFill("solid", fgColor="FCE4D6")
    for i, p in enumerate(parties):
        c0 = 2 + 4 * i
        ws.cell(3, c0, p)
        ws.merge_cells(start_row=3, start_column=c0, end_row=3, end_column=c0 + 3)
        ws.cell(3, c0).alignment = Alignment(horizontal="center")
        ws.cell(3, c0).font = Font(bold=True)
        for k, L in enumerate("RACI"):
            c = ws.cell(4, c0 + k, L)
            c.alignment = Alignment(horizontal="center")
            c.fill = hfill
    last = 1 + 4 * len(parties)
    r = 5
    tasks, at = [], {}
    marks = ["x", "x", "X", "x", "✓", "x", "x"]
    mi = 0
    for g, items in groups:
        ws.cell(r, 1, g).font = Font(bold=True, color="FFFFFF")
        ws.cell(r, 1).fill = PatternFill("solid", fgColor="C65911")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last)
        r += 1
        for t, cells in items:
            ws.cell(r, 1, t)
            for i, v in enumerate(cells):
                for k, L in enumerate("RACI"):
                    c = ws.cell(r, 2 + 4 * i + k)
                    c.alignment = Alignment(horizontal="center")
                    c.border = BOX
                    if L in v:
                        c.value = marks[mi % len(marks)]
                        mi += 1
            tasks.append(t)
            at[t] = (r, cells)
            r += 1
    ws.column_dimensions["A"].width = 34
    for col in range(2, last + 1):
        ws.column_dimensions[CL(col)].width = 3.5
    ws.freeze_panes = "B5"
    wb.save(P(name))

    def sp(t, party):
        row, cells = at[t]
        pi = parties.index(party)
        v = cells[pi]
        # first marked sub-column (order R, A, C, I) or R sub-column when empty
        first = min(("RACI".index(ch) for ch in v), default=0)
        return spot(t, party, "".join(sorted(v)), row, f"{CL(2 + 4 * pi + first)}{row}")
    KEY[name] = {
        "sheet": "Checkout squad",
        "task_count": 15, "party_count": 6,
        "tasks": tasks, "parties": parties,
        "spot": [sp("Add Apple Pay / Google Pay", "Product Manager"),
                 sp("Refund API", "Engineering Lead"),
                 sp("Refund API", "Data Scientist"),
                 sp("Guest checkout", "Product Designer"),
                 sp("Chargeback reporting", "Data Scientist"),
                 sp("Pricing FAQ", "Support Ops"),
                 sp("Help article updates", "Support Ops"),
                 sp("Conversion impact analysis", "PMM")],
        "notes": ["Each role has four sub-columns R | A | C | I (row 4) under a role name merged across them in row 3 (B3:E3, F3:I3, ... V3:Y3).",
                  "Cells hold marks 'x', 'X' or '✓' - the letter comes from the sub-column, not the cell.",
                  "A3:A4 merged 'Task'; title A1.",
                  "Workstream heading rows merged across A:Y (rows 5, 10, 15, 19): not tasks.",
                  "Spot 'cell' is the first marked sub-column for that party (R sub-column when empty); 'AR' spots have marks in both R and A sub-columns."],
    }


# ---------------------------------------------------------------- main
if __name__ == "__main__":
    for f in (f101, f102, f103, f104, f105, f106, f107, f108, f109):
        f()
    with open(P("expected.json"), "w", encoding="utf-8") as fh:
        json.dump(KEY, fh, ensure_ascii=False, indent=2)
    print("wrote", len(KEY), "files")
