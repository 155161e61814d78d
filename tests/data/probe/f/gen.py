#!/usr/bin/env python3
"""Generate probe files 111-119 (enterprise / IT-governance RACI exports) and expected.json."""
import json, os, random, re, csv, io
import openpyxl
from openpyxl.styles import Font, PatternFill, Alignment, Border, Side
from openpyxl.utils import get_column_letter as L

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = {}
GRIDS = {}  # fname -> {(row, col): text}, used by verify for formats we cannot reopen

THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def fill(hexcol):
    return PatternFill("solid", start_color=hexcol, end_color=hexcol)


def assign(rng, n, a_pool, r_pool, c_pool=None, i_pool=None, p_ar=0.2, nc=(0, 3), ni=(0, 3)):
    """Return list of sets of RACI letters per party index for one task."""
    cells = [set() for _ in range(n)]
    a = rng.choice(a_pool)
    cells[a].add("A")
    if rng.random() < p_ar:
        cells[a].add("R")
    else:
        rs = [x for x in r_pool if x != a] or r_pool
        for r in rng.sample(rs, min(len(rs), rng.choice([1, 1, 1, 2]))):
            cells[r].add("R")
    free = [i for i in range(n) if not cells[i]]
    cp = [i for i in (c_pool or range(n)) if i in free]
    for c in rng.sample(cp, min(len(cp), rng.randint(*nc))):
        cells[c].add("C")
    free = [i for i in range(n) if not cells[i]]
    ip = [i for i in (i_pool or range(n)) if i in free]
    for i in rng.sample(ip, min(len(ip), rng.randint(*ni))):
        cells[i].add("I")
    return cells


def pick_spots(rng, tasks, parties, grid_letters, cellref, extra_pred=(), n=8):
    """tasks: list of (name,row); grid_letters[t][p] = RACI string (sorted); cellref(t,p)->'C5'.
    extra_pred: list of predicates (t,p)->bool, one spot taken for each if possible."""
    chosen = []
    allpairs = [(t, p) for t in range(len(tasks)) for p in range(len(parties))]
    def add(tp):
        if tp and tp not in chosen:
            chosen.append(tp)
    for pred in extra_pred:
        cands = [tp for tp in allpairs if pred(*tp) and tp not in chosen]
        if cands:
            add(rng.choice(cands))
    # first and last task, one non-empty each
    for t in (0, len(tasks) - 1):
        cands = [(t, p) for p in range(len(parties)) if grid_letters[t][p]]
        if cands:
            add(rng.choice(cands))
    # an empty cell
    cands = [tp for tp in allpairs if not grid_letters[tp[0]][tp[1]]]
    if cands and not any(not grid_letters[t][p] for t, p in chosen):
        add(rng.choice(cands))
    while len(chosen) < n:
        t, p = rng.choice(allpairs)
        if grid_letters[t][p] or rng.random() < 0.15:
            add((t, p))
    chosen = chosen[:n]
    chosen.sort()
    return [{"task": tasks[t][0], "party": parties[p], "letters": grid_letters[t][p],
             "row": tasks[t][1], "cell": cellref(t, p)} for t, p in chosen]


def srt(s):
    return "".join(c for c in "RACI" if c in s)


# ---------------------------------------------------------------------------
# 111 ITIL practices, three-level header (department / role / person)
# ---------------------------------------------------------------------------
def f111():
    fname = "111_itil4-practices_raci-3level-header.xlsx"
    rng = random.Random(111)
    depts = [("IT Operations", [("Head of IT Operations", "M. Okafor"), ("Change Manager", "S. Lindqvist"),
                                ("Problem Manager", "R. Patel")]),
             ("Service Desk", [("Service Desk Manager", "J. Moreau"), ("1st Line Analyst", "(pool)")]),
             ("Application Management", [("Application Owner", "T. Brandt"), ("Release Manager", "A. Novak"),
                                         ("Configuration Manager", "L. Chen")]),
             ("Business", [("Business Relationship Manager", "D. Fischer"), ("Service Owner", "K. O'Neill")]),
             ("Supplier", [("Supplier Manager", "P. Haas"), ("Vendor Service Delivery Mgr", "TBD (vendor)")])]
    roles = [r for _, rs in depts for r, _ in rs]
    n = len(roles)
    groups = [
        ("1", "Incident Management", "INC", [
            "Log and categorise incident", "Prioritise incident (impact x urgency)", "Initial diagnosis and first-time fix",
            "Functional escalation to 2nd/3rd line", "Declare major incident", "Coordinate major incident bridge call",
            "Communicate status to affected users", "Resolve and close incident"]),
        ("2", "Problem Management", "PRB", [
            "Identify problems from incident trends", "Perform root cause analysis", "Record known error and workaround",
            "Raise change to remove root cause", "Conduct post-incident review"]),
        ("3", "Change Enablement", "CHG", [
            "Submit request for change (RFC)", "Assess risk and impact of change", "Authorise standard change model",
            "Chair Change Advisory Board (CAB)", "Approve normal change", "Approve emergency change (ECAB)",
            "Schedule change in forward schedule of change", "Post-implementation review"]),
        ("4", "Release & Deployment Management", "REL", [
            "Plan release schedule", "Build and test release package", "Approve release for production",
            "Deploy release", "Early life support hand-over"]),
        ("5", "Service Configuration Management", "CFG", [
            "Maintain CMDB data model", "Register new configuration items", "Perform CMDB audit / verification",
            "Reconcile discovery data with CMDB"]),
        ("6", "Service Level Management", "SLM", [
            "Negotiate service level targets with business", "Sign off SLA", "Produce monthly service report",
            "Conduct service review meeting", "Manage underpinning contracts with vendor", "Initiate service improvement plan"]),
        ("7", "Service Request Management", "REQ", [
            "Maintain service catalogue request items", "Fulfil standard service request", "Approve access requests",
            "Measure request fulfilment times"]),
    ]
    ix = {r: i for i, r in enumerate(roles)}
    pools = {
        "INC": ([3, 0], [4, 3, 5], None), "PRB": ([2], [2, 5, 10], None), "CHG": ([1], [1, 6, 5], None),
        "REL": ([6, 5], [6, 7, 11], None), "CFG": ([7], [7, 4], None), "SLM": ([9, 8], [8, 9, 10], None),
        "REQ": ([3, 9], [4, 3], None)}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "RACI Matrix"
    ws["A1"] = "ITIL 4 Service Management – RACI Matrix"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Version 2.3  |  Owner: Service Management Office  |  Status: Approved by ITSM Steering Board 14.03.2024"
    ws["A2"].font = Font(italic=True, size=9)
    H1, H2, H3 = 4, 5, 6
    ws.cell(H1, 1, "ID"); ws.cell(H1, 2, "Practice / Activity")
    ws.merge_cells(start_row=H1, start_column=1, end_row=H3, end_column=1)
    ws.merge_cells(start_row=H1, start_column=2, end_row=H3, end_column=2)
    col = 3
    dcols = ["1F4E79", "2E75B6", "548235", "BF8F00", "7030A0"]
    for di, (d, rs) in enumerate(depts):
        ws.cell(H1, col, d)
        if len(rs) > 1:
            ws.merge_cells(start_row=H1, start_column=col, end_row=H1, end_column=col + len(rs) - 1)
        for j, (r, p) in enumerate(rs):
            ws.cell(H2, col + j, r); ws.cell(H3, col + j, p)
            for rr in (H1, H2, H3):
                c = ws.cell(rr, col + j)
                c.fill = fill(dcols[di]); c.font = Font(bold=True, color="FFFFFF", size=9)
                c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center",
                                        text_rotation=90 if rr == H2 else 0)
                c.border = BOX
        col += len(rs)
    for c in (1, 2):
        ws.cell(H1, c).font = Font(bold=True); ws.cell(H1, c).fill = fill("D9D9D9")
    ws.row_dimensions[H2].height = 150
    ws.column_dimensions["A"].width = 9
    ws.column_dimensions["B"].width = 48
    for c in range(3, 3 + n):
        ws.column_dimensions[L(c)].width = 7
    row = H3 + 1
    tasks, gl = [], []
    foot_cells = []
    for gno, gname, pre, acts in groups:
        ws.cell(row, 1, f"{gno}.")
        ws.cell(row, 2, gname.upper())
        for c in range(1, 3 + n):
            ws.cell(row, c).fill = fill("BDD7EE"); ws.cell(row, c).font = Font(bold=True)
        row += 1
        a_pool, r_pool, _ = pools[pre]
        for k, act in enumerate(acts):
            cells = assign(rng, n, a_pool, r_pool, p_ar=0.25)
            texts = []
            for p in range(n):
                s = cells[p]
                if s == {"A", "R"}:
                    t = "A/R"
                else:
                    t = srt(s)
                texts.append(t)
            # footnote markers on a few cells
            if act in ("Initial diagnosis and first-time fix", "Approve emergency change (ECAB)", "Deploy release",
                       "Fulfil standard service request"):
                want = "A" if act == "Approve emergency change (ECAB)" else "R"
                ps = [p for p in range(n) if want in texts[p]]
                p = ps[0]
                mark = "¹" if act != "Approve emergency change (ECAB)" else "²"
                texts[p] = texts[p] + mark
                foot_cells.append((len(tasks), p))
            ws.cell(row, 1, f"{pre}-{k+1:02d}")
            ws.cell(row, 2, act)
            for p in range(n):
                c = ws.cell(row, 3 + p, texts[p] or None)
                c.alignment = Alignment(horizontal="center"); c.border = BOX
                if "A" in texts[p]:
                    c.font = Font(bold=True)
            tasks.append((act, row))
            gl.append([srt(s) for s in cells])
            row += 1
    row += 1
    ws.cell(row, 1, "Legend").font = Font(bold=True); row += 1
    for k, v in [("R", "Responsible – does the work"), ("A", "Accountable – owns the outcome, one per activity"),
                 ("C", "Consulted – two-way communication before the decision"),
                 ("I", "Informed – one-way communication after the decision"),
                 ("A/R", "Accountable and Responsible")]:
        ws.cell(row, 1, k); ws.cell(row, 2, v); row += 1
    row += 1
    ws.cell(row, 1, "¹ During business hours only; out of hours the on-call engineer (IT Operations) takes over.")
    ws.cell(row + 1, 1, "² ECAB quorum: Change Manager plus one of Head of IT Operations / Service Owner.")
    ws.freeze_panes = "C7"
    log = wb.create_sheet("Change Log")
    log.append(["Version", "Date", "Author", "Change"])
    log.append(["2.1", "2023-11-02", "SMO", "Added Service Request Management"])
    log.append(["2.2", "2024-01-19", "SMO", "Vendor roles split after contract renewal"])
    log.append(["2.3", "2024-03-14", "SMO", "Approved by ITSM Steering Board"])
    wb.save(os.path.join(HERE, fname))
    cref = lambda t, p: f"{L(3+p)}{tasks[t][1]}"
    fc = set(foot_cells)
    spots = pick_spots(rng, tasks, roles, gl, cref,
                       extra_pred=[lambda t, p: (t, p) in fc, lambda t, p: (t, p) in fc and gl[t][p] != "",
                                   lambda t, p: gl[t][p] == "RA", lambda t, p: p == n - 1 and gl[t][p]])
    KEYS[fname] = {
        "sheet": "RACI Matrix", "task_count": len(tasks), "party_count": n,
        "tasks": [t for t, _ in tasks], "parties": roles, "spot": spots,
        "notes": ["Three header rows 4-6: department (merged, row 4) over role (row 5, rotated text) over person (row 6);"
                  " parties keyed by role (row 5). Person row has placeholders '(pool)' and 'TBD (vendor)'.",
                  "Title/version rows 1-2 above header; ID and activity headers A4:A6 / B4:B6 merged vertically.",
                  "Practice group rows (e.g. row 7 '1. INCIDENT MANAGEMENT') are headings, not tasks.",
                  "Combined cells written 'A/R'; footnote superscripts ¹ ² appended to some letters (e.g. 'R¹', 'A²'),"
                  " explained in footnotes below the legend.",
                  "Legend and footnotes below the matrix; second sheet 'Change Log' is not a matrix."]}


# ---------------------------------------------------------------------------
# 112 COBIT 2019 RASCI, German, hidden helper columns, cover + legend sheets
# ---------------------------------------------------------------------------
def f112():
    fname = "112_cobit2019-governance_rasci_de.xlsx"
    rng = random.Random(112)
    parties = ["Vorstand", "CIO", "CISO", "CFO", "Datenschutzbeauftragter", "Interne Revision",
               "Leiter IT-Betrieb", "Leiter\nAnwendungsentwicklung", "Enterprise-Architekt", "Fachbereiche",
               "Einkauf", "Risikomanagement"]
    pkey = [p.replace("\n", " ") for p in parties]
    n = len(parties)
    domains = [
        ("EDM – Evaluieren, Ausrichten und Überwachen", [
            ("EDM01.01", "Governance-System bewerten"), ("EDM01.02", "Governance-System ausrichten"),
            ("EDM02.01", "Wertbeitrag der IT-Investitionen bewerten"), ("EDM03.01", "Risikobereitschaft festlegen"),
            ("EDM05.01", "Berichtsanforderungen der Stakeholder bestimmen")]),
        ("APO – Anleiten, Planen und Organisieren", [
            ("APO01.01", "IT-Organisationsstruktur festlegen"), ("APO02.01", "IT-Strategie ableiten und fortschreiben"),
            ("APO03.01", "Unternehmensarchitektur entwickeln"), ("APO05.01", "IT-Portfolio priorisieren"),
            ("APO06.01", "IT-Budget planen und überwachen"), ("APO07.01", "IT-Personalbedarf planen"),
            ("APO09.01", "Service-Level-Vereinbarungen abschließen"), ("APO10.01", "Lieferanten auswählen und bewerten"),
            ("APO12.01", "IT-Risiken identifizieren und bewerten"), ("APO13.01", "ISMS betreiben und weiterentwickeln"),
            ("APO14.01", "Datenmanagement-Richtlinie festlegen")]),
        ("BAI – Aufbauen, Beschaffen und Implementieren", [
            ("BAI01.01", "Programme und Projekte initiieren"), ("BAI02.01", "Fachliche Anforderungen aufnehmen"),
            ("BAI03.01", "Lösungen entwerfen und entwickeln"), ("BAI06.01", "Änderungen genehmigen"),
            ("BAI07.01", "Abnahmetest und Produktivsetzung"), ("BAI09.01", "Asset-Inventar pflegen"),
            ("BAI10.01", "Konfigurationsdatenbank (CMDB) pflegen")]),
        ("DSS – Bereitstellen, Betreiben und Unterstützen", [
            ("DSS01.01", "IT-Betrieb durchführen"), ("DSS02.01", "Störungen bearbeiten"),
            ("DSS03.01", "Problemursachen analysieren"), ("DSS04.01", "Notfallplan (BCM) testen"),
            ("DSS05.01", "Schutz vor Schadsoftware sicherstellen"), ("DSS05.04", "Benutzerberechtigungen verwalten"),
            ("DSS06.01", "Anwendungskontrollen in Geschäftsprozessen einbetten")]),
        ("MEA – Überwachen, Evaluieren und Beurteilen", [
            ("MEA01.01", "Leistungskennzahlen erheben und berichten"), ("MEA02.01", "Internes Kontrollsystem überwachen"),
            ("MEA03.01", "Einhaltung externer Anforderungen (DSGVO, BAIT) prüfen"), ("MEA04.01", "IT-Prüfung durchführen")]),
    ]
    apool = {"EDM": [0], "APO": [1, 1, 2, 3], "BAI": [1, 7, 9], "DSS": [6, 2], "MEA": [1, 5, 2]}
    rpool = {"EDM": [1, 3, 11], "APO": [1, 8, 6, 2, 10, 11], "BAI": [7, 6, 8, 9], "DSS": [6, 2, 7], "MEA": [5, 1, 2, 4]}
    wb = openpyxl.Workbook()
    cov = wb.active; cov.title = "Deckblatt"
    cov["B3"] = "IT-Governance-Rahmenwerk"; cov["B3"].font = Font(bold=True, size=18)
    cov["B5"] = "RASCI-Matrix auf Basis COBIT 2019"
    cov["B7"] = "Dokumentenstatus:"; cov["C7"] = "freigegeben"
    cov["B8"] = "Version:"; cov["C8"] = "1.4"
    cov["B9"] = "Erstellt von:"; cov["C9"] = "Governance Office / Beratung"
    cov["B10"] = "Klassifizierung:"; cov["C10"] = "Intern"
    leg = wb.create_sheet("Legende")
    leg.append(["Kürzel", "Bedeutung", "Erläuterung"])
    for r in [("R", "Responsible – Durchführungsverantwortung", "Führt die Aufgabe aus"),
              ("A", "Accountable – Gesamtverantwortung", "Genau eine Rolle je Aktivität; genehmigt das Ergebnis"),
              ("S", "Supportive – Unterstützung", "Stellt Ressourcen bereit, arbeitet zu"),
              ("C", "Consulted – Mitwirkung/Beratung", "Wird vor der Entscheidung befragt"),
              ("I", "Informed – Informationsrecht", "Wird über das Ergebnis informiert")]:
        leg.append(list(r))
    ws = wb.create_sheet("RASCI-Matrix")
    ws["B1"] = "RASCI-Matrix IT-Governance (COBIT 2019) – Stand 05/2024"
    ws["B1"].font = Font(bold=True, size=13)
    HR = 3
    hdr = ["lfd. Nr.", "Prozess-ID", "Domäne", "Aktivität"] + parties + ["Anzahl A", "Bemerkung"]
    for c, h in enumerate(hdr, 1):
        cell = ws.cell(HR, c, h)
        cell.font = Font(bold=True, color="FFFFFF"); cell.fill = fill("004B87")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center",
                                   text_rotation=90 if 5 <= c < 5 + n else 0)
    ws.row_dimensions[HR].height = 140
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions[L(5 + n)].hidden = True
    ws.column_dimensions["B"].width = 11; ws.column_dimensions["C"].width = 24; ws.column_dimensions["D"].width = 46
    ws.column_dimensions[L(6 + n)].width = 40
    row = HR + 1
    tasks, gl, raw = [], [], []
    seq = 0
    for dname, acts in domains:
        start = row
        code = dname[:3]
        for pid, act in acts:
            seq += 10
            cells = assign(rng, n, apool[code], rpool[code], p_ar=0.2, nc=(0, 3), ni=(1, 3))
            texts = []
            for p in range(n):
                s = cells[p]
                t = "A/R" if s == {"A", "R"} else srt(s)
                texts.append(t)
            # add some S (supportive) entries: on empty cells, and a few combined with R
            empties = [p for p in range(n) if not texts[p]]
            for p in rng.sample(empties, min(len(empties), rng.choice([0, 1, 1, 2]))):
                texts[p] = "S"
            rs = [p for p in range(n) if texts[p] == "R"]
            if rs and rng.random() < 0.25:
                texts[rs[0]] = "R/S"
            ws.cell(row, 1, seq); ws.cell(row, 2, pid); ws.cell(row, 4, act)
            for p in range(n):
                c = ws.cell(row, 5 + p, texts[p] or None)
                c.alignment = Alignment(horizontal="center"); c.border = BOX
            ws.cell(row, 5 + n, sum(1 for t in texts if "A" in t))
            tasks.append((act, row)); gl.append([srt(s) for s in cells]); raw.append(texts)
            row += 1
        ws.cell(start, 3, dname)
        ws.merge_cells(start_row=start, start_column=3, end_row=row - 1, end_column=3)
        ws.cell(start, 3).alignment = Alignment(vertical="top", wrap_text=True)
        ws.cell(start, 3).font = Font(bold=True)
    # remarks
    ws.cell(tasks[3][1], 6 + n, "Risikobereitschaft jährlich durch Aufsichtsrat bestätigen")
    ws.cell(tasks[19][1], 6 + n, "CAB-Verfahren siehe Change-Richtlinie IT-RL-07")
    ws.cell(tasks[-1][1], 6 + n, "Externe Prüfung durch Wirtschaftsprüfer zusätzlich")
    ws.freeze_panes = ws.cell(HR + 1, 5)
    ws.auto_filter.ref = f"A{HR}:{L(6+n)}{row-1}"
    hist = wb.create_sheet("Änderungshistorie")
    hist.append(["Version", "Datum", "Autor", "Änderung"])
    hist.append(["1.3", "12.02.2024", "K. Wagner", "DSS06 ergänzt"])
    hist.append(["1.4", "21.05.2024", "K. Wagner", "Rollen nach Reorganisation angepasst"])
    wb.active = 2
    for _s in wb.worksheets:
        _s.sheet_view.tabSelected = _s is wb.active
    wb.save(os.path.join(HERE, fname))
    cref = lambda t, p: f"{L(5+p)}{tasks[t][1]}"
    spots = pick_spots(rng, tasks, pkey, gl, cref,
                       extra_pred=[lambda t, p: raw[t][p] == "S", lambda t, p: raw[t][p] == "R/S",
                                   lambda t, p: raw[t][p] == "A/R", lambda t, p: p == 7 and gl[t][p]])
    KEYS[fname] = {
        "sheet": "RASCI-Matrix", "task_count": len(tasks), "party_count": n,
        "tasks": [t for t, _ in tasks], "parties": pkey, "spot": spots,
        "notes": ["Matrix is the third sheet 'RASCI-Matrix' (active sheet); 'Deckblatt' cover and 'Legende' come first.",
                  "RASCI: S = Supportive (Unterstützung) maps to nothing; 'R/S' -> R; 'A/R' -> AR.",
                  "Hidden helper columns: A 'lfd. Nr.' (sequence 10,20,...) and Q 'Anzahl A' (count of A per row) – not parties.",
                  "Column C 'Domäne' is merged vertically per COBIT domain; column B holds the process ID, D the activity name.",
                  "Header D3 onwards rotated; party 'Leiter\\nAnwendungsentwicklung' (H3) has a line break in the header.",
                  "Column R 'Bemerkung' holds free-text remarks on a few rows."]}


# ---------------------------------------------------------------------------
# 113 S/4HANA programme, RACI-VS, client vs system integrator header
# ---------------------------------------------------------------------------
def f113():
    fname = "113_s4hana-programme_raci-vs.xlsx"
    rng = random.Random(113)
    client = ["Programme Sponsor", "Programme Director", "PMO Lead", "Finance Process Owner",
              "Supply Chain Process Owner", "Key Users", "IT Security Officer", "Internal Audit"]
    si = ["SI Engagement Lead", "SI Solution Architect", "SI Data Migration Lead", "SI Basis / Technical Lead"]
    parties = client + si
    n = len(parties)
    phases = [
        ("PREPARE", [
            "Programme charter and business case", "Mobilise programme team and governance", "Project plan and baseline",
            "Provision sandbox / trial system", "Define quality gate criteria", "Onboard system integrator (SOW kick-off)"]),
        ("EXPLORE", [
            "Fit-to-standard workshops – Finance", "Fit-to-standard workshops – Supply Chain", "Delta requirements backlog",
            "Solution architecture document", "Authorisation / role concept", "Data migration approach and object list",
            "Interface inventory and integration design", "Legacy data cleansing plan", "Quality Gate 2 sign-off"]),
        ("REALIZE", [
            "Configure core finance (FI/CO)", "Configure procurement and inventory (MM)", "Configure order-to-cash (SD)",
            "Develop WRICEF objects", "Unit test of WRICEF objects", "Build interfaces to legacy MES",
            "Mock load 1", "Mock load 2", "Data reconciliation reports", "SIT cycle 1", "SIT cycle 2",
            "Security role build and SoD check", "User acceptance test (UAT)", "Cutover plan", "Training materials",
            "Train-the-trainer sessions", "Quality Gate 3 sign-off"]),
        ("DEPLOY", [
            "Dress rehearsal", "Go / no-go decision", "Production data load", "Business cutover activities",
            "Hypercare support model", "End user training delivery", "Quality Gate 4 sign-off"]),
        ("RUN", [
            "Hypercare exit criteria", "Hand-over to AMS / support organisation", "Decommission legacy ERP",
            "Benefits realisation tracking", "Lessons learned"]),
    ]
    wb = openpyxl.Workbook()
    rm = wb.active; rm.title = "Read Me"
    rm["A1"] = "Project Atlas – S/4HANA Transformation"; rm["A1"].font = Font(bold=True, size=16)
    for i, line in enumerate([
        "This workbook defines responsibilities between Northwind Foods and the system integrator.",
        "Letters used (RACI-VS):",
        "R – Responsible: performs the work",
        "A – Accountable: ultimately answerable, exactly one per deliverable",
        "C – Consulted: provides input",
        "I – Informed: kept up to date",
        "V – Verifier: checks the deliverable against acceptance criteria",
        "S – Signatory: signs off the deliverable (formal signature)",
        "Contract reference: SOW-2023-044, Schedule 3 (Responsibility Matrix)."], start=3):
        rm.cell(i, 1, line)
    ws = wb.create_sheet("RACI-VS")
    ws["A1"] = "Project Atlas – Deliverable Responsibility Matrix (RACI-VS)"; ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Draft for SteerCo 07/2024 – do not distribute outside programme"
    ws["A2"].font = Font(italic=True, color="C00000")
    H1, H2 = 4, 5
    ws.cell(H1, 3, "NORTHWIND FOODS (CLIENT)")
    ws.merge_cells(start_row=H1, start_column=3, end_row=H1, end_column=2 + len(client))
    ws.cell(H1, 3 + len(client), "SYSTEM INTEGRATOR")
    ws.merge_cells(start_row=H1, start_column=3 + len(client), end_row=H1, end_column=2 + n)
    for c, h in enumerate(["WBS", "Deliverable / Activity"] + parties + ["Comments"], 1):
        cell = ws.cell(H2, c, h); cell.font = Font(bold=True); cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        cell.fill = fill("DDEBF7" if c <= 2 + len(client) else "FCE4D6")
    ws.cell(H1, 3).fill = fill("9BC2E6"); ws.cell(H1, 3 + len(client)).fill = fill("F4B084")
    ws.column_dimensions["B"].width = 44
    ws.column_dimensions[L(3 + n)].width = 36
    row = H2 + 1
    tasks, gl, raw = [], [], []
    sign = lambda a: a.startswith("Quality Gate") or a in ("Go / no-go decision", "Programme charter and business case")
    for ph_no, (ph, acts) in enumerate(phases, 1):
        ws.cell(row, 1, f"{ph_no}"); ws.cell(row, 2, f"{ph} PHASE")
        for c in range(1, 4 + n):
            ws.cell(row, c).fill = fill("305496"); ws.cell(row, c).font = Font(bold=True, color="FFFFFF")
        row += 1
        for k, act in enumerate(acts, 1):
            if sign(act):
                cells = assign(rng, n, [0, 1], [2, 8], p_ar=0.0, nc=(1, 3), ni=(1, 3))
            elif ph in ("PREPARE",):
                cells = assign(rng, n, [1], [2, 8], p_ar=0.2)
            else:
                cells = assign(rng, n, [1, 3, 4, 8], [8, 9, 10, 11, 5, 3, 4], p_ar=0.2)
            texts = []
            for p in range(n):
                s = set(cells[p])
                parts = [c for c in "RACI" if c in s]
                texts.append(parts)
            # V and S letters
            if sign(act):
                for p in (0, 1):
                    if "A" in texts[p]:
                        texts[p].append("S")
                for p in [p for p in range(n) if not texts[p]][:1]:
                    texts[p].append("V")
            elif rng.random() < 0.45:
                cands = [p for p in (3, 4, 5, 6, 7) if "A" not in texts[p]]
                p = rng.choice(cands)
                texts[p].append("V")
            tx = [", ".join(t) for t in texts]
            ws.cell(row, 1, f"{ph_no}.{k}"); ws.cell(row, 2, act)
            for p in range(n):
                c = ws.cell(row, 3 + p, tx[p] or None); c.alignment = Alignment(horizontal="center"); c.border = BOX
            tasks.append((act, row)); gl.append([srt(s) for s in cells]); raw.append(tx)
            row += 1
    comments = {"Authorisation / role concept": "SoD ruleset from Internal Audit (GRC)",
                "Go / no-go decision": "SteerCo decision, documented in minutes",
                "Decommission legacy ERP": "Archive read-only for 10 years (tax)",
                "Mock load 2": "Only if Mock 1 < 98% reconciliation"}
    for t, r in tasks:
        if t in comments:
            ws.cell(r, 3 + n, comments[t])
    ws.freeze_panes = "C6"
    ws.auto_filter.ref = f"A{H2}:{L(3+n)}{row-1}"
    wb.active = 1
    for _s in wb.worksheets:
        _s.sheet_view.tabSelected = _s is wb.active
    wb.save(os.path.join(HERE, fname))
    cref = lambda t, p: f"{L(3+p)}{tasks[t][1]}"
    spots = pick_spots(rng, tasks, parties, gl, cref,
                       extra_pred=[lambda t, p: "S" in raw[t][p], lambda t, p: raw[t][p] == "V",
                                   lambda t, p: "V" in raw[t][p] and len(raw[t][p]) > 1,
                                   lambda t, p: raw[t][p] == "R, A", lambda t, p: p >= 8 and raw[t][p]])
    KEYS[fname] = {
        "sheet": "RACI-VS", "task_count": len(tasks), "party_count": n,
        "tasks": [t for t, _ in tasks], "parties": parties, "spot": spots,
        "notes": ["RACI-VS: V = Verifier and S = Signatory are not mapped (letters keep only R/A/C/I); cells like 'A, S' -> A,"
                  " 'C, V' -> C, a bare 'V' -> nothing. Legend lives on first sheet 'Read Me', matrix on second sheet.",
                  "Two header rows: row 4 merged 'NORTHWIND FOODS (CLIENT)' / 'SYSTEM INTEGRATOR', row 5 party names.",
                  "Phase rows ('1 PREPARE PHASE' etc.) are headings; WBS numbers like 1.1 in column A.",
                  "Letters comma-separated inside a cell ('R, A'); free-text 'Comments' column at the end (column O)."]}


# ---------------------------------------------------------------------------
# 114 Dutch data platform, local scheme E/U/G/I with colours
# ---------------------------------------------------------------------------
def f114():
    fname = "114_dataplatform-programma_raci_nl.xlsx"
    rng = random.Random(114)
    parties = ["Programmamanager", "Product Owner Data", "Data Architect", "Data Engineer(s)", "BI-ontwikkelaar",
               "Informatiebeveiliging (CISO)", "Privacy Officer (FG)", "Beheerorganisatie",
               "Leverancier (Cloud Partner)", "Stuurgroep"]
    n = len(parties)
    acts = [
        ("Initiatie", "Opstellen programmaplan"), ("Initiatie", "Vaststellen business case"),
        ("Initiatie", "Selectie cloudpartner (aanbesteding)"), ("Ontwerp", "Referentiearchitectuur dataplatform"),
        ("Ontwerp", "Landing zone en netwerkontwerp (Azure)"), ("Ontwerp", "Datamodel datawarehouse"),
        ("Ontwerp", "Uitvoeren DPIA"), ("Ontwerp", "Classificatie van gegevens (BIV)"),
        ("Realisatie", "Inrichten Azure Data Lake en Synapse"), ("Realisatie", "Ontwikkelen ingest-pijplijnen (ADF)"),
        ("Realisatie", "Koppeling bronsystemen (ERP, CRM)"), ("Realisatie", "Inrichten toegangsbeheer (RBAC)"),
        ("Realisatie", "Ontwikkelen Power BI-rapportages"), ("Realisatie", "Datakwaliteitscontroles"),
        ("Test", "Functionele acceptatietest (FAT)"), ("Test", "Gebruikersacceptatietest (GAT)"),
        ("Test", "Penetratietest"), ("Overdracht", "Overdracht naar beheer (DevOps-team)"),
        ("Overdracht", "Beheerhandboek en runbooks"), ("Overdracht", "Decharge programma"),
        ("Beheer", "Monitoring en kostenbeheer (FinOps)"), ("Beheer", "Periodieke toegangsreview"),
    ]
    code = {"A": "E", "R": "U", "C": "G", "I": "I"}
    colour = {"E": "C00000", "U": "70AD47", "G": "FFC000", "I": "BDD7EE"}
    wb = openpyxl.Workbook()
    ws = wb.active; ws.title = "RACI dataplatform"
    ws["A1"] = "RACI-matrix Programma Dataplatform – fase 2"; ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Versie 0.9 (concept) – opgesteld door PMO, 3 juni 2024"
    ws["H2"] = "Legenda"; ws["H2"].font = Font(bold=True)
    for i, (k, v) in enumerate([("E", "Eindverantwoordelijk (Accountable) – rood"),
                                ("U", "Uitvoerend (Responsible) – groen"),
                                ("G", "Geraadpleegd (Consulted) – geel"),
                                ("I", "Geïnformeerd (Informed) – lichtblauw")]):
        c = ws.cell(3 + i, 8, k); c.fill = fill(colour[k]); c.alignment = Alignment(horizontal="center")
        ws.cell(3 + i, 9, v)
    HR = 8
    for c, h in enumerate(["Nr.", "Fase", "Activiteit"] + parties + ["Opmerking"], 1):
        cell = ws.cell(HR, c, h); cell.font = Font(bold=True); cell.fill = fill("D9D9D9")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center"); cell.border = BOX
    ws.row_dimensions[HR].height = 45
    ws.column_dimensions["B"].width = 12; ws.column_dimensions["C"].width = 42
    for c in range(4, 4 + n):
        ws.column_dimensions[L(c)].width = 13
    ws.column_dimensions[L(4 + n)].width = 35
    pools = {"Initiatie": ([0, 9], [0, 1]), "Ontwerp": ([1, 2, 6], [2, 8, 6, 5]),
             "Realisatie": ([1, 2], [3, 4, 8, 5]), "Test": ([1, 5], [4, 3, 8]),
             "Overdracht": ([0, 7], [8, 7, 3]), "Beheer": ([7], [7, 5])}
    tasks, gl, raw = [], [], []
    row = HR + 1
    for k, (ph, act) in enumerate(acts, 1):
        cells = assign(rng, n, *pools[ph], p_ar=0.25)
        tx = []
        for p in range(n):
            s = cells[p]
            t = "/".join(code[c] for c in "ARCI" if c in s)
            tx.append(t)
        ws.cell(row, 1, k); ws.cell(row, 2, ph); ws.cell(row, 3, act)
        for p in range(n):
            c = ws.cell(row, 4 + p, tx[p] or None); c.alignment = Alignment(horizontal="center"); c.border = BOX
            if tx[p]:
                c.fill = fill(colour[tx[p][0]])
                if tx[p][0] == "E":
                    c.font = Font(bold=True, color="FFFFFF")
        tasks.append((act, row)); gl.append([srt(s) for s in cells]); raw.append(tx)
        row += 1
    ws.cell(tasks[6][1], 4 + n, "Verplicht vóór verwerking persoonsgegevens (AVG art. 35)")
    ws.cell(tasks[16][1], 4 + n, "Uitgevoerd door externe partij, rapport naar CISO")
    ws.freeze_panes = "D9"
    wb.save(os.path.join(HERE, fname))
    cref = lambda t, p: f"{L(4+p)}{tasks[t][1]}"
    spots = pick_spots(rng, tasks, parties, gl, cref,
                       extra_pred=[lambda t, p: raw[t][p] == "E/U", lambda t, p: raw[t][p] == "G",
                                   lambda t, p: raw[t][p] == "U", lambda t, p: raw[t][p] == "E",
                                   lambda t, p: raw[t][p] == "I"])
    KEYS[fname] = {
        "sheet": "RACI dataplatform", "task_count": len(tasks), "party_count": n,
        "tasks": [t for t, _ in tasks], "parties": parties, "spot": spots,
        "notes": ["Local Dutch scheme with legend at H2:I6: E = Eindverantwoordelijk -> A, U = Uitvoerend -> R,"
                  " G = Geraadpleegd -> C, I = Geïnformeerd -> I. Cells also colour-filled per letter (colour legend).",
                  "Combined cells 'E/U' -> AR. Header row 8; title + version rows 1-2; legend sits beside the title block.",
                  "Column B 'Fase' is a phase attribute on every row, not a party; column N 'Opmerking' free text."]}


# ---------------------------------------------------------------------------
# 115 French outsourcing (infogérance) contract, client / prestataire
# ---------------------------------------------------------------------------
def f115():
    fname = "115_infogerance-contrat_matrice-raci_fr.xlsx"
    rng = random.Random(115)
    client = ["DSI", "RSSI", "Responsable Achats", "Contract Manager", "Métiers (Key Users)", "DPO"]
    prest = ["Directeur de compte", "Service Delivery Manager", "Centre de services (N1)",
             "Équipe support N2/N3", "Centre de supervision (NOC/SOC)"]
    parties = client + prest
    n = len(parties)
    groups = [
        ("1", "GOUVERNANCE DU CONTRAT", [
            "Comité de pilotage stratégique (trimestriel)", "Comité opérationnel mensuel", "Suivi des niveaux de service (SLA)",
            "Calcul et application des pénalités", "Gestion des avenants au contrat", "Plan d'amélioration continue"]),
        ("2", "TRANSITION", [
            "Plan de transition", "Transfert de connaissances", "Reprise de la documentation d'exploitation",
            "Validation de la fin de transition (VABF)"]),
        ("3", "SUPPORT UTILISATEURS", [
            "Prise d'appels et enregistrement des tickets", "Résolution des incidents de niveau 1",
            "Escalade vers le niveau 2/3", "Gestion des demandes de service", "Enquête de satisfaction utilisateurs",
            "Gestion du parc de postes de travail"]),
        ("4", "EXPLOITATION DES INFRASTRUCTURES", [
            "Supervision 24/7 des serveurs et du réseau", "Gestion des sauvegardes", "Tests de restauration",
            "Application des correctifs (patch management)", "Gestion des capacités", "Gestion des changements",
            "Mise à jour de la CMDB", "Plan de reprise d'activité (PRA) – test annuel"]),
        ("5", "SÉCURITÉ", [
            "Politique de sécurité du SI (PSSI)", "Gestion des comptes à privilèges", "Détection et traitement des incidents de sécurité",
            "Analyse de vulnérabilités mensuelle", "Notification des violations de données (RGPD)", "Audit de sécurité annuel"]),
        ("6", "RÉVERSIBILITÉ", [
            "Plan de réversibilité", "Restitution des données et de la documentation", "Assistance au repreneur"]),
    ]
    pools = {"1": ([0, 3], [3, 7, 6]), "2": ([0], [7, 6, 9]), "3": ([7, 0], [8, 9, 7]),
             "4": ([7, 0], [9, 10, 7]), "5": ([1], [1, 10, 9, 5]), "6": ([0, 3], [6, 7, 9])}
    wb = openpyxl.Workbook()
    pg = wb.active; pg.title = "Page de garde"
    pg["B2"] = "Contrat d'infogérance – Annexe 4"; pg["B2"].font = Font(bold=True, size=16)
    pg["B4"] = "Matrice des responsabilités (RACI) entre le Client et le Prestataire"
    pg["B6"] = "Version"; pg["C6"] = "V3 – version contractuelle"
    pg["B7"] = "Date"; pg["C7"] = "15/01/2024"
    ws = wb.create_sheet("Matrice RACI")
    ws["A1"] = "ANNEXE 4 – MATRICE RACI"; ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "R = Réalise   A = Approuve (un seul par activité)   C = Consulté   I = Informé"
    ws["A3"] = "Les renvois (1), (2) renvoient aux notes en bas de tableau."
    H1, H2 = 5, 6
    ws.cell(H1, 3, "CLIENT"); ws.merge_cells(start_row=H1, start_column=3, end_row=H1, end_column=2 + len(client))
    ws.cell(H1, 3 + len(client), "PRESTATAIRE")
    ws.merge_cells(start_row=H1, start_column=3 + len(client), end_row=H1, end_column=2 + n)
    ws.cell(H1, 3).fill = fill("1F3864"); ws.cell(H1, 3).font = Font(bold=True, color="FFFFFF")
    ws.cell(H1, 3 + len(client)).fill = fill("833C0B"); ws.cell(H1, 3 + len(client)).font = Font(bold=True, color="FFFFFF")
    for c, h in enumerate(["Réf.", "Domaine / Activité"] + parties + ["Remarques", "Contrôle A"], 1):
        cell = ws.cell(H2, c, h); cell.font = Font(bold=True); cell.fill = fill("D9E1F2")
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center"); cell.border = BOX
    ws.merge_cells(start_row=H1, start_column=1, end_row=H1, end_column=2)
    ws.row_dimensions[H2].height = 48
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions[L(3 + n)].width = 34
    row = H2 + 1
    tasks, gl, raw = [], [], []
    fn_map = {"Résolution des incidents de niveau 1": "(1)", "Gestion des sauvegardes": "(2)",
              "Notification des violations de données (RGPD)": "(3)"}
    for gno, gname, acts in groups:
        ws.cell(row, 1, gno); ws.cell(row, 2, gname)
        for c in range(1, 5 + n):
            ws.cell(row, c).fill = fill("BFBFBF"); ws.cell(row, c).font = Font(bold=True)
        row += 1
        for k, act in enumerate(acts, 1):
            cells = assign(rng, n, *pools[gno], p_ar=0.2, ni=(1, 3))
            tx = []
            for p in range(n):
                s = cells[p]
                tx.append("R/A" if s == {"A", "R"} else srt(s))
            if act in fn_map:
                p = [p for p in range(n) if "R" in tx[p]][0]
                tx[p] = tx[p] + " " + fn_map[act]
            ws.cell(row, 1, f"{gno}.{k}"); ws.cell(row, 2, act)
            for p in range(n):
                c = ws.cell(row, 3 + p, tx[p] or None); c.alignment = Alignment(horizontal="center"); c.border = BOX
            ws.cell(row, 4 + n, "OK" if sum("A" in t for t in tx) == 1 else "KO")
            tasks.append((act, row)); gl.append([srt(s) for s in cells]); raw.append(tx)
            row += 1
    ws.cell(tasks[3][1], 3 + n, "Plafonnées à 10 % de la redevance mensuelle")
    ws.cell(tasks[21][1], 3 + n, "Fenêtre de maintenance : dimanche 02h-06h")
    row += 1
    ws.cell(row, 1, "Notes :").font = Font(bold=True)
    ws.cell(row + 1, 1, "(1) Selon le catalogue de services et le Plan Assurance Qualité (PAQ).")
    ws.cell(row + 2, 1, "(2) Hors sauvegardes des postes de travail, à la charge des utilisateurs.")
    ws.cell(row + 3, 1, "(3) Le DPO du Client reste seul habilité à notifier la CNIL sous 72 h.")
    ws.freeze_panes = "C7"
    syn = wb.create_sheet("Synthèse")
    syn.append(["Acteur", "Nb R", "Nb A", "Nb C", "Nb I"])
    for p in range(n):
        syn.append([parties[p]] + [sum(c in gl[t][p] for t in range(len(tasks))) for c in "RACI"])
    wb.active = 1
    for _s in wb.worksheets:
        _s.sheet_view.tabSelected = _s is wb.active
    wb.save(os.path.join(HERE, fname))
    cref = lambda t, p: f"{L(3+p)}{tasks[t][1]}"
    spots = pick_spots(rng, tasks, parties, gl, cref,
                       extra_pred=[lambda t, p: "(" in raw[t][p], lambda t, p: raw[t][p] == "R/A",
                                   lambda t, p: p >= 6 and raw[t][p] == "A", lambda t, p: p == 5 and raw[t][p]])
    KEYS[fname] = {
        "sheet": "Matrice RACI", "task_count": len(tasks), "party_count": n,
        "tasks": [t for t, _ in tasks], "parties": parties, "spot": spots,
        "notes": ["Second sheet 'Matrice RACI' (active); 'Page de garde' cover first, 'Synthèse' per-party count table last.",
                  "Two header rows: row 5 merged 'CLIENT' / 'PRESTATAIRE', row 6 party names; legend is a single text line in A2.",
                  "Domain rows (e.g. row 7 '1 GOUVERNANCE DU CONTRAT') are headings. Combined cells 'R/A'.",
                  "Footnote references inside cells, e.g. 'R (1)', explained under the table ('Notes :').",
                  "Column O 'Remarques' free text; column P 'Contrôle A' helper column with OK/KO – not parties."]}


# ---------------------------------------------------------------------------
# 116 Spanish ENS compliance, csv ; cp1252 CRLF with title line and legend
# ---------------------------------------------------------------------------
def f116():
    fname = "116_ens-adecuacion_matriz-raci.csv"
    rng = random.Random(116)
    parties = ["Responsable de Seguridad", "Responsable del Sistema", "Responsable de la Información",
               "Responsable del Servicio", "DPD", "Comité de Seguridad", "Equipo de Sistemas", "Proveedor SOC",
               "Auditoría Interna"]
    n = len(parties)
    groups = [
        ("MARCO ORGANIZATIVO", [
            ("org.1", "Aprobar la política de seguridad de la información", 3), ("org.2", "Elaborar la normativa de seguridad", 8),
            ("org.3", "Definir procedimientos de seguridad", 6.5), ("org.4", "Establecer el proceso de autorización", 2)]),
        ("MARCO OPERACIONAL", [
            ("op.pl.1", "Análisis de riesgos (MAGERIT / PILAR)", 10), ("op.pl.2", "Arquitectura de seguridad", 5),
            ("op.acc.1", "Identificación de usuarios", 3), ("op.acc.4", "Gestión de derechos de acceso", 4.5),
            ("op.acc.6", "Autenticación multifactor para acceso remoto", 6), ("op.exp.1", "Inventario de activos", 4),
            ("op.exp.2", "Configuración de seguridad (bastionado)", 12), ("op.exp.4", "Mantenimiento y actualizaciones de seguridad", 5),
            ("op.exp.7", "Gestión de incidentes de seguridad", 7), ("op.exp.8", "Registro de la actividad (logs)", 3.5),
            ("op.ext.1", "Contratación y acuerdos de nivel de servicio con terceros", 2.5),
            ("op.cont.2", "Plan de continuidad", 8), ("op.mon.1", "Detección de intrusión", 5)]),
        ("MEDIDAS DE PROTECCIÓN", [
            ("mp.per.3", "Concienciación del personal", 3), ("mp.per.4", "Formación en seguridad", 4),
            ("mp.info.2", "Calificación de la información", 2), ("mp.info.6", "Copias de seguridad", 3),
            ("mp.s.2", "Protección de servicios y aplicaciones web", 6)]),
        ("AUDITORÍA Y CERTIFICACIÓN", [
            ("—", "Auditoría de conformidad con el ENS", 5), ("—", "Declaración de aplicabilidad", 1.5),
            ("—", "Publicación del distintivo de conformidad", 0.5)]),
    ]
    cols = 4 + n
    lines = []
    lines.append(["Matriz RACI – Adecuación al Esquema Nacional de Seguridad (categoría MEDIA)"] + [""] * (cols - 1))
    lines.append(["Versión 1.2 – Oficina de Seguridad – 04/04/2024"] + [""] * (cols - 1))
    lines.append([""] * cols)
    lines.append(["Id", "Medida / Tarea", "Esfuerzo (jornadas)", "Fecha objetivo"] + parties)
    tasks, gl, raw = [], [], []
    apool = {"MARCO ORGANIZATIVO": [5, 0], "MARCO OPERACIONAL": [1, 0], "MEDIDAS DE PROTECCIÓN": [0, 2, 1],
             "AUDITORÍA Y CERTIFICACIÓN": [0, 5]}
    rpool = {"MARCO ORGANIZATIVO": [0, 2], "MARCO OPERACIONAL": [6, 7, 1], "MEDIDAS DE PROTECCIÓN": [6, 0, 3],
             "AUDITORÍA Y CERTIFICACIÓN": [8, 0]}
    month = 5
    for gname, acts in groups:
        lines.append(["", gname] + [""] * (cols - 2))
        for mid, act, eff in acts:
            cells = assign(rng, n, apool[gname], rpool[gname], p_ar=0.2)
            tx = ["A/R" if s == {"A", "R"} else srt(s) for s in cells]
            e = (f"{eff:.1f}".replace(".", ",") if eff != int(eff) else str(int(eff)))
            month = month + (1 if rng.random() < 0.35 else 0)
            date = f"{rng.randint(1, 28):02d}/{min(month, 12):02d}/2024"
            lines.append([mid, act, e, date] + tx)
            tasks.append((act, len(lines))); gl.append([srt(s) for s in cells]); raw.append(tx)
    lines.append([""] * cols)
    lines.append(["Leyenda: R = Responsable (ejecuta); A = Aprobador (rinde cuentas); C = Consultado; I = Informado"] + [""] * (cols - 1))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    for l in lines:
        w.writerow(l)
    with open(os.path.join(HERE, fname), "wb") as f:
        f.write(buf.getvalue().encode("cp1252"))
    cref = lambda t, p: f"{L(5+p)}{tasks[t][1]}"
    spots = pick_spots(rng, tasks, parties, gl, cref,
                       extra_pred=[lambda t, p: raw[t][p] == "A/R", lambda t, p: p == 4 and raw[t][p],
                                   lambda t, p: raw[t][p] == "C", lambda t, p: raw[t][p] == "I"])
    KEYS[fname] = {
        "sheet": "116_ens-adecuacion_matriz-raci", "task_count": len(tasks), "party_count": n,
        "tasks": [t for t, _ in tasks], "parties": parties, "spot": spots,
        "notes": ["Excel 'CSV (delimitado por punto y coma)' export: ';' delimiter, Windows-1252 encoding (á, í, ó, ñ, –, —), CRLF.",
                  "Two title lines + one empty line before the header on line 4; every line padded with empty fields.",
                  "Group lines with only column B ('MARCO ORGANIZATIVO' etc.) are headings, not tasks.",
                  "Columns C 'Esfuerzo (jornadas)' (decimal comma, e.g. '6,5') and D 'Fecha objetivo' (dd/mm/yyyy) are data, not parties.",
                  "Last group uses '—' as Id; legend line at the end ('Leyenda: ... A = Aprobador ...'). Combined cells 'A/R'."]}


# ---------------------------------------------------------------------------
# 117 IAM programme, SharePoint list export: R/A/C/I columns hold names
# ---------------------------------------------------------------------------
def f117():
    fname = "117_iam-programme_raci-list-export.xlsx"
    rng = random.Random(117)
    people = ["Priya Raman", "Tom Gallagher", "Elena Rossi", "Marcus Webb", "Sofia Lindgren", "Daniel Okoye",
              "Hannah Lee", "Service Desk", "Identity Ops Team", "Internal Audit", "Ana Costa"]
    rows = [
        ("Strategy & Governance", "Approve IAM target operating model"),
        ("Strategy & Governance", "Define identity governance policy"),
        ("Strategy & Governance", "Define role-based access model (RBAC)"),
        ("Joiner-Mover-Leaver", "Integrate HR system as authoritative source"),
        ("Joiner-Mover-Leaver", "Automate joiner provisioning"),
        ("Joiner-Mover-Leaver", "Automate leaver de-provisioning within 24h"),
        ("Joiner-Mover-Leaver", "Mover access recertification"),
        ("Privileged Access", "Onboard admin accounts to PAM vault"),
        ("Privileged Access", "Session recording for tier-0 systems"),
        ("Privileged Access", "Break-glass account procedure"),
        ("Access Certification", "Quarterly user access review campaign"),
        ("Access Certification", "Remediate revoked entitlements"),
        ("Access Certification", "SoD conflict rule set"),
        ("Authentication", "Roll out MFA to all staff"),
        ("Authentication", "SSO integration for SaaS applications"),
        ("Authentication", "Password reset self-service"),
        ("Operations", "Handover to Identity Ops run team"),
        ("Operations", "Audit evidence pack for external auditor"),
    ]
    pools = {"Strategy & Governance": (["Priya Raman"], ["Tom Gallagher", "Elena Rossi"]),
             "Joiner-Mover-Leaver": (["Tom Gallagher"], ["Marcus Webb", "Identity Ops Team", "Sofia Lindgren"]),
             "Privileged Access": (["Elena Rossi"], ["Daniel Okoye", "Identity Ops Team"]),
             "Access Certification": (["Tom Gallagher", "Elena Rossi"], ["Marcus Webb", "Ana Costa"]),
             "Authentication": (["Tom Gallagher"], ["Daniel Okoye", "Service Desk", "Marcus Webb"]),
             "Operations": (["Priya Raman", "Tom Gallagher"], ["Identity Ops Team", "Hannah Lee"])}
    ix = {p: i for i, p in enumerate(people)}
    wb = openpyxl.Workbook()
    ws = wb.active; ws.title = "IAM RACI"
    hdr = ["ID", "Workstream", "Title", "Responsible", "Accountable", "Consulted", "Informed", "Status", "Due Date",
           "Modified", "Modified By", "Item Type", "Path"]
    ws.append(hdr)
    for c in range(1, len(hdr) + 1):
        ws.cell(1, c).font = Font(bold=True)
    tasks, gl, names_cells = [], [], []
    for k, (wsn, act) in enumerate(rows):
        a_names, r_names = pools[wsn]
        cells = assign(rng, len(people), [ix[x] for x in a_names], [ix[x] for x in r_names], p_ar=0.15,
                       c_pool=[0, 1, 2, 4, 5, 9, 10], i_pool=[0, 6, 7, 9, 8, 10], nc=(0, 2), ni=(1, 3))
        cols = {c: [people[p] for p in range(len(people)) if c in cells[p]] for c in "RACI"}
        r = k + 2
        ws.cell(r, 1, 100 + k * 3 - (k % 2)); ws.cell(r, 2, wsn); ws.cell(r, 3, act)
        for j, c in enumerate("RACI"):
            ws.cell(r, 4 + j, ";".join(cols[c]) or None)
        ws.cell(r, 8, rng.choice(["Not Started", "In Progress", "In Progress", "Completed", "On Hold"]))
        ws.cell(r, 9, f"2024-{rng.randint(3, 12):02d}-{rng.randint(1, 28):02d}")
        ws.cell(r, 10, f"{rng.randint(1, 28)}/05/2024 {rng.randint(8, 18)}:{rng.randint(0, 59):02d}")
        ws.cell(r, 11, rng.choice(["Hannah Lee", "Hannah Lee", "SharePoint App"]))
        ws.cell(r, 12, "Item"); ws.cell(r, 13, "sites/IAMProgramme/Lists/RACI")
        tasks.append((act, r)); gl.append([srt(s) for s in cells]); names_cells.append(cols)
    wb.save(os.path.join(HERE, fname))
    used = [p for p in people if any(p in ";".join(sum(nc.values(), [])) .split(";") for nc in names_cells)]
    def cref(t, p):
        for j, c in enumerate("RACI"):
            if people[p] in names_cells[t][c]:
                return f"{L(4+j)}{tasks[t][1]}"
        return f"D{tasks[t][1]}"
    spots = pick_spots(rng, tasks, people, gl, cref,
                       extra_pred=[lambda t, p: gl[t][p] == "RA", lambda t, p: len(names_cells[t]["I"]) > 2 and gl[t][p] == "I",
                                   lambda t, p: people[p] == "Service Desk" and gl[t][p], lambda t, p: people[p] == "Hannah Lee" and gl[t][p]])
    KEYS[fname] = {
        "sheet": "IAM RACI", "task_count": len(tasks), "party_count": len(used),
        "tasks": [t for t, _ in tasks], "parties": used, "spot": spots,
        "notes": ["Inverted layout (SharePoint list 'Export to Excel'): columns D-G 'Responsible', 'Accountable', 'Consulted',"
                  " 'Informed' hold names; several names separated by ';' without spaces.",
                  "Task name is column C 'Title'; parties are the names found in D-G (people and teams such as 'Service Desk').",
                  "Column K 'Modified By' holds 'Hannah Lee' / 'SharePoint App' – list metadata, not RACI ('SharePoint App' is not a party).",
                  "Other SharePoint metadata columns: Status, Due Date, Modified, Item Type, Path. For a spot, 'cell' is the first R/A/C/I cell naming the party."]}


# ---------------------------------------------------------------------------
# 118 Spanish D365 PMO, transposed matrix (roles as rows, deliverables as columns), .xls
# ---------------------------------------------------------------------------
def f118():
    import xlwt
    fname = "118_d365-pmo_matriz-raci-entregables_es.xls"
    rng = random.Random(118)
    areas = [("Negocio", ["Sponsor del programa", "Director financiero", "Responsable de Operaciones", "Usuarios clave"]),
             ("Sistemas", ["Director de Sistemas", "Jefe de proyecto interno", "Arquitecto de integración",
                           "Responsable de Ciberseguridad"]),
             ("Integrador", ["Gerente de proyecto (integrador)", "Consultor funcional", "Consultor técnico"])]
    roles = [r for _, rs in areas for r in rs]
    n = len(roles)
    phases = [("Análisis", ["Acta de constitución", "Documento de requisitos (BRD)", "Análisis de gaps"]),
              ("Diseño", ["Diseño funcional (FDD)", "Diseño técnico (TDD)", "Modelo de seguridad y roles"]),
              ("Construcción", ["Configuración del sistema", "Desarrollos e integraciones", "Migración de datos",
                                "Pruebas integradas"]),
              ("Despliegue", ["Pruebas de aceptación (UAT)", "Plan de arranque", "Formación a usuarios finales",
                              "Soporte post-arranque"])]
    tasks_names = [d for _, ds in phases for d in ds]
    wb = xlwt.Workbook(encoding="utf-8")
    inst = wb.add_sheet("Instrucciones")
    inst.write(0, 0, "Cómo leer la matriz")
    inst.write(2, 0, "Cada columna es un entregable del programa; cada fila un rol.")
    inst.write(3, 0, "R = Responsable (elabora)   A = Aprobador (rinde cuentas)   C = Consultado   I = Informado")
    ws = wb.add_sheet("Matriz RACI")
    title = xlwt.easyxf("font: bold on, height 280")
    hdr = xlwt.easyxf("font: bold on; pattern: pattern solid, fore_colour pale_blue; align: wrap on, rotation 90, horiz center; borders: left thin, right thin, top thin, bottom thin")
    ph = xlwt.easyxf("font: bold on, colour white; pattern: pattern solid, fore_colour dark_blue; align: horiz center")
    area_st = xlwt.easyxf("font: bold on; align: vert center; pattern: pattern solid, fore_colour gray25")
    cell_st = xlwt.easyxf("align: horiz center; borders: left thin, right thin, top thin, bottom thin")
    ws.write(0, 0, "Programa Dynamics 365 F&O – Matriz RACI de entregables", title)
    ws.write(1, 0, "PMO – revisión 2 – 18/06/2024")
    grid = {}
    PH, TR = 3, 4  # 0-based rows: phase row (row 4), deliverable row (row 5)
    ws.write(TR, 0, "Área", hdr); ws.write(TR, 1, "Rol", hdr)
    ws.write_merge(PH, PH, 0, 1, "Fase →", ph)
    c = 2
    for pname, ds in phases:
        ws.write_merge(PH, PH, c, c + len(ds) - 1, pname, ph)
        for d in ds:
            ws.write(TR, c, d, hdr)
            grid[(TR + 1, c + 1)] = d
            c += 1
    ws.row(TR).height_mismatch = True; ws.row(TR).height = 2600
    ws.col(0).width = 3000; ws.col(1).width = 9000
    for k in range(len(tasks_names)):
        ws.col(2 + k).width = 1600
    # assignments per deliverable
    apool = {"Análisis": [0, 5], "Diseño": [5, 4], "Construcción": [8, 5], "Despliegue": [5, 0]}
    rpool = {"Análisis": [5, 9, 1], "Diseño": [9, 10, 6, 7], "Construcción": [10, 9, 6], "Despliegue": [3, 8, 9]}
    gl_t = []
    for pname, ds in phases:
        for d in ds:
            gl_t.append(assign(rng, n, apool[pname], rpool[pname], p_ar=0.2, nc=(1, 3), ni=(1, 3)))
    r = TR + 1
    for ai, (aname, rs) in enumerate(areas):
        ws.write_merge(r, r + len(rs) - 1, 0, 0, aname, area_st)
        for rn in rs:
            p = roles.index(rn)
            ws.write(r, 1, rn)
            grid[(r + 1, 2)] = rn
            for t in range(len(tasks_names)):
                s = gl_t[t][p]
                tx = "R/A" if s == {"A", "R"} else srt(s)
                ws.write(r, 2 + t, tx, cell_st) if tx else ws.write(r, 2 + t, "", cell_st)
                grid[(r + 1, 3 + t)] = tx
            r += 1
    r += 1
    ws.write(r, 0, "Leyenda: R = Responsable; A = Aprobador; C = Consultado; I = Informado. R/A = responsable y aprobador.")
    ws.write(r + 1, 0, "Nota: los entregables del integrador se aceptan según el contrato marco, cláusula 7.")
    wb.save(os.path.join(HERE, fname))
    GRIDS[fname] = grid
    gl = [[srt(gl_t[t][p]) for p in range(n)] for t in range(len(tasks_names))]
    tasks = [(d, TR + 1) for d in tasks_names]
    role_row = {rn: TR + 2 + i for i, rn in enumerate(roles)}
    cref = lambda t, p: f"{L(3+t)}{role_row[roles[p]]}"
    spots = pick_spots(rng, tasks, roles, gl, cref,
                       extra_pred=[lambda t, p: gl[t][p] == "RA", lambda t, p: p >= 8 and gl[t][p],
                                   lambda t, p: p == 3 and gl[t][p]])
    KEYS[fname] = {
        "sheet": "Matriz RACI", "task_count": len(tasks), "party_count": n,
        "tasks": tasks_names, "parties": roles, "spot": spots,
        "notes": ["Transposed: deliverables (tasks) are the column headers in row 5 (rotated text), roles are rows 6-16"
                  " (column B). Spot 'row' is the deliverable header row 5; 'cell' is the actual intersection.",
                  "Row 4 'Fase' merged over deliverable columns (Análisis/Diseño/Construcción/Despliegue) – grouping, not tasks.",
                  "Column A 'Área' merged vertically (Negocio/Sistemas/Integrador) – grouping of roles, not a party.",
                  "Legacy .xls (BIFF8); first sheet 'Instrucciones' is text only. Combined cells 'R/A'. Legend + note below the matrix."]}


# ---------------------------------------------------------------------------
# 119 Data governance (DAMA), .ods, two-level header with repeated role names
# ---------------------------------------------------------------------------
def f119():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell, CoveredTableCell, TableColumn
    from odf.text import P
    from odf.style import Style, TableCellProperties, TextProperties, TableColumnProperties
    fname = "119_data-governance-operating-model_raci.ods"
    rng = random.Random(119)
    groups = [("Enterprise", ["Chief Data Officer", "Data Governance Office", "Data Protection Officer",
                              "Enterprise Architecture"]),
              ("Finance", ["Data Owner", "Data Steward"]), ("HR", ["Data Owner", "Data Steward"]),
              ("Customer", ["Data Owner", "Data Steward"]), ("IT", ["Data Custodian", "Platform Team"]),
              ("Assurance", ["Internal Audit"])]
    parties, pkey = [], []
    for g, rs in groups:
        for r in rs:
            parties.append((g, r))
            pkey.append(r if g in ("Enterprise", "Assurance") else f"{g} / {r}")
    n = len(parties)
    areas = [
        ("Data Governance", ["Approve data governance charter", "Maintain data governance policy",
                             "Appoint data owners and stewards", "Run data governance council", "Resolve cross-domain data issues"]),
        ("Metadata & Glossary", ["Define business glossary terms – Finance", "Define business glossary terms – HR",
                                 "Define business glossary terms – Customer", "Maintain data catalogue",
                                 "Capture technical lineage"]),
        ("Data Quality", ["Define data quality rules", "Monitor data quality dashboards", "Remediate data quality issues at source",
                          "Report data quality KPIs to council"]),
        ("Data Security & Privacy", ["Classify data assets", "Approve access to restricted data", "Maintain records of processing (GDPR Art. 30)",
                                     "Handle data subject access requests", "Apply retention and deletion rules"]),
        ("Master & Reference Data", ["Maintain customer master data", "Maintain chart of accounts", "Maintain organisation hierarchy",
                                     "Manage reference code lists"]),
        ("Architecture & Platform", ["Define target data architecture", "Operate data platform and backups",
                                     "Implement technical access controls", "Approve new data sources onto platform",
                                     "Annual data governance audit"]),
    ]
    wbk = OpenDocumentSpreadsheet()
    bold = Style(name="bold", family="table-cell"); bold.addElement(TextProperties(fontweight="bold"))
    grp = Style(name="grp", family="table-cell"); grp.addElement(TableCellProperties(backgroundcolor="#DEEBF7"))
    grp.addElement(TextProperties(fontweight="bold"))
    hd = Style(name="hd", family="table-cell"); hd.addElement(TableCellProperties(backgroundcolor="#1F4E79"))
    hd.addElement(TextProperties(fontweight="bold", color="#FFFFFF"))
    wide = Style(name="wide", family="table-column"); wide.addElement(TableColumnProperties(columnwidth="8cm"))
    narrow = Style(name="narrow", family="table-column"); narrow.addElement(TableColumnProperties(columnwidth="2.2cm"))
    for s in (bold, grp, hd):
        wbk.automaticstyles.addElement(s)
    wbk.automaticstyles.addElement(wide); wbk.automaticstyles.addElement(narrow)
    t = Table(name="Data Governance RACI")
    t.addElement(TableColumn(stylename=narrow))
    t.addElement(TableColumn(stylename=wide))
    t.addElement(TableColumn(stylename=narrow, numbercolumnsrepeated=n + 1))
    grid = {}  # (row1, col1) -> text

    def addrow(vals, style=None, spans=None):
        tr = TableRow()
        rno = len(t.getElementsByType(TableRow)) + 1
        spans = spans or {}
        cidx = 0
        skip = 0
        for ci, v in enumerate(vals):
            if skip:
                skip -= 1
                tr.addElement(CoveredTableCell())
                continue
            kw = {}
            if style:
                kw["stylename"] = style
            if ci in spans:
                kw["numbercolumnsspanned"] = spans[ci]
                skip = spans[ci] - 1
            if v is None or v == "":
                tc = TableCell(**kw)
            elif isinstance(v, int):
                tc = TableCell(valuetype="float", value=v, **kw); tc.addElement(P(text=str(v)))
            else:
                tc = TableCell(valuetype="string", **kw); tc.addElement(P(text=v))
            if v not in (None, ""):
                grid[(rno, ci + 1)] = str(v)
            tr.addElement(tc)
        t.addElement(tr)
        return rno

    addrow(["Enterprise Data Governance Operating Model – RACI"], style=bold)
    addrow(["Prepared by Data Office, reviewed with domain leads. Last update 2024-09-30."])
    row1 = [None, None]
    spans = {}
    for g, rs in groups:
        spans[len(row1)] = len(rs) if len(rs) > 1 else None
        row1 += [g] + [None] * (len(rs) - 1)
    spans = {k: v for k, v in spans.items() if v}
    addrow(row1 + [None], style="hd", spans=spans)
    hr = addrow(["#", "Activity"] + [r for _, r in parties] + ["Notes"], style="hd")
    tasks, gl, raw = [], [], []
    k = 0
    apool = {"Data Governance": [0, 1], "Metadata & Glossary": [1, 4, 6, 8], "Data Quality": [4, 6, 8, 1],
             "Data Security & Privacy": [2, 0, 4, 6, 8], "Master & Reference Data": [4, 6, 8], "Architecture & Platform": [3, 0, 10]}
    rpool = {"Data Governance": [1, 0], "Metadata & Glossary": [5, 7, 9, 1, 10], "Data Quality": [5, 7, 9, 10],
             "Data Security & Privacy": [5, 7, 9, 11, 2], "Master & Reference Data": [5, 7, 9], "Architecture & Platform": [3, 10, 11, 12]}
    specific = {"– Finance": (4, 5), "– HR": (6, 7), "– Customer": (8, 9), "customer master": (8, 9),
                "chart of accounts": (4, 5), "organisation hierarchy": (6, 7), "audit": (0, 12)}
    for ai, (area, acts) in enumerate(areas):
        if ai:
            addrow([])  # blank separator row
        addrow([None, area.upper()], style="grp")
        for act in acts:
            k += 1
            sp = next((v for kk, v in specific.items() if kk.lower() in act.lower()), None)
            if sp:
                cells = assign(rng, n, [sp[0]], [sp[1]], p_ar=0.0, nc=(1, 2), ni=(1, 2))
            else:
                cells = assign(rng, n, apool[area], rpool[area], p_ar=0.2, nc=(1, 3), ni=(0, 3))
            tx = ["A, R" if s == {"A", "R"} else srt(s) for s in cells]
            note = {"Handle data subject access requests": "SLA 30 days",
                    "Annual data governance audit": "Reported to Audit Committee"}.get(act, "")
            r = addrow([k, act] + tx + [note])
            tasks.append((act, r)); gl.append([srt(s) for s in cells]); raw.append(tx)
    addrow([])
    tot = ["", "Total A (check: one per activity)"] + [sum("A" in gl[i][p] for i in range(len(tasks))) for p in range(n)]
    addrow(tot, style="bold")
    addrow([])
    addrow(["", "R = Responsible, A = Accountable, C = Consulted, I = Informed"])
    wbk.spreadsheet.addElement(t)
    t2 = Table(name="Role descriptions")
    for line in [["Role", "Description"], ["Data Owner", "Senior business manager accountable for a data domain"],
                 ["Data Steward", "Day-to-day management of data definitions and quality"],
                 ["Data Custodian", "IT role operating the systems holding the data"]]:
        tr = TableRow()
        for v in line:
            tc = TableCell(valuetype="string"); tc.addElement(P(text=v)); tr.addElement(tc)
        t2.addElement(tr)
    wbk.spreadsheet.addElement(t2)
    wbk.save(os.path.join(HERE, fname))
    GRIDS[fname] = grid
    cref = lambda ti, p: f"{L(3+p)}{tasks[ti][1]}"
    spots = pick_spots(rng, tasks, pkey, gl, cref,
                       extra_pred=[lambda ti, p: raw[ti][p] == "A, R", lambda ti, p: p == 6 and gl[ti][p],
                                   lambda ti, p: p == 8 and gl[ti][p] == "A", lambda ti, p: p == 5 and gl[ti][p],
                                   lambda ti, p: p == 12 and gl[ti][p]])
    KEYS[fname] = {
        "sheet": "Data Governance RACI", "task_count": len(tasks), "party_count": n,
        "tasks": [x for x, _ in tasks], "parties": pkey, "spot": spots,
        "notes": ["Two header rows: row 3 group (merged: Enterprise, Finance, HR, Customer, IT, Assurance), row 4 role."
                  " 'Data Owner' and 'Data Steward' repeat under Finance, HR and Customer, so those parties are only"
                  " distinct with the group (keyed as 'Finance / Data Owner').",
                  "Area rows (column B upper case, e.g. 'DATA GOVERNANCE') are headings; blank separator row before each area.",
                  "'Total A (check: one per activity)' row with counts under the parties near the bottom – not a task; legend line last.",
                  "Combined cells written 'A, R'. Column A holds running numbers 1..28; last column 'Notes' free text.",
                  "Second sheet 'Role descriptions' is reference text."]}


def main():
    for f in (f111, f112, f113, f114, f115, f116, f117, f118, f119):
        f()
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump(KEYS, fh, ensure_ascii=False, indent=2)
    with open(os.path.join(HERE, ".grids.json"), "w", encoding="utf-8") as fh:
        json.dump({k: {f"{r},{c}": v for (r, c), v in g.items()} for k, g in GRIDS.items()}, fh, ensure_ascii=False)
    for k, v in KEYS.items():
        print(k, v["task_count"], v["party_count"])


if __name__ == "__main__":
    main()
