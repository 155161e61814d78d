#!/usr/bin/env python3
"""Generate probe files 91-99 (mixed PMO inbox) and expected.json."""
import csv, datetime as dt, io, json, os
import openpyxl, xlwt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter as L
from openpyxl.worksheet.table import Table, TableStyleInfo

OUT = os.path.dirname(os.path.abspath(__file__))
KEY = {}


def letters_of(s, mapping=None):
    """Normalise a cell's RACI letters (for the key) -> e.g. 'AR'."""
    s = (s or "").upper()
    mapping = mapping or {c: c for c in "RACI"}
    out = set()
    for ch in s:
        if ch in mapping:
            out.add(mapping[ch])
    return "".join(sorted(out))


thin = Side(style="thin", color="999999")
BOX = Border(left=thin, right=thin, top=thin, bottom=thin)

# --------------------------------------------------------------------------------------
# 91: hand-made Excel matrix: cover sheet first, title, legend line, two-row header with
# merged group bands, merged phase rows, notes column, count rows, legend sheet.
# --------------------------------------------------------------------------------------
def f91():
    name = "91_website-relaunch_raci-matrix.xlsx"
    parties = ["Marketing Director", "Content Lead", "Brand Manager", "Web Dev Lead",
               "IT Security", "QA Lead", "Agency (Pixelworks)", "Hosting Provider"]
    phases = [
        ("1   DISCOVERY & PLANNING", [
            ("1.1", "Define project goals & KPIs", ["A/R", "C", "C", "C", "", "", "I", ""], "Agreed in kick-off 12 Feb"),
            ("1.2", "Stakeholder interviews", ["A", "R", "C", "", "", "", "R", ""], ""),
            ("1.3", "Content audit of current site", ["I", "A/R", "C", "", "", "", "C", ""], ""),
            ("1.4", "Technical audit (CMS, hosting, integrations)", ["I", "", "", "A/R", "C", "", "", "C"], ""),
            ("1.5", "Approve budget & timeline", ["A", "I", "I", "C", "", "", "I", ""], "Sponsor sign-off needed - CFO kept informed"),
        ]),
        ("2   DESIGN", [
            ("2.1", "Information architecture & sitemap", ["A", "R", "C", "C", "", "", "R", ""], ""),
            ("2.2", "Wireframes", ["A", "C", "C", "C", "", "I", "R", ""], "2 rounds of feedback max"),
            ("2.3", "Visual design & brand alignment", ["A", "C", "R", "I", "", "", "R", ""], ""),
            ("2.4", "Accessibility review (WCAG 2.1 AA)", ["I", "C", "C", "R", "", "A", "C", ""], "R/A may move to external auditor"),
        ]),
        ("3   BUILD", [
            ("3.1", "Set up staging environment", ["", "", "", "A", "C", "I", "", "R"], ""),
            ("3.2", "CMS configuration & templates", ["I", "C", "", "A", "", "C", "R", ""], ""),
            ("3.3", "Content migration", ["I", "A/R", "c", "C", "", "I", "R", ""], "~1,400 pages, see migration sheet"),
            ("3.4", "SSO & form integrations", ["", "", "", "A/R", "C", "C", "", "C"], ""),
            ("3.5", "Security hardening & pen test", ["I", "", "", "C", "A/R", "I", "", "C"], "Pen test by 3rd party, wk 18"),
            ("3.6", "Cookie consent / privacy banner", ["C", "C", "I", "R ", "A", "", "tbc", ""], "Legal to confirm wording"),
        ]),
        ("4   TEST & LAUNCH", [
            ("4.1", "User acceptance testing (UAT)", ["A", "R", "C", "C", "I", "R", "C", ""], ""),
            ("4.2", "Performance / load testing", ["", "", "", "A", "I", "R", "", "C"], ""),
            ("4.3", "Go / No-Go decision", ["A", "C", "I", "C", "C", "C", "I", "I"], "Steering meeting"),
            ("4.4", "DNS cut-over & go-live", ["I", "I", "I", "A", "I", "C", "I", "R"], "Sat 07:00, rollback plan ready"),
            ("4.5", "Post-launch hypercare (2 wks)", ["I", "C", "", "R,A", "C", "R", "C", "C"], ""),
        ]),
    ]
    wb = openpyxl.Workbook()
    cov = wb.active
    cov.title = "Cover"
    cov["B2"] = "Website Relaunch 2025"
    cov["B2"].font = Font(size=20, bold=True)
    cov["B4"], cov["C4"] = "Project sponsor", "Chief Marketing Officer"
    cov["B5"], cov["C5"] = "Project manager", "Sam Whitfield (PMO)"
    cov["B6"], cov["C6"] = "Document", "RACI matrix - see tab 'RACI'"
    cov["B7"], cov["C7"] = "Version", "1.3"
    cov["B8"], cov["C8"] = "Status", "Approved"
    cov.column_dimensions["B"].width = 20
    cov.column_dimensions["C"].width = 40

    ws = wb.create_sheet("RACI")
    last = L(2 + len(parties) + 1)  # notes col
    ws["A1"] = "Website Relaunch 2025 \u2013 RACI Matrix"
    ws["A1"].font = Font(size=16, bold=True)
    ws.merge_cells(f"A1:{last}1")
    ws["A2"] = "Version 1.3  |  Owner: PMO  |  Last updated 14-Mar-2025"
    ws["A2"].font = Font(italic=True, color="666666")
    ws.merge_cells(f"A2:{last}2")
    ws["A4"] = "R = Responsible (does the work)    A = Accountable (signs off, one per task)    C = Consulted    I = Informed"
    ws.merge_cells(f"A4:{last}4")
    ws["A4"].fill = PatternFill("solid", fgColor="FFF2CC")
    # two-row header
    bands = [("BUSINESS", 3, 5), ("TECHNOLOGY", 6, 8), ("EXTERNAL", 9, 10)]
    for text, c1, c2 in bands:
        ws.cell(6, c1, text)
        ws.merge_cells(start_row=6, start_column=c1, end_row=6, end_column=c2)
        ws.cell(6, c1).alignment = Alignment(horizontal="center")
        ws.cell(6, c1).font = Font(bold=True, color="FFFFFF")
        ws.cell(6, c1).fill = PatternFill("solid", fgColor="1F4E78")
    ws.cell(7, 1, "ID")
    ws.cell(7, 2, "Activity / Deliverable")
    for i, p in enumerate(parties):
        ws.cell(7, 3 + i, p)
    ws.cell(7, 3 + len(parties), "Notes")
    for c in range(1, 4 + len(parties)):
        cell = ws.cell(7, c)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center", text_rotation=0)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.border = BOX
    r = 8
    rows = {}
    for ph, tasks in phases:
        ws.cell(r, 1, ph)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3 + len(parties))
        ws.cell(r, 1).font = Font(bold=True)
        ws.cell(r, 1).fill = PatternFill("solid", fgColor="BDD7EE")
        r += 1
        for tid, t, lets, note in tasks:
            ws.cell(r, 1, tid)
            ws.cell(r, 2, t)
            for i, v in enumerate(lets):
                if v:
                    ws.cell(r, 3 + i, v)
                ws.cell(r, 3 + i).alignment = Alignment(horizontal="center")
                ws.cell(r, 3 + i).border = BOX
            if note:
                ws.cell(r, 3 + len(parties), note)
            rows[t] = (r, lets)
            r += 1
    r += 1
    all_tasks = [t for _, ts in phases for t in ts]
    for lab, ch in (("Count of R", "R"), ("Count of A", "A")):
        ws.cell(r, 2, lab).font = Font(italic=True)
        for i in range(len(parties)):
            ws.cell(r, 3 + i, sum(1 for t in all_tasks if ch in t[2][i].upper()))
        r += 1
    r += 1
    ws.cell(r, 2, "Reviewed by PMO on 14-Mar-2025. Changes via change request only.").font = Font(italic=True)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 44
    for i in range(len(parties)):
        ws.column_dimensions[L(3 + i)].width = 13
    ws.column_dimensions[L(3 + len(parties))].width = 38
    ws.row_dimensions[7].height = 32
    ws.freeze_panes = "C8"

    lg = wb.create_sheet("Legend")
    lg.append(["Letter", "Role", "Description"])
    lg.append(["R", "Responsible", "Does the work to complete the task"])
    lg.append(["A", "Accountable", "Ultimately answerable; approves. Exactly one A per task"])
    lg.append(["C", "Consulted", "Gives input before the work is done (two-way)"])
    lg.append(["I", "Informed", "Kept up to date on progress (one-way)"])
    wb.active = 0
    wb.save(os.path.join(OUT, name))

    spots_sel = [("Define project goals & KPIs", "Marketing Director"),
                 ("Technical audit (CMS, hosting, integrations)", "Hosting Provider"),
                 ("Accessibility review (WCAG 2.1 AA)", "QA Lead"),
                 ("Content migration", "Brand Manager"),
                 ("Cookie consent / privacy banner", "Agency (Pixelworks)"),
                 ("Cookie consent / privacy banner", "Web Dev Lead"),
                 ("Set up staging environment", "Marketing Director"),
                 ("Post-launch hypercare (2 wks)", "Web Dev Lead")]
    spots = []
    for t, p in spots_sel:
        row, lets = rows[t]
        i = parties.index(p)
        spots.append({"task": t, "party": p, "letters": letters_of(lets[i] if lets[i] != "tbc" else ""),
                      "row": row, "cell": f"{L(3 + i)}{row}"})
    KEY[name] = {
        "sheet": "RACI", "task_count": len(all_tasks), "party_count": len(parties),
        "tasks": [t[1] for t in all_tasks], "parties": parties, "spot": spots,
        "notes": ["Workbook opens on a 'Cover' sheet; the matrix is on 'RACI'; a 'Legend' sheet has R/A/C/I in column A.",
                  "Title A1 and version A2 merged across A:K; inline legend in A4 (merged).",
                  "Two-row header: group bands BUSINESS/TECHNOLOGY/EXTERNAL merged in row 6 (C6:E6, F6:H6, I6:J6); party names in row 7.",
                  "Phase rows merged across A:K at rows 8, 14, 19, 26 (not tasks).",
                  "Column A holds IDs like '1.1'; task names in column B.",
                  "Notes column K contains letter-like text, e.g. K18 'R/A may move to external auditor'.",
                  "Combined letters 'A/R' and 'R,A' (F31); lowercase 'c' in E22; trailing space 'R ' in F25; 'tbc' in I25 (no letter).",
                  "Two count rows at 33-34 ('Count of R', 'Count of A') holding numbers; footer sentence at B36."]}


# --------------------------------------------------------------------------------------
# 92: Smartsheet export: hierarchy via indent/outline, parent rows without letters, contact
# column with e-mails, checkbox column, dates/duration/predecessors.
# --------------------------------------------------------------------------------------
def f92():
    name = "92_smartsheet_erp-cutover-plan.xlsx"
    roles = ["Finance Lead", "IT Program Manager", "SAP Basis Team", "Data Migration Team",
             "Key Users", "Steering Committee"]
    head = ["Task Name", "Status", "Assigned To", "Start", "Finish", "Duration", "Predecessors",
            "% Complete"] + roles + ["At Risk", "Latest Comment"]
    # (level, name, is_parent, status, assigned, letters dict, at_risk, comment)
    P = lambda lvl, n: (lvl, n, True, None, None, {}, False, "")
    T = lambda lvl, n, st, who, lets, risk=False, com="": (lvl, n, False, st, who, lets, risk, com)
    rows = [
        P(0, "Pre-Cutover Activities"),
        T(1, "Freeze master data changes", "Complete", "d.ortiz@northwind-corp.com",
          {"Finance Lead": "A", "IT Program Manager": "C", "Data Migration Team": "R", "Key Users": "I", "Steering Committee": "I"}),
        T(1, "Final mock load sign-off", "Complete", "a.schneider@northwind-corp.com",
          {"Finance Lead": "C", "IT Program Manager": "A", "SAP Basis Team": "C", "Data Migration Team": "R", "Key Users": "C", "Steering Committee": "I"}),
        T(1, "Communicate cutover schedule to business", "In Progress", "a.schneider@northwind-corp.com",
          {"Finance Lead": "I", "IT Program Manager": "R/A", "SAP Basis Team": "I", "Data Migration Team": "I", "Key Users": "I", "Steering Committee": "I"}),
        T(1, "Backup legacy system", "Not Started", "k.mensah@northwind-corp.com",
          {"IT Program Manager": "A", "SAP Basis Team": "R"}),
        T(1, "Close open purchase orders", "In Progress", "d.ortiz@northwind-corp.com",
          {"Finance Lead": "R/A", "IT Program Manager": "I", "Key Users": "R"}, True, "42 POs still open in plant 2000"),
        P(0, "Cutover Weekend"),
        P(1, "Technical Cutover"),
        T(2, "Lock legacy users", "Not Started", "k.mensah@northwind-corp.com",
          {"IT Program Manager": "A", "SAP Basis Team": "R", "Key Users": "I"}),
        T(2, "Transport final config to PRD", "Not Started", "k.mensah@northwind-corp.com",
          {"IT Program Manager": "A", "SAP Basis Team": "R", "Data Migration Team": "I"}),
        T(2, "Open posting periods", "Not Started", "d.ortiz@northwind-corp.com",
          {"Finance Lead": "R/A", "SAP Basis Team": "C"}),
        P(1, "Data Loads"),
        T(2, "Load GL balances", "Not Started", "l.varga@northwind-corp.com",
          {"Finance Lead": "A", "Data Migration Team": "R", "Key Users": "C"}),
        T(2, "Load open AP/AR items", "Not Started", "l.varga@northwind-corp.com",
          {"Finance Lead": "A", "IT Program Manager": "I", "Data Migration Team": "R", "Key Users": "C"}),
        T(2, "Load fixed assets", "Not Started", "l.varga@northwind-corp.com",
          {"Finance Lead": "A", "Data Migration Team": "R", "Key Users": "C"}, True, "Asset classes not mapped yet"),
        T(2, "Reconcile loaded balances", "Not Started", "d.ortiz@northwind-corp.com",
          {"Finance Lead": "A", "Data Migration Team": "C", "Key Users": "R", "Steering Committee": "I"}),
        T(1, "Go/No-Go checkpoint", "Not Started", "a.schneider@northwind-corp.com",
          {"Finance Lead": "C", "IT Program Manager": "R", "SAP Basis Team": "C", "Data Migration Team": "C", "Key Users": "C", "Steering Committee": "A"}),
        P(0, "Post Go-Live"),
        T(1, "Hypercare support desk", "Not Started", "a.schneider@northwind-corp.com",
          {"IT Program Manager": "A", "SAP Basis Team": "R", "Data Migration Team": "C", "Key Users": "R"}),
        T(1, "First month-end close on new ERP", "Not Started", "d.ortiz@northwind-corp.com",
          {"Finance Lead": "R/A", "IT Program Manager": "I", "Key Users": "R", "Steering Committee": "I"}),
        T(1, "Decommission legacy system", "Not Started", "k.mensah@northwind-corp.com",
          {"Finance Lead": "C", "IT Program Manager": "A", "SAP Basis Team": "R", "Steering Committee": "I"}),
        T(1, "Lessons learned workshop", "Not Started", "a.schneider@northwind-corp.com",
          {"Finance Lead": "C", "IT Program Manager": "R/A", "SAP Basis Team": "C", "Data Migration Team": "C", "Key Users": "C", "Steering Committee": "I"}),
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ERP Cutover Plan"
    ws.append(head)
    for c in range(1, len(head) + 1):
        ws.cell(1, c).font = Font(bold=True)
    base = dt.datetime(2025, 5, 5, 8, 0)
    tasks, rowmap = [], {}
    day = 0
    for i, (lvl, n, par, st, who, lets, risk, com) in enumerate(rows):
        r = i + 2
        ws.cell(r, 1, n).alignment = Alignment(indent=lvl * 2)
        if par:
            ws.cell(r, 1).font = Font(bold=True)
            ws.cell(r, 4, base + dt.timedelta(days=day))
            ws.cell(r, 5, base + dt.timedelta(days=day + 6))
            ws.cell(r, 6, "7d")
            ws.cell(r, 8, 0.25 if day < 5 else 0)
        else:
            tasks.append(n)
            rowmap[n] = (r, lets)
            ws.cell(r, 2, st)
            ws.cell(r, 3, who)
            ws.cell(r, 4, base + dt.timedelta(days=day))
            ws.cell(r, 5, base + dt.timedelta(days=day + 1))
            ws.cell(r, 6, "2d")
            if i > 1 and not rows[i - 1][2]:
                ws.cell(r, 7, str(r - 1) + ("FS +1d" if i % 5 == 0 else ""))
            ws.cell(r, 8, 1.0 if st == "Complete" else (0.5 if st == "In Progress" else 0))
            for j, role in enumerate(roles):
                v = lets.get(role)
                if v:
                    ws.cell(r, 9 + j, v)
            day += 1
        ws.cell(r, 9 + len(roles), bool(risk))
        if com:
            ws.cell(r, 10 + len(roles), com)
        for c in (4, 5):
            ws.cell(r, c).number_format = "mm/dd/yy"
        ws.cell(r, 8).number_format = "0%"
        if lvl:
            ws.row_dimensions[r].outline_level = lvl
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["C"].width = 30
    wb.save(os.path.join(OUT, name))
    sel = [("Freeze master data changes", "Data Migration Team"),
           ("Communicate cutover schedule to business", "IT Program Manager"),
           ("Close open purchase orders", "Finance Lead"),
           ("Open posting periods", "Finance Lead"),
           ("Load fixed assets", "SAP Basis Team"),
           ("Reconcile loaded balances", "Key Users"),
           ("Go/No-Go checkpoint", "Steering Committee"),
           ("Lessons learned workshop", "IT Program Manager")]
    spots = []
    for t, p in sel:
        r, lets = rowmap[t]
        j = roles.index(p)
        spots.append({"task": t, "party": p, "letters": letters_of(lets.get(p, "")), "row": r, "cell": f"{L(9 + j)}{r}"})
    KEY[name] = {
        "sheet": "ERP Cutover Plan", "task_count": len(tasks), "party_count": len(roles),
        "tasks": tasks, "parties": roles, "spot": spots,
        "notes": ["Smartsheet-style export: hierarchy shown only by indentation (Alignment indent) and row outline levels.",
                  "Parent/summary rows without letters but with dates/duration/%: A2 'Pre-Cutover Activities', A8 'Cutover Weekend', A9 'Technical Cutover' (level 1), A13 'Data Loads' (level 1), A19 'Post Go-Live'. Not tasks.",
                  "'Assigned To' (C) holds e-mail addresses, not RACI parties; 'At Risk' (O) is a TRUE/FALSE checkbox column; 'Latest Comment' (P) free text.",
                  "Combined value 'R/A' from dropdown (e.g. J5, I7).",
                  "Columns Start/Finish are dates, Predecessors like '4' / '11FS +1d', % Complete as fraction."]}


# --------------------------------------------------------------------------------------
# 93: Jira CSV export: inverted (people in Responsible/Accountable/Consulted/Informed custom
# fields), multi-user fields exported as REPEATED column headers, repeated Labels, multi-line
# quoted Description, Assignee/Reporter columns (names too, but not the RACI).
# --------------------------------------------------------------------------------------
def f93():
    name = "93_jira-export_mobile-app-release.csv"
    PR, TB, AS, JA, ZP, LO, MC, DK = ("Priya Raman", "Tom Becker", "Ana Souza", "Jos\u00e9 \u00c1lvarez",
                                      "Zo\u00eb Park", "Liam O'Connor", "Mei Chen", "Daniel Kim")
    NC, NI = 3, 3
    head = (["Summary", "Issue key", "Issue id", "Parent id", "Issue Type", "Status", "Priority",
             "Assignee", "Reporter", "Created", "Updated", "Labels", "Labels", "Description",
             "Custom field (Responsible)", "Custom field (Accountable)"]
            + ["Custom field (Consulted)"] * NC + ["Custom field (Informed)"] * NI + ["Sprint"])
    # summary, key, id, parent, type, status, prio, R, A, C[], I[], labels, desc
    issues = [
        ("Redesign onboarding flow", "Story", "", "In Progress", "High", LO, PR, [TB, AS], [ZP], ["ux", "onboarding"],
         "New 3-step onboarding per Figma v7."),
        ("Implement biometric login (Face ID / fingerprint)", "Story", "", "In Progress", "High", TB, PR, [MC, AS], [ZP, JA], ["security"],
         "h3. Acceptance criteria\n* Face ID on iOS 16+\n* Fallback to PIN after 3 failures\n* \"Remember me\" stays off by default"),
        ("Android BiometricPrompt integration", "Sub-task", "MOB-113", "To Do", "Medium", AS, TB, [MC], [ZP], ["android"], ""),
        ("Migrate API auth to OAuth 2.1 / PKCE", "Task", "", "To Do", "Highest", JA, PR, [MC, TB, AS], [DK], ["backend", "security"],
         "Blocked until IdP tenant is upgraded."),
        ("Offline mode: local cache & sync", "Task", "", "To Do", "Medium", JA, PR, [TB, AS], [], ["backend"], ""),
        ("Crash on Android 14 when rotating checkout screen", "Bug", "", "In Review", "Highest", AS, PR, [], [ZP, DK], ["android", "crash"],
         "Steps:\n1. Add item to cart\n2. Open checkout\n3. Rotate device -> crash (NPE in CheckoutFragment)"),
        ("Accessibility pass (VoiceOver/TalkBack)", "Task", "", "To Do", "Medium", ZP, PR, [LO], [TB, AS], ["a11y"], ""),
        ("Threat model for payment flow", "Task", "", "Done", "High", MC, PR, [JA, TB, AS], [ZP], ["security"],
         "STRIDE workshop held 4 March; findings in Confluence page \"Payments TM\"."),
        ("Set up crash reporting & analytics dashboards", "Task", "", "Done", "Low", TB, PR, [AS], [LO, ZP, JA], ["observability"], ""),
        ("App Store / Play Store listing update", "Story", "", "To Do", "Low", LO, PR, [], [TB, AS, DK], ["release"], "Screenshots for 6.7\" and 5.5\" devices"),
        ("Regression test suite for release 4.2", "Task", "", "In Progress", "High", ZP, TB, [AS], [PR], ["qa"], ""),
        ("Automate smoke tests in CI", "Sub-task", "MOB-122", "In Progress", "Medium", ZP, TB, [JA], [], ["qa", "ci"], ""),
        ("Release 4.2 go/no-go", "Task", "", "To Do", "High", PR, PR, [TB, AS, MC], [JA, LO, ZP], ["release"], ""),
        ("Post-release monitoring (72h)", "Task", "", "To Do", "Medium", AS, TB, [JA], [PR, DK], ["release"], ""),
        ("Spike: evaluate Kotlin Multiplatform", "Task", "", "Backlog", "Low", "", "", [], [], [], "Timebox 3 days."),
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(head)
    tasks, recs = [], {}
    for n, (s, typ, parent, st, prio, R, A, C, I, labels, desc) in enumerate(issues):
        key = f"MOB-{112 + n if n < 1 else 112 + n}"
        iid = str(10482 + n)
        parent_id = str(10482 + int(parent.split("-")[1]) - 112) if parent else ""
        assignee = R if R else AS
        reporter = DK if typ == "Bug" else PR
        created = f"{3 + n:02d}/Mar/25 {9 + n % 8}:{(n * 7) % 60:02d} AM"
        updated = f"{14 + n % 5}/Mar/25 {1 + n % 11}:{(n * 13) % 60:02d} PM"
        lab = (labels + ["", ""])[:2]
        row = ([s, key, iid, parent_id, typ, st, prio, assignee, reporter, created, updated] + lab + [desc, R, A]
               + (C + [""] * NC)[:NC] + (I + [""] * NI)[:NI] + ["MOB Sprint 14" if st != "Backlog" else ""])
        w.writerow(row)
        tasks.append(s)
        recs[s] = (n + 2, R, A, C, I)
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    parties = [PR, TB, AS, JA, ZP, LO, MC, DK]
    col = {h: i for i, h in reversed(list(enumerate(head)))}  # first index per header

    def spot(t, p):
        rec, R, A, C, I = recs[t]
        let = ("R" if p == R else "") + ("A" if p == A else "") + ("C" if p in C else "") + ("I" if p in I else "")
        if p == R:
            ci = col["Custom field (Responsible)"]
        elif p == A:
            ci = col["Custom field (Accountable)"]
        elif p in C:
            ci = col["Custom field (Consulted)"] + C.index(p)
        elif p in I:
            ci = col["Custom field (Informed)"] + I.index(p)
        else:
            ci = 0
        return {"task": t, "party": p, "letters": "".join(sorted(let)), "row": rec, "cell": f"{L(ci + 1)}{rec}"}
    spots = [spot("Redesign onboarding flow", LO), spot("Implement biometric login (Face ID / fingerprint)", JA),
             spot("Migrate API auth to OAuth 2.1 / PKCE", AS), spot("Crash on Android 14 when rotating checkout screen", DK),
             spot("Threat model for payment flow", MC), spot("Set up crash reporting & analytics dashboards", ZP),
             spot("Release 4.2 go/no-go", PR), spot("Spike: evaluate Kotlin Multiplatform", AS)]
    KEY[name] = {
        "sheet": "93_jira-export_mobile-app-release", "task_count": len(tasks), "party_count": len(parties),
        "tasks": tasks, "parties": parties, "spot": spots,
        "notes": ["Jira 'Export CSV (all fields)' style, comma-delimited UTF-8 (no BOM), CRLF. Inverted list: people named in custom fields Responsible/Accountable/Consulted/Informed.",
                  "Multi-user picker fields exported as REPEATED headers: 'Custom field (Consulted)' x3 (columns Q-S), 'Custom field (Informed)' x3 (T-V); also 'Labels' twice (L-M).",
                  "Assignee (H) and Reporter (I) hold names too but are not the RACI; every name there also appears in the RACI fields (Daniel Kim as Reporter of the bug).",
                  "Description (N) contains quoted multi-line text (records 3, 7) and embedded double quotes; so 'row' here = CSV record number with header = 1, not the physical line number.",
                  "'Release 4.2 go/no-go': Priya Raman is both Responsible and Accountable (AR).",
                  "Sub-tasks (MOB-114, MOB-123) have Parent id filled; they are tasks. Last issue (spike) has no RACI at all, still a task (spot letters '').",
                  "Non-ASCII names: Jos\u00e9 \u00c1lvarez, Zo\u00eb Park; apostrophe in Liam O'Connor."]}


# --------------------------------------------------------------------------------------
# 94: SharePoint list 'Export to Excel' (owssvr sheet, Excel table), choice columns per team
# with multi-choice values 'R;#A', people columns Modified By / Created By, Item Type, Path.
# --------------------------------------------------------------------------------------
def f94():
    name = "94_sharepoint-list_m365-migration-raci.xlsx"
    teams = ["Service Desk", "M365 Admins", "Network Team", "Security Office", "HR Comms", "Project Sponsor"]
    data = [
        ("Identity", "Sync on-prem AD with Entra ID", ["I", "A", "C", "C", "", ""], ""),
        ("Identity", "Enforce MFA for all staff", ["R", "R", "", "A", "I", "I"], "Pilot with IT first"),
        ("Identity", "Conditional access policies", ["I", "R", "", "R;#A", "", ""], ""),
        ("Identity", "Break-glass admin accounts", ["", "R", "", "A", "", "I"], ""),
        ("Mail & Calendar", "Migrate mailboxes (batch 1 - pilot)", ["C", "R;#A", "C", "", "I", ""], "120 users"),
        ("Mail & Calendar", "Migrate mailboxes (batch 2 - all staff)", ["C", "R;#A", "C", "", "I", "I"], ""),
        ("Mail & Calendar", "Shared mailboxes & room resources", ["R", "A", "", "", "", ""], ""),
        ("Mail & Calendar", "Update MX / Autodiscover DNS records", ["", "A", "R", "C", "", ""], "Change window Sat 22:00"),
        ("Mail & Calendar", "Decommission Exchange 2016", ["", "A;#R", "C", "C", "", "I"], ""),
        ("Teams & OneDrive", "Teams governance policy", ["C", "R", "", "C", "C", "A"], "Sponsor wants to be C not I on naming policy"),
        ("Teams & OneDrive", "File share migration to SharePoint / OneDrive", ["I", "R", "C", "C", "", "A"], ""),
        ("Teams & OneDrive", "Retention & DLP labels", ["", "R", "", "A", "C", ""], ""),
        ("Teams & OneDrive", "External sharing settings", ["", "R", "", "A", "", "C"], ""),
        ("Devices", "Intune enrolment for laptops", ["R", "A", "I", "C", "", ""], ""),
        ("Devices", "Mobile device (BYOD) policy", ["C", "R", "", "A", "C", "I"], "Works council review"),
        ("Devices", "Microsoft 365 Apps rollout", ["R", "A", "C", "", "", ""], ""),
        ("Change & Training", "Communication plan", ["C", "", "", "", "R;#A", "C"], ""),
        ("Change & Training", "End-user training sessions", ["R", "C", "", "", "A", ""], ""),
        ("Change & Training", "Champions network", ["C", "", "", "", "R", "A"], ""),
        ("Change & Training", "Hypercare & floor walking", ["R;#A", "C", "", "", "I", "I"], ""),
    ]
    head = ["Title", "Workstream"] + teams + ["Target Date", "Status", "Comments", "Modified", "Modified By",
                                               "Created By", "Item Type", "Path"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "owssvr"
    ws.append(head)
    editors = ["Hartmann, Eva", "Okafor, Chidi", "Lindqvist, Sara"]
    rowmap = {}
    for i, (wsn, t, lets, com) in enumerate(data):
        r = i + 2
        row = [t, wsn] + [v if v else None for v in lets] + [
            dt.datetime(2025, 4, 1) + dt.timedelta(days=7 * (i // 3)),
            ["Not started", "In progress", "Completed"][i % 3] if i < 12 else "Not started",
            com or None,
            dt.datetime(2025, 3, 10, 9, 15) + dt.timedelta(hours=5 * i),
            editors[i % 3], editors[1], "Item", "sites/ITPMO/Lists/M365 Migration RACI"]
        ws.append(row)
        rowmap[t] = (r, lets)
        ws.cell(r, 9).number_format = "m/d/yyyy"
        ws.cell(r, 12).number_format = "m/d/yyyy h:mm"
    tab = Table(displayName="Table1", ref=f"A1:{L(len(head))}{len(data) + 1}")
    tab.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(tab)
    for c in range(1, len(head) + 1):
        ws.column_dimensions[L(c)].width = 16
    ws.column_dimensions["A"].width = 44
    wb.save(os.path.join(OUT, name))
    sel = [("Sync on-prem AD with Entra ID", "M365 Admins"), ("Conditional access policies", "Security Office"),
           ("Migrate mailboxes (batch 1 - pilot)", "M365 Admins"), ("Decommission Exchange 2016", "M365 Admins"),
           ("Teams governance policy", "Project Sponsor"), ("Mobile device (BYOD) policy", "HR Comms"),
           ("Communication plan", "M365 Admins"), ("Hypercare & floor walking", "Service Desk")]
    spots = []
    for t, p in sel:
        r, lets = rowmap[t]
        j = teams.index(p)
        spots.append({"task": t, "party": p, "letters": letters_of(lets[j].replace(";#", "")), "row": r, "cell": f"{L(3 + j)}{r}"})
    KEY[name] = {
        "sheet": "owssvr", "task_count": len(data), "party_count": len(teams),
        "tasks": [d[1] for d in data], "parties": teams, "spot": spots,
        "notes": ["SharePoint list 'Export to Excel' look: sheet 'owssvr', data in an Excel table 'Table1' (A1:P21), header row 1.",
                  "Multi-choice values use SharePoint's ';#' separator: 'R;#A' (e.g. F4, D6, G18, C21) and 'A;#R' (D10) = R and A.",
                  "'Workstream' (B) is a grouping column, not a party; 'Modified By'/'Created By' (M, N) hold person names 'Last, First' with a comma - not parties.",
                  "Trailing SharePoint columns 'Item Type' and 'Path'; dates in I and L.",
                  "Comments K11 contains letter-like text 'Sponsor wants to be C not I on naming policy'."]}


# --------------------------------------------------------------------------------------
# 95: Asana CSV export: one custom-field column per team holding full words (multi-select
# 'Responsible, Accountable'), Section/Column, subtasks via Parent task, Assignee + email.
# --------------------------------------------------------------------------------------
def f95():
    name = "95_asana-export_usage-billing-launch.csv"
    teams = ["Product", "Engineering", "Design", "Marketing", "Legal", "Customer Success"]
    RA = "Responsible, Accountable"
    W = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed", "RA": RA}
    # name, section, parent, assignee, {team: code}, notes
    data = [
        ("Write launch brief (PRD one-pager)", "Planning", "", "Hannah Lee",
         {"Product": "RA", "Engineering": "C", "Design": "C", "Marketing": "C", "Customer Success": "I"}, ""),
        ("Pricing & packaging decision", "Planning", "", "Marcus Webb",
         {"Product": "A", "Engineering": "I", "Marketing": "R", "Legal": "C", "Customer Success": "C"},
         "Options:\n- per seat + usage\n- pure usage (preferred by Sales)"),
        ("Competitive positioning", "Planning", "", "Marcus Webb",
         {"Product": "A", "Marketing": "R", "Customer Success": "C"}, ""),
        ("Build usage-based billing", "Build", "", "Ravi Patel",
         {"Product": "A", "Engineering": "R", "Legal": "I", "Customer Success": "I"}, "Epic-level task, see subtasks"),
        ("Metering service", "", "Build usage-based billing", "Ravi Patel", {"Engineering": "RA"}, ""),
        ("Invoice template changes", "", "Build usage-based billing", "Chloe Martin",
         {"Product": "A", "Engineering": "R", "Design": "C"}, ""),
        ("In-app upgrade flow", "Build", "", "Chloe Martin",
         {"Product": "A", "Engineering": "R", "Design": "R", "Marketing": "C"}, ""),
        ("Update Terms of Service", "Build", "", "Grace O'Neill",
         {"Product": "C", "Legal": "RA", "Customer Success": "I"}, "Needs outside counsel review"),
        ("Sales & CS enablement deck", "Launch readiness", "", "Marcus Webb",
         {"Product": "A", "Marketing": "R", "Customer Success": "C"}, ""),
        ("Help center articles", "Launch readiness", "", "Tomas Silva",
         {"Product": "C", "Marketing": "I", "Customer Success": "RA"}, ""),
        ("Launch blog post & email", "Launch readiness", "", "Marcus Webb",
         {"Product": "C", "Design": "C", "Marketing": "RA", "Legal": "C"}, ""),
        ("Beta customer feedback review", "Launch readiness", "", "Hannah Lee",
         {"Product": "A", "Engineering": "C", "Customer Success": "R"}, ""),
        ("Go-live feature flag rollout", "Launch & after", "", "Ravi Patel",
         {"Product": "A", "Engineering": "R", "Marketing": "I", "Customer Success": "I"}, "10% -> 50% -> 100% over 3 days"),
        ("Launch day war room", "Launch & after", "", "Hannah Lee",
         {"Product": "A", "Engineering": "R", "Marketing": "I", "Customer Success": "R"}, ""),
        ("30-day adoption review", "Launch & after", "", "Hannah Lee",
         {"Product": "RA", "Engineering": "I", "Design": "I", "Marketing": "C", "Customer Success": "C"}, ""),
        ("Book launch retro", "Launch & after", "", "Hannah Lee", {}, ""),
    ]
    head = ["Task ID", "Created At", "Completed At", "Last Modified", "Name", "Section/Column", "Assignee",
            "Assignee Email", "Start Date", "Due Date", "Tags", "Notes", "Projects", "Parent task",
            "Blocked By (Dependencies)", "Blocking (Dependencies)"] + teams
    email = lambda n: n.lower().replace("'", "").replace(" ", ".") + "@brightledger.io"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(head)
    rowmap = {}
    for i, (n, sec, par, who, lets, notes) in enumerate(data):
        tid = str(1207718830011200 + i * 37)
        created = f"2025-02-{10 + i:02d}"
        done = f"2025-03-{3 + i:02d}" if i < 4 else ""
        row = [tid, created, done, f"2025-03-{12 + i % 9:02d}", n, sec, who, email(who),
               "", f"2025-04-{1 + i:02d}", "launch,q2" if i % 3 == 0 else "", notes,
               "Usage Billing Launch", par, "", ""] + [W.get(lets.get(t, ""), "") for t in teams]
        w.writerow(row)
        rowmap[n] = (i + 2, lets)
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    sel = [("Write launch brief (PRD one-pager)", "Product"), ("Pricing & packaging decision", "Legal"),
           ("Metering service", "Engineering"), ("In-app upgrade flow", "Design"),
           ("Update Terms of Service", "Legal"), ("Help center articles", "Customer Success"),
           ("Launch day war room", "Customer Success"), ("Book launch retro", "Product")]
    spots = []
    for t, p in sel:
        r, lets = rowmap[t]
        j = teams.index(p)
        spots.append({"task": t, "party": p, "letters": letters_of(lets.get(p, "")), "row": r, "cell": f"{L(17 + j)}{r}"})
    KEY[name] = {
        "sheet": "95_asana-export_usage-billing-launch", "task_count": len(data), "party_count": len(teams),
        "tasks": [d[0] for d in data], "parties": teams, "spot": spots,
        "notes": ["Asana CSV export, comma, UTF-8, LF. RACI in one custom-field column per team (Q:V) with full words 'Responsible'/'Accountable'/'Consulted'/'Informed'; multi-select exported as 'Responsible, Accountable' (quoted because of the comma).",
                  "Assignee (G) and Assignee Email (H) hold people who are not RACI parties.",
                  "Section/Column (F) gives the phase; subtasks (rows 6, 7) have empty Section and 'Parent task' (N) = 'Build usage-based billing'. Subtasks are tasks.",
                  "Notes (L) contains multi-line text in record 3 ('row' = CSV record number, header = 1).",
                  "Last task 'Book launch retro' has no RACI values (spot letters '')."]}


# --------------------------------------------------------------------------------------
# 96: monday.com board export: board title row, one block per group (group name row + repeated
# header row), People columns Responsible/Accountable/Consulted/Informed (inverted, comma
# separated), subitems block with its own header inside a group.
# --------------------------------------------------------------------------------------
def f96():
    name = "96_monday-board_vendor-onboarding.xlsx"
    GT, OH, NP = "Grace Turner", "Omar Haddad", "Nadia Petrova"
    PROC, FIN, LEG, SEC = "Procurement", "Finance AP", "Legal Team", "Infosec"
    groups = [
        ("Intake & Due Diligence", [
            ("Vendor request form", [GT], [OH], [PROC], [FIN], "Done", []),
            ("Supplier risk screening", [PROC], [OH], [LEG, SEC], [GT], "Done", []),
            ("Security questionnaire (SIG Lite)", [SEC], [NP], [GT], [PROC], "Working on it",
             [("Send questionnaire to vendor", SEC, "Done"), ("Review SOC 2 Type II report", NP, "Working on it"),
              ("Remediation follow-up", SEC, "")]),
            ("Reference checks", [GT], [OH], [], [PROC], "Stuck", []),
        ]),
        ("Contracting", [
            ("Negotiate commercial terms", [PROC], [OH], [FIN, GT], [LEG], "Working on it", []),
            ("MSA & DPA review", [LEG], [OH], [NP, SEC], [PROC], "", []),
            ("Contract signature", [OH], [OH], [], [PROC, FIN, GT], "", []),
            ("Create purchase order", [PROC], [FIN], [], [GT], "", []),
        ]),
        ("Setup & Go-Live", [
            ("Create vendor master record", [FIN], [FIN], [PROC], [], "", []),
            ("Provision vendor system access", [SEC], [NP], [GT], [], "", []),
            ("Kick-off meeting with vendor", [GT], [OH], [], [PROC, SEC, FIN], "", []),
            ("30/60/90-day performance review", [GT], [OH], [PROC], [FIN], "", []),
        ]),
    ]
    head = ["Name", "Subitems", "Responsible", "Accountable", "Consulted", "Informed", "Status", "Due date", "Item ID"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Vendor Onboarding RACI"
    ws.cell(1, 1, "Vendor Onboarding RACI").font = Font(size=14, bold=True)
    r = 3
    rowmap, tasks, sub_names = {}, [], []
    iid = 1873004410
    d = dt.datetime(2025, 6, 2)
    for g, items in groups:
        ws.cell(r, 1, g).font = Font(bold=True, color="0073EA", size=12)
        r += 1
        for c, h in enumerate(head, 1):
            ws.cell(r, c, h).font = Font(bold=True)
        r += 1
        for (n, R, A, C, I, st, subs) in items:
            vals = [n, ", ".join(s[0] for s in subs) or None, ", ".join(R) or None, ", ".join(A) or None,
                    ", ".join(C) or None, ", ".join(I) or None, st or None, d, iid]
            for c, v in enumerate(vals, 1):
                ws.cell(r, c, v)
            ws.cell(r, 8).number_format = "yyyy-mm-dd"
            rowmap[n] = (r, R, A, C, I)
            tasks.append(n)
            iid += 17
            d += dt.timedelta(days=3)
            r += 1
            if subs:
                for c, h in enumerate(["Subitems", "Name", "Owner", "Status", "Date"], 1):
                    ws.cell(r, c, h).font = Font(bold=True, italic=True)
                r += 1
                for sn, own, sst in subs:
                    ws.cell(r, 2, sn)
                    ws.cell(r, 3, own)
                    ws.cell(r, 4, sst or None)
                    ws.cell(r, 5, d).number_format = "yyyy-mm-dd"
                    sub_names.append(sn)
                    r += 1
        r += 1  # blank row between groups
    for c, wdt in zip("ABCDEFGHI", (38, 30, 20, 20, 26, 30, 14, 12, 12)):
        ws.column_dimensions[c].width = wdt
    wb.save(os.path.join(OUT, name))
    parties = [GT, OH, PROC, FIN, LEG, SEC, NP]

    def spot(t, p):
        row, R, A, C, I = rowmap[t]
        let = "".join(sorted(x for x, lst in (("R", R), ("A", A), ("C", C), ("I", I)) if p in lst))
        colx = {"R": "C", "A": "D", "C": "E", "I": "F"}
        first = next((x for x, lst in (("R", R), ("A", A), ("C", C), ("I", I)) if p in lst), "R")
        return {"task": t, "party": p, "letters": let, "row": row, "cell": f"{colx[first]}{row}"}
    spots = [spot("Vendor request form", FIN), spot("Supplier risk screening", SEC),
             spot("Security questionnaire (SIG Lite)", NP), spot("Reference checks", PROC),
             spot("Negotiate commercial terms", GT), spot("Contract signature", OH),
             spot("Create vendor master record", FIN), spot("Kick-off meeting with vendor", SEC)]
    KEY[name] = {
        "sheet": "Vendor Onboarding RACI", "task_count": len(tasks), "task_count_ok": [len(tasks), len(tasks) + len(sub_names)],
        "party_count": len(parties),
        "tasks": tasks, "parties": parties, "spot": spots,
        "notes": ["monday.com-style export: board name in A1, then per group a group-name row (A3, A14, A21) followed by a REPEATED header row (rows 4, 15, 22); blank rows between groups.",
                  "Inverted: People columns Responsible/Accountable/Consulted/Informed (C:F) hold comma-separated people and teams.",
                  "'Contract signature': Omar Haddad in both Responsible and Accountable; 'Create vendor master record': Finance AP in both.",
                  "Item 'Security questionnaire (SIG Lite)' (row 7) is followed by a subitems block: own header row 8 'Subitems | Name | Owner | Status | Date' and 3 subitem rows 9-11 with the name in column B and an Owner in column C (which is the 'Responsible' column of the main header). Subitems are checklist items without RACI: not counted (accepted if counted).",
                  "Column B 'Subitems' of the main header lists subitem names comma-separated on row 7.",
                  "Status labels, Due date and Item ID columns are not parties."]}


# --------------------------------------------------------------------------------------
# 97: German hand-made .xls (Excel 97): DEMI scheme (D/E/M/I) with legend under the matrix,
# two-row header (role / person), merged phase rows, line breaks in headers, Deckblatt sheet.
# --------------------------------------------------------------------------------------
def f97():
    name = "97_ISMS-Einfuehrung_Verantwortungsmatrix.xls"
    roles = ["Informationssicherheitsbeauftragter\n(ISB)", "IT-Leitung", "Datenschutzbeauftragter\n(DSB)",
             "Gesch\u00e4ftsf\u00fchrung", "Fachbereiche", "Betriebsrat", "Externer Dienstleister"]
    persons = ["Fr. Weber", "Hr. Yilmaz", "Fr. Dr. K\u00f6nig", "Hr. Brandt", "(div.)", "Fr. Sch\u00e4fer", "SecureIT GmbH"]
    phases = [
        ("1  Initiierung", [
            ("1.1", "Leitlinie zur Informationssicherheit erstellen", ["D", "M", "M", "E", "I", "I", ""], ""),
            ("1.2", "Sicherheitsorganisation festlegen (Rollen, Gremien)", ["D", "M", "M", "E", "I", "I", ""], ""),
            ("1.3", "Budget und Ressourcen freigeben", ["M", "I", "", "E", "", "", ""], "Vorlage im Jour fixe GF"),
        ]),
        ("2  Strukturanalyse & Schutzbedarf", [
            ("2.1", "Informationsverbund abgrenzen", ["D/E", "M", "", "I", "M", "", ""], ""),
            ("2.2", "Strukturanalyse (Gesch\u00e4ftsprozesse, Anwendungen, IT-Systeme)", ["E", "D", "", "", "M", "", "M"], ""),
            ("2.3", "Schutzbedarfsfeststellung durchf\u00fchren", ["E", "M", "M", "", "D", "", ""], "je Fachbereich ein Workshop"),
            ("2.4", "Datenschutz-Folgenabsch\u00e4tzung (DSFA) pr\u00fcfen", ["M", "", "D/E", "", "M", "I", ""], ""),
        ]),
        ("3  Modellierung & IT-Grundschutz-Check", [
            ("3.1", "Bausteine modellieren", ["D/E", "M", "", "", "", "", "M"], ""),
            ("3.2", "IT-Grundschutz-Check durchf\u00fchren", ["E", "D", "", "", "M", "", "D"], "Dienstleister lt. Rahmenvertrag"),
            ("3.3", "Risikoanalyse f\u00fcr hohen Schutzbedarf", ["D", "M", "M", "E", "M", "", ""], ""),
            ("3.4", "Restrisiken akzeptieren", ["M", "I", "I", "E", "", "", ""], "nur schriftlich"),
        ]),
        ("4  Umsetzung & Betrieb", [
            ("4.1", "Ma\u00dfnahmen umsetzen (technisch)", ["E", "D", "", "", "I", "", "D"], ""),
            ("4.2", "Sensibilisierung & Schulung der Mitarbeitenden", ["D", "", "M", "I", "I", "M", ""], "Abstimmung mit BR (\u00a7 87 BetrVG)"),
            ("4.3", "Protokollierung & Monitoring einf\u00fchren", ["M", "D/E", "M", "", "", "M", "D"], "Betriebsvereinbarung erforderlich"),
            ("4.4", "Notfallmanagement / Notfallhandbuch", ["M", "D", "", "E", "M", "", "M"], ""),
            ("4.5", "Interne Audits und Managementbewertung", ["D", "I", "I", "E", "I", "", ""], "j\u00e4hrlich"),
        ]),
    ]
    wb = xlwt.Workbook(encoding="utf-8")
    title = xlwt.easyxf("font: bold on, height 280")
    bold = xlwt.easyxf("font: bold on; align: wrap on, vert centre, horiz centre; pattern: pattern solid, fore_colour pale_blue; "
                       "borders: left thin, right thin, top thin, bottom thin")
    sub = xlwt.easyxf("font: italic on; align: horiz centre; borders: left thin, right thin, bottom thin")
    phase = xlwt.easyxf("font: bold on; pattern: pattern solid, fore_colour gray25")
    cellc = xlwt.easyxf("align: horiz centre; borders: left thin, right thin, top thin, bottom thin")
    plain = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin")
    deck = wb.add_sheet("Deckblatt")
    deck.write(1, 1, "ISMS-Einf\u00fchrung nach BSI IT-Grundschutz", title)
    deck.write(3, 1, "Dokument:")
    deck.write(3, 2, "Verantwortungsmatrix (DEMI)")
    deck.write(4, 1, "Stand:")
    deck.write(4, 2, "03.02.2025")
    deck.write(5, 1, "Version:")
    deck.write(5, 2, "0.9 (Entwurf)")
    deck.write(6, 1, "Verteiler:")
    deck.write(6, 2, "Lenkungskreis ISMS")
    ws = wb.add_sheet("Verantwortungsmatrix")
    ncol = 2 + len(roles) + 1
    ws.write_merge(0, 0, 0, ncol - 1, "Verantwortungsmatrix ISMS-Einf\u00fchrung", title)
    ws.write_merge(1, 1, 0, ncol - 1, "Projekt: ISMS-Einf\u00fchrung  |  Stand: 03.02.2025  |  Version 0.9 (Entwurf)")
    # two-row header at rows 4-5 (1-based)
    ws.write_merge(3, 4, 0, 0, "Nr.", bold)
    ws.write_merge(3, 4, 1, 1, "Aufgabe / T\u00e4tigkeit", bold)
    for i, (ro, pe) in enumerate(zip(roles, persons)):
        ws.write(3, 2 + i, ro, bold)
        ws.write(4, 2 + i, pe, sub)
    ws.write_merge(3, 4, ncol - 1, ncol - 1, "Bemerkung", bold)
    r = 5  # 0-based -> Excel row 6
    rowmap, tasks = {}, []
    for ph, items in phases:
        ws.write_merge(r, r, 0, ncol - 1, ph, phase)
        r += 1
        for nr, t, lets, bem in items:
            ws.write(r, 0, nr, plain)
            ws.write(r, 1, t, plain)
            for j, v in enumerate(lets):
                ws.write(r, 2 + j, v, cellc)
            ws.write(r, ncol - 1, bem, plain)
            rowmap[t] = (r + 1, lets)
            tasks.append(t)
            r += 1
    r += 1
    ws.write(r, 0, "Legende:", xlwt.easyxf("font: bold on"))
    r += 1
    for k, v in (("D", "Durchf\u00fchrung \u2013 f\u00fchrt die Aufgabe aus"),
                 ("E", "Entscheidung \u2013 entscheidet, genehmigt, tr\u00e4gt die Gesamtverantwortung"),
                 ("M", "Mitwirkung \u2013 wird beteiligt, ber\u00e4t fachlich"),
                 ("I", "Information \u2013 wird \u00fcber Ergebnisse informiert")):
        ws.write(r, 0, k, xlwt.easyxf("align: horiz centre"))
        ws.write(r, 1, v)
        r += 1
    ws.col(0).width = 256 * 6
    ws.col(1).width = 256 * 58
    for j in range(len(roles)):
        ws.col(2 + j).width = 256 * 18
    ws.col(ncol - 1).width = 256 * 34
    ws.row(3).height_mismatch = True
    ws.row(3).height = 20 * 32
    ws.set_panes_frozen(True)
    ws.set_horz_split_pos(5)
    ws.set_vert_split_pos(2)
    ch = wb.add_sheet("\u00c4nderungshistorie")
    for i, row in enumerate([("Version", "Datum", "Autor", "\u00c4nderung"),
                             ("0.5", "12.12.2024", "Weber", "Erstentwurf"),
                             ("0.8", "20.01.2025", "Weber", "Betriebsrat erg\u00e4nzt"),
                             ("0.9", "03.02.2025", "Brandt", "Rollen GF angepasst")]):
        for j, v in enumerate(row):
            ch.write(i, j, v)
    wb.save(os.path.join(OUT, name))
    demi = {"D": "R", "E": "A", "M": "C", "I": "I"}
    pnames = [p.replace("\n", " ") for p in roles]
    sel = [("Leitlinie zur Informationssicherheit erstellen", 3), ("Budget und Ressourcen freigeben", 0),
           ("Informationsverbund abgrenzen", 0), ("Datenschutz-Folgenabsch\u00e4tzung (DSFA) pr\u00fcfen", 2),
           ("IT-Grundschutz-Check durchf\u00fchren", 6), ("Restrisiken akzeptieren", 4),
           ("Sensibilisierung & Schulung der Mitarbeitenden", 5), ("Protokollierung & Monitoring einf\u00fchren", 1)]
    spots = []
    for t, j in sel:
        row, lets = rowmap[t]
        spots.append({"task": t, "party": pnames[j], "letters": letters_of(lets[j], demi), "row": row, "cell": f"{L(3 + j)}{row}"})
    KEY[name] = {
        "sheet": "Verantwortungsmatrix", "task_count": len(tasks), "party_count": len(roles),
        "tasks": tasks, "parties": pnames, "spot": spots,
        "notes": ["German Excel 97-2003 .xls. First sheet 'Deckblatt' (cover), matrix on 'Verantwortungsmatrix', then '\u00c4nderungshistorie'.",
                  "DEMI scheme, legend BELOW the matrix ('Legende:' A27, letter rows 28-31): D = Durchf\u00fchrung -> R, E = Entscheidung -> A, M = Mitwirkung -> C, I = Information -> I. The legend rows put the letter in the 'Nr.' column A and text in B - not tasks.",
                  "Two-row header: row 4 role names (parties; two contain a line break before '(ISB)'/'(DSB)' - key uses a space), row 5 person names (Fr. Weber, ...) which are not separate parties. 'Nr.' (A4:A5), 'Aufgabe / T\u00e4tigkeit' (B4:B5) and 'Bemerkung' (J4:J5) merged vertically.",
                  "Merged phase rows at 6, 10, 15, 20. Combined 'D/E' = RA (C11, C16, E14, D23).",
                  "'Bemerkung' column J has free text incl. '(\u00a7 87 BetrVG)'. Umlauts/\u00df in task names."]}


# --------------------------------------------------------------------------------------
# 98: Spanish Trello-to-CSV (power-up export), ';' delimited, Windows-1252, CRLF. Inverted:
# Responsable (R) / Aprobador (A) / Consultado (C) / Informado (I) custom fields with teams.
# Lists are Kanban status, labels hold phase; one archived card.
# --------------------------------------------------------------------------------------
def f98():
    name = "98_trello-export_migracion-crm.csv"
    COM, DC, TI, DTI, MK, AC, FIN, PI = ("Equipo Comercial", "Direcci\u00f3n Comercial", "TI - Sistemas", "Direcci\u00f3n de TI",
                                         "Marketing", "Atenci\u00f3n al Cliente", "Finanzas", "Partner de implantaci\u00f3n")
    cards = [
        ("Levantamiento de requisitos de ventas", "Hecho", "Fase 1 - An\u00e1lisis", [COM], [DC], [TI, AC], [MK], "no"),
        ("Inventario de datos del CRM actual", "Hecho", "Fase 1 - An\u00e1lisis", [TI], [DTI], [COM], [], "no"),
        ("Selecci\u00f3n de la herramienta (RFP)", "Hecho", "Fase 1 - An\u00e1lisis", [DTI], [DC], [TI, COM, FIN], [MK, AC], "no"),
        ("Aprobaci\u00f3n del presupuesto", "Hecho", "Fase 1 - An\u00e1lisis", [FIN], [DC], [DTI], [COM], "no"),
        ("Dise\u00f1o del modelo de datos", "En curso", "Fase 2 - Dise\u00f1o", [PI], [DTI], [TI, COM], [], "no"),
        ("Configuraci\u00f3n de embudos y etapas de venta", "En curso", "Fase 2 - Dise\u00f1o", [PI, COM], [DC], [MK], [AC], "no"),
        ("Limpieza y deduplicaci\u00f3n de clientes", "En curso", "Fase 3 - Migraci\u00f3n", [TI], [DTI], [COM, AC], [DC], "no"),
        ("Migraci\u00f3n de oportunidades abiertas", "Por hacer", "Fase 3 - Migraci\u00f3n", [PI], [DTI], [COM], [DC, FIN], "no"),
        ("Integraci\u00f3n con ERP (facturaci\u00f3n)", "Por hacer", "Fase 3 - Migraci\u00f3n", [TI, PI], [DTI], [FIN], [COM], "no"),
        ("Integraci\u00f3n con WhatsApp Business (descartada)", "Por hacer", "Fase 3 - Migraci\u00f3n", [PI], [DTI], [AC], [MK], "s\u00ed"),
        ("Formaci\u00f3n a usuarios clave", "Por hacer", "Fase 4 - Puesta en marcha", [PI], [DC], [TI], [COM, AC], "no"),
        ("Plantillas de email y campa\u00f1as", "Por hacer", "Fase 4 - Puesta en marcha", [MK], [MK], [COM], [DC], "no"),
        ("Pruebas de aceptaci\u00f3n (UAT)", "Por hacer", "Fase 4 - Puesta en marcha", [COM, AC], [DC], [TI], [DTI], "no"),
        ("Arranque en producci\u00f3n (go-live)", "Por hacer", "Fase 4 - Puesta en marcha", [TI], [DTI], [DC, PI], [COM, MK, AC, FIN], "no"),
        ("Soporte post-arranque (4 semanas)", "Por hacer", "Fase 4 - Puesta en marcha", [TI, AC], [DTI], [PI], [DC], "no"),
    ]
    head = ["ID de tarjeta", "Nombre", "Lista", "Etiquetas", "Miembros", "Fecha de vencimiento",
            "Responsable (R)", "Aprobador (A)", "Consultado (C)", "Informado (I)", "Archivada", "URL"]
    members = ["@lgarcia", "@mfernandez", "@jruiz", "@apuig"]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(head)
    rowmap = {}
    for i, (n, lst, lab, R, A, C, I, arch) in enumerate(cards):
        cid = f"65f1c2a9e4b0{i:02d}7d3c8a{i * 3:02d}"
        row = [cid, n, lst, lab, ", ".join(members[(i + k) % 4] for k in range(1 + i % 2)),
               f"{(i * 3) % 28 + 1:02d}/{4 + i // 5:02d}/2025", ", ".join(R), ", ".join(A), ", ".join(C), ", ".join(I),
               arch, f"https://trello.com/c/{cid[:8]}/{i + 3}"]
        w.writerow(row)
        rowmap[n] = (i + 2, R, A, C, I)
    with open(os.path.join(OUT, name), "w", encoding="cp1252", newline="") as f:
        f.write(buf.getvalue())
    parties = [COM, DC, TI, DTI, MK, AC, FIN, PI]
    colx = {"R": "G", "A": "H", "C": "I", "I": "J"}

    def spot(t, p):
        row, R, A, C, I = rowmap[t]
        let = "".join(sorted(x for x, lst in (("R", R), ("A", A), ("C", C), ("I", I)) if p in lst))
        first = next((x for x, lst in (("R", R), ("A", A), ("C", C), ("I", I)) if p in lst), "R")
        return {"task": t, "party": p, "letters": let, "row": row, "cell": f"{colx[first]}{row}"}
    spots = [spot(cards[0][0], AC), spot(cards[2][0], FIN), spot(cards[5][0], COM), spot(cards[8][0], PI),
             spot(cards[11][0], MK), spot(cards[12][0], AC), spot(cards[13][0], FIN), spot(cards[14][0], MK)]
    KEY[name] = {
        "sheet": "98_trello-export_migracion-crm", "task_count": len(cards), "task_count_ok": [len(cards), len(cards) - 1],
        "party_count": len(parties),
        "tasks": [c[0] for c in cards], "parties": parties, "spot": spots,
        "notes": ["Spanish Trello board export: ';' delimiter, Windows-1252 encoding (accents: Direcci\u00f3n, Atenci\u00f3n, Dise\u00f1o), CRLF, no BOM.",
                  "Inverted: custom fields 'Responsable (R)', 'Aprobador (A)', 'Consultado (C)', 'Informado (I)' (G:J) hold team names, several comma-separated.",
                  "'Lista' (C) is the Kanban status (Hecho / En curso / Por hacer), 'Etiquetas' (D) holds the phase; 'Miembros' (E) holds @usernames - not parties.",
                  "Card on line 11 is archived (Archivada = 's\u00ed', name ends '(descartada)'); counted as a task, 14 also accepted.",
                  "'Plantillas de email y campa\u00f1as': Marketing is both R and A. 'Partner de implantaci\u00f3n' is a party (external).",
                  "Dates dd/mm/yyyy."]}


# --------------------------------------------------------------------------------------
# 99: Microsoft Planner 'Export plan to Excel': metadata rows above the header, RACI encoded
# in Labels ('R - Server Team;A - IT Director;...') mixed with non-RACI labels; Assigned To,
# Created By, Completed By people columns; Checklist items with ';'.
# --------------------------------------------------------------------------------------
def f99():
    name = "99_planner-export_datacenter-move.xlsx"
    SRV, NET, DIR, FAC, SD, SEC, APP = ("Server Team", "Network Team", "IT Director", "Facilities", "Service Desk",
                                        "Security", "Application Owners")
    # name, bucket, progress, prio, assigned, {party: letters}, extra labels, checklist, description
    data = [
        ("Confirm move date with business", "Planning", "Completed", "Important", "Marta Kowalski",
         {DIR: "A", APP: "C", SD: "I", SRV: "R"}, [], "", ""),
        ("Sign colocation contract", "Planning", "Completed", "Urgent", "Marta Kowalski",
         {DIR: "RA", FAC: "C", SEC: "C"}, ["Vendor"], "", "Contract ref CO-2025-118"),
        ("Inventory racks, servers and cabling", "Planning", "Completed", "Medium", "Ken Ito;Bola Adeyemi",
         {SRV: "R", NET: "R", DIR: "A"}, [], "Rack A1-A8;Rack B1-B6;Patch panels", ""),
        ("Application dependency mapping", "Planning", "In progress", "Important", "Priscilla Gomes",
         {APP: "R", SRV: "C", NET: "C", DIR: "A"}, [], "", "Use CMDB export + interviews"),
        ("Design new network topology", "Pre-move", "In progress", "Important", "Bola Adeyemi",
         {NET: "RA", SEC: "C", SRV: "C"}, [], "", ""),
        ("Firewall rule migration", "Pre-move", "Not started", "Urgent", "Bola Adeyemi",
         {NET: "R", SEC: "A", APP: "C"}, ["Blocked"], "Export rules;Review with Security;Stage on new FW", "Waiting for rule review"),
        ("Order cross-connects and power", "Pre-move", "Completed", "Medium", "Femi Olatunji",
         {FAC: "R", NET: "C", DIR: "A"}, ["Vendor"], "", ""),
        ("Backup verification of all systems", "Pre-move", "Not started", "Urgent", "Ken Ito",
         {SRV: "RA", APP: "I"}, [], "Test restore 3 VMs;Check tape catalog", ""),
        ("Freeze change calendar", "Pre-move", "Not started", "Medium", "Priscilla Gomes",
         {SD: "R", DIR: "A", APP: "I", SRV: "I", NET: "I"}, [], "", ""),
        ("User communication & outage notice", "Pre-move", "Not started", "Medium", "Anja Roth",
         {SD: "R", DIR: "A", APP: "C"}, [], "", "Send 2 weeks + 2 days before"),
        ("Shutdown & de-rack servers", "Move weekend", "Not started", "Urgent", "Ken Ito;Femi Olatunji",
         {SRV: "R", FAC: "R", DIR: "A"}, ["Weekend work", "Vendor"], "Label cables;Photograph racks;Shutdown order per runbook", ""),
        ("Transport hardware (insured movers)", "Move weekend", "Not started", "Urgent", "Femi Olatunji",
         {FAC: "RA", SEC: "I"}, ["Weekend work", "Vendor"], "", ""),
        ("Re-rack, cable and power on", "Move weekend", "Not started", "Urgent", "Ken Ito;Bola Adeyemi",
         {SRV: "R", NET: "R", FAC: "C", DIR: "A"}, ["Weekend work"], "", ""),
        ("Network & firewall cut-over", "Move weekend", "Not started", "Urgent", "Bola Adeyemi",
         {NET: "R", SEC: "A", SRV: "C"}, ["Weekend work"], "", ""),
        ("Application smoke tests", "Move weekend", "Not started", "Important", "Priscilla Gomes",
         {APP: "R", SRV: "C", SD: "I", DIR: "A"}, ["Weekend work"], "", ""),
        ("Hypercare service desk staffing", "Post-move", "Not started", "Medium", "Anja Roth",
         {SD: "RA", SRV: "C", NET: "C"}, [], "", ""),
        ("Decommission old data center", "Post-move", "Not started", "Low", "Femi Olatunji",
         {FAC: "R", DIR: "A", SEC: "C"}, [], "Wipe disks (certified);Return keys;Final invoice", ""),
        ("Lessons learned", "Post-move", "Not started", "Low", "Marta Kowalski",
         {DIR: "RA", SRV: "C", NET: "C", FAC: "C", SD: "C", SEC: "C", APP: "C"}, [], "", ""),
    ]
    # label order as Planner exports it: by label slot, not by letter
    slots = ["A - IT Director", "R - IT Director", "R - Server Team", "R - Network Team", "Vendor", "R - Facilities",
             "R - Service Desk", "R - Application Owners", "A - Security", "C - Server Team", "C - Network Team",
             "C - Security", "C - Facilities", "C - Application Owners", "C - Service Desk", "I - Service Desk",
             "I - Application Owners", "I - Server Team", "I - Network Team", "I - Security", "Blocked",
             "Weekend work", "A - Server Team", "A - Network Team", "A - Facilities"]
    head = ["Task ID", "Task Name", "Bucket Name", "Progress", "Priority", "Assigned To", "Created By", "Created Date",
            "Start date", "Due date", "Is Recurring", "Late", "Completed Date", "Completed By",
            "Completed Checklist Items", "Checklist Items", "Labels", "Description"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Datacenter Move 2025"
    ws["A1"], ws["B1"] = "Plan name", "Datacenter Move 2025"
    ws["A2"], ws["B2"] = "Plan ID", "qX3v8LkT0E2pZ4mN7rYb1GUAF9sK"
    ws["A3"], ws["B3"] = "Export date", "3/18/2025"
    for c, h in enumerate(head, 1):
        ws.cell(5, c, h).font = Font(bold=True)
    rowmap = {}
    for i, (n, b, prog, prio, who, lets, extra, chk, desc) in enumerate(data):
        r = 6 + i
        labs = []
        for p, ls in lets.items():
            for ch in ls:
                labs.append(f"{ch} - {p}")
        labs += extra
        for lab in labs:
            if lab not in slots:
                slots.append(lab)
        labs.sort(key=slots.index)
        nchk = len(chk.split(";")) if chk else 0
        done_chk = nchk if prog == "Completed" else (1 if nchk and prog == "In progress" else 0)
        vals = [f"{'TnK2'}{i:02d}aQx7bU2Qk{'m' * (i % 3)}ZQ", n, b, prog, prio, who, "Marta Kowalski",
                "1/{:d}/2025".format(8 + i), "", "{}/{}/2025".format(4 + i // 6, (i * 5) % 28 + 1), "false",
                "false", "3/{:d}/2025".format(1 + i) if prog == "Completed" else "",
                who.split(";")[0] if prog == "Completed" else "", f"{done_chk}/{nchk}" if nchk else "", chk,
                ";".join(labs), desc]
        for c, v in enumerate(vals, 1):
            ws.cell(r, c, v if v != "" else None)
        rowmap[n] = (r, lets)
    ws.column_dimensions["B"].width = 38
    ws.column_dimensions["Q"].width = 70
    wb.save(os.path.join(OUT, name))
    parties = [SRV, NET, DIR, FAC, SD, SEC, APP]
    sel = [("Sign colocation contract", DIR), ("Application dependency mapping", NET), ("Firewall rule migration", SEC),
           ("Backup verification of all systems", SRV), ("Shutdown & de-rack servers", FAC),
           ("Transport hardware (insured movers)", SD), ("Hypercare service desk staffing", SD), ("Lessons learned", APP)]
    spots = [{"task": t, "party": p, "letters": letters_of(rowmap[t][1].get(p, "")), "row": rowmap[t][0],
              "cell": f"Q{rowmap[t][0]}"} for t, p in sel]
    KEY[name] = {
        "sheet": "Datacenter Move 2025", "task_count": len(data), "party_count": len(parties),
        "tasks": [d[0] for d in data], "parties": parties, "spot": spots,
        "notes": ["Planner 'Export plan to Excel' look: metadata rows 1-3 (Plan name / Plan ID / Export date), blank row 4, header on row 5.",
                  "RACI lives only in the 'Labels' column Q, ';'-separated, as labels named '<letter> - <party>' (e.g. 'A - IT Director;R - IT Director;C - Security'), in label-slot order, not R-A-C-I order.",
                  "Labels also include non-RACI labels 'Vendor', 'Blocked', 'Weekend work' (not parties).",
                  "People columns 'Assigned To' (F, ';'-separated), 'Created By' (G), 'Completed By' (N) are individuals, not the RACI parties.",
                  "'Checklist Items' (P) also ';'-separated; 'Bucket Name' (C) is the phase.",
                  "Spot cells all point at the Labels cell of the row (Q); empty spots are parties without a label on that task."]}


for fn in (f91, f92, f93, f94, f95, f96, f97, f98, f99):
    fn()
with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(KEY, f, ensure_ascii=False, indent=2)
print("\n".join(f"{k}: {v['task_count']} tasks, {v['party_count']} parties" for k, v in KEY.items()))
