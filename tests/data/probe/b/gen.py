#!/usr/bin/env python3
"""Generate realistic tool-export RACI files 71..79 and expected.json (probe b)."""
import csv, io, json, os, random, datetime as dt
import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill, Border, Side
from openpyxl.utils import get_column_letter as CL
from openpyxl.worksheet.table import Table, TableStyleInfo

HERE = os.path.dirname(os.path.abspath(__file__))
KEY = {}


def assign(rng, parties, tasks, no_a=(), extra=None):
    """Return {task_index: {party: 'letters'}} with plausible RACI patterns."""
    out = {}
    for i, _ in enumerate(tasks):
        cells = {p: "" for p in parties}
        a = rng.choice(parties)
        if i not in no_a:
            cells[a] += "A"
        rs = rng.sample(parties, rng.choice([1, 1, 1, 2]))
        for r in rs:
            cells[r] = ("R" + cells[r]) if "R" not in cells[r] else cells[r]
        free = [p for p in parties if not cells[p]]
        for p in rng.sample(free, min(len(free), rng.choice([0, 1, 1, 2]))):
            cells[p] = "C"
        free = [p for p in parties if not cells[p]]
        for p in rng.sample(free, min(len(free), rng.choice([0, 1, 2, 2, 3]))):
            cells[p] = "I"
        out[i] = cells
    if extra:
        for (i, p), v in extra.items():
            out[i][p] = v
    return out


def setrow(L, i, d):
    """Replace a task's whole row of letters with d (others empty)."""
    for p in L[i]:
        L[i][p] = ""
    for p, v in d.items():
        assert p in L[i], p
        L[i][p] = v


def pick_spots(rng, tasks, parties, letters, where, n=8):
    """where(ti, party) -> (row, cell). Mix: multi-letter, empty, first/last task, last party."""
    allc = [(t, p) for t in range(len(tasks)) for p in parties]
    chosen = []
    multi = [c for c in allc if len(letters[c[0]][c[1]]) > 1]
    empty = [c for c in allc if not letters[c[0]][c[1]]]
    if multi:
        chosen += rng.sample(multi, min(2, len(multi)))
    if empty:
        chosen += rng.sample(empty, 1)
    firsts = [c for c in allc if c[0] == 0 and letters[0][c[1]]]
    lasts = [c for c in allc if c[0] == len(tasks) - 1 and letters[c[0]][c[1]]]
    lastp = [c for c in allc if c[1] == parties[-1] and letters[c[0]][c[1]]]
    for pool in (firsts, lasts, lastp):
        pool = [c for c in pool if c not in chosen]
        if pool:
            chosen.append(rng.choice(pool))
    rest = [c for c in allc if c not in chosen and letters[c[0]][c[1]]]
    while len(chosen) < n:
        c = rng.choice(rest)
        rest.remove(c)
        chosen.append(c)
    chosen.sort(key=lambda c: (c[0], parties.index(c[1])))
    spots = []
    for t, p in chosen:
        row, cell = where(t, p)
        spots.append({"task": tasks[t].strip(), "party": p, "letters": letters[t][p],
                      "row": row, "cell": cell})
    return spots


def key(name, sheet, tasks, parties, spots, notes, tc_ok=None, pc_ok=None):
    k = {"sheet": sheet, "task_count": len(tasks)}
    if tc_ok:
        k["task_count_ok"] = tc_ok
    k["party_count"] = len(parties)
    if pc_ok:
        k["party_count_ok"] = pc_ok
    k.update({"tasks": [t.strip() for t in tasks], "parties": parties, "spot": spots, "notes": notes})
    KEY[name] = k


def P(name):
    return os.path.join(HERE, name)


# ---------------------------------------------------------------- 71 SharePoint
def f71():
    name = "71_sharepoint-raci-list.xlsx"
    rng = random.Random(71)
    parties = ["Okafor, Chidi", "Lindqvist, Maria", "Brennan, Patrick", "Tanaka, Yuki",
               "Alvarez, Sofia", "Whitfield, James", "Nguyen, Thao", "IT Service Desk Members"]
    rows = [  # title, workstream
        ("Confirm M365 tenant licensing counts", "Infrastructure"),
        ("Provision Azure AD Connect staging server", "Infrastructure"),
        ("Configure hybrid Exchange connectors", "Infrastructure"),
        ("Migrate pilot mailboxes (IT dept)", "Infrastructure"),
        ("Migrate remaining mailboxes - wave 1", "Infrastructure"),
        ("Migrate remaining mailboxes - wave 2", "Infrastructure"),
        ("Inventory file shares for OneDrive move", "Applications"),
        ("Map departmental shares to SharePoint sites", "Applications"),
        ("Run SharePoint Migration Tool scans", "Applications"),
        ("Rebuild Teams channels for Finance", "Applications"),
        ("Update Conditional Access policies", "Security"),
        ("Enable MFA for all staff", "Security"),
        ("Review DLP policy for external sharing", "Security"),
        ("Publish end-user FAQ on intranet", "Cutover"),
        ("Brief helpdesk on top 20 tickets", "Cutover"),
        ("Change MX records", "Cutover"),
        ("Decommission on-prem Exchange 2016", "Cutover"),
        ("Post-migration lessons learned", "Cutover"),
    ]
    tasks = [r[0] for r in rows]
    people = parties[:7]
    L = assign(rng, people, tasks)
    for i in L:
        L[i]["IT Service Desk Members"] = ""
    # SharePoint group shows up in Informed on cutover items, Responsible on helpdesk brief
    for i in (13, 15, 16):
        L[i]["IT Service Desk Members"] = "I"
    L[14]["IT Service Desk Members"] = "R"
    L[11]["IT Service Desk Members"] = "C"
    # one person both Responsible and Accountable
    setrow(L, 4, {"Tanaka, Yuki": "AR", "Nguyen, Thao": "R", "Brennan, Patrick": "C", "Okafor, Chidi": "I"})
    # accountable single-person: ensure exactly one A each (assign gives one)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "owssvr"
    hdr = ["Title", "Workstream", "Responsible", "Accountable", "Consulted", "Informed",
           "Status", "Due Date", "Modified", "Modified By", "Item Type", "Path"]
    ws.append(hdr)
    status = ["Completed", "Completed", "In Progress", "In Progress", "Not Started"]
    base = dt.datetime(2024, 2, 5)
    for i, (t, w) in enumerate(rows):
        def col(letter):
            return ";".join(p for p in parties if letter in L[i][p]) or None
        ws.append([t, w, col("R"), col("A"), col("C"), col("I"),
                   status[min(i // 4, 4)], base + dt.timedelta(days=7 * (i // 2 + 1)),
                   dt.datetime(2024, 3, 1, 9, 14) + dt.timedelta(hours=5 * i, minutes=7 * i),
                   rng.choice(["Okafor, Chidi", "Lindqvist, Maria", "SharePoint App"]),
                   "Item", "sites/PMO-M365Migration/Lists/RACI Matrix"])
    for r in range(2, ws.max_row + 1):
        ws.cell(r, 8).number_format = "m/d/yyyy"
        ws.cell(r, 9).number_format = "m/d/yyyy h:mm AM/PM"
    tab = Table(displayName="Table_owssvr_1", ref=f"A1:{CL(len(hdr))}{ws.max_row}")
    tab.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(tab)
    for c, wdt in zip("ABCDEFGHIJKL", [44, 15, 34, 20, 34, 40, 12, 11, 18, 18, 9, 42]):
        ws.column_dimensions[c].width = wdt
    wb.save(P(name))
    colof = {"R": "C", "A": "D", "C": "E", "I": "F"}

    def where(t, p):
        r = t + 2
        lets = L[t][p]
        c = colof[next((x for x in "RACI" if x in lets), "R")]
        return r, f"{c}{r}"
    spots = pick_spots(rng, tasks, parties, L, where)
    key(name, "owssvr", tasks, parties, spots, [
        "SharePoint list 'Export to Excel' (owssvr query table) saved as xlsx: inverted list, "
        "columns C:F = Responsible/Accountable/Consulted/Informed are person fields.",
        "Person names are written 'Last, First' (comma inside a name); multiple people in one "
        "person field are separated by ';' without spaces, e.g. C6.",
        "'IT Service Desk Members' is a SharePoint group put in person fields (R on row 16, I/C elsewhere) - counted as a party.",
        "Trailing system columns Status, Due Date, Modified, Modified By, Item Type, Path (G:L) are not RACI; "
        "'Modified By' holds people names too but is not a role.",
        "Row 6 (wave 1): Tanaka, Yuki is in both Responsible and Accountable -> AR.",
    ])


# ---------------------------------------------------------------- 72 Smartsheet
def f72():
    name = "72_smartsheet-crm-rollout.xlsx"
    rng = random.Random(72)
    parties = ["Exec Sponsor", "Program Manager", "Salesforce Admin", "Data Team",
               "Sales Ops", "Training Lead", "IT Security"]
    # (level, name, is_task)
    plan = [
        (0, "Phase 1 - Discovery", False),
        (1, "Stakeholder interviews", True),
        (1, "Document current-state sales process", True),
        (1, "Define CRM requirements backlog", True),
        (1, "Vendor licensing review", True),
        (0, "Phase 2 - Build", False),
        (1, "Configure objects and page layouts", True),
        (1, "Lead routing rules", True),
        (1, "Integrations", False),
        (2, "ERP order sync (MuleSoft)", True),
        (2, "Marketing automation connector", True),
        (2, "SSO via Okta", True),
        (1, "Data migration", False),
        (2, "Data cleansing of legacy accounts", True),
        (2, "Field mapping sign-off", True),
        (2, "Trial load to full sandbox", True),
        (2, "Production data load", True),
        (1, "Security review of profiles & permission sets", True),
        (0, "Phase 3 - Deploy", False),
        (1, "UAT with regional sales leads", True),
        (1, "Train-the-trainer sessions", True),
        (1, "End-user training (3 waves)", True),
        (1, "Go/No-Go decision", True),
        (1, "Go-live cutover weekend", True),
        (0, "Phase 4 - Hypercare", False),
        (1, "Daily hypercare stand-up", True),
        (1, "Decommission legacy CRM", True),
        (1, "Project closure report", True),
    ]
    tasks = [n for lvl, n, t in plan if t]
    L = assign(rng, parties, tasks, no_a=(10,))
    setrow(L, tasks.index("Go/No-Go decision"), {"Exec Sponsor": "A", "Program Manager": "R", "Sales Ops": "C",
           "Salesforce Admin": "C", "Training Lead": "I", "Data Team": "I", "IT Security": "I"})
    setrow(L, tasks.index("Security review of profiles & permission sets"), {"IT Security": "AR", "Salesforce Admin": "R", "Program Manager": "I"})
    setrow(L, tasks.index("Production data load"), {"Data Team": "AR", "Salesforce Admin": "R", "Sales Ops": "C", "Program Manager": "I", "Exec Sponsor": "I"})
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "CRM Rollout - RACI"
    hdr = ["Task Name", "Status", "Start", "End", "Duration"] + parties + \
          ["% Complete", "Comments", "Created By", "Modified", "Modified By"]
    ws.append(hdr)
    hfont = Font(bold=True, color="FFFFFF")
    for c in range(1, len(hdr) + 1):
        ws.cell(1, c).font = hfont
        ws.cell(1, c).fill = PatternFill("solid", fgColor="2F5597")
    ti = 0
    d0 = dt.datetime(2024, 1, 8, 8, 0)
    r = 2
    rows_of = {}
    for lvl, n, is_task in plan:
        ws.cell(r, 1, n).alignment = Alignment(indent=lvl * 2)
        if lvl:
            ws.row_dimensions[r].outlineLevel = lvl
        if not is_task:
            ws.cell(r, 1).font = Font(bold=True)
            ws.cell(r, 2, None)
            ws.cell(r, 3, d0 + dt.timedelta(days=7 * r // 2))
            ws.cell(r, 4, d0 + dt.timedelta(days=7 * r // 2 + 30))
            ws.cell(r, 5, "31d")
        else:
            st = "Complete" if ti < 8 else ("In Progress" if ti < 14 else "Not Started")
            ws.cell(r, 2, st)
            ws.cell(r, 3, d0 + dt.timedelta(days=5 * ti))
            ws.cell(r, 4, d0 + dt.timedelta(days=5 * ti + 4))
            ws.cell(r, 5, "5d" if n != "Go/No-Go decision" else "0")
            for j, p in enumerate(parties):
                v = L[ti][p]
                # Smartsheet multi-select dropdown cells export as "A, R"
                v = ", ".join(sorted(v)) if v else None
                ws.cell(r, 6 + j, v).alignment = Alignment(horizontal="center")
            ws.cell(r, 6 + len(parties), 1.0 if st == "Complete" else (0.5 if st == "In Progress" else 0))
            ws.cell(r, 6 + len(parties)).number_format = "0%"
            rows_of[ti] = r
            ti += 1
        ws.cell(r, len(hdr) - 2, "dana.whitlock@northwind.com")
        ws.cell(r, len(hdr) - 1, dt.datetime(2024, 3, 4, 16, 22) - dt.timedelta(hours=r))
        ws.cell(r, len(hdr) - 1).number_format = "mm/dd/yy h:mm AM/PM"
        ws.cell(r, len(hdr), rng.choice(["dana.whitlock@northwind.com", "raj.iyer@northwind.com"]))
        for c in (3, 4):
            ws.cell(r, c).number_format = "mm/dd/yy"
        r += 1
    ws.cell(rows_of[tasks.index("Lead routing rules")], len(hdr) - 3,
            "Waiting on territory list from Sales Ops")
    ws.sheet_properties.outlinePr.summaryBelow = False
    ws.column_dimensions["A"].width = 46
    ws.freeze_panes = "B2"
    wb.save(P(name))

    def where(t, p):
        rr = rows_of[t]
        return rr, f"{CL(6 + parties.index(p))}{rr}"
    spots = pick_spots(rng, tasks, parties, L, where)
    key(name, "CRM Rollout - RACI", tasks, parties, spots, [
        "Smartsheet 'Export to Microsoft Excel': hierarchy only via cell indent (Alignment.indent) in column A "
        "and row outline levels; parent rows (A2 'Phase 1 - Discovery', A10 'Integrations', A14 'Data migration', "
        "A20, A26) are bold, have rolled-up Start/End/Duration but no letters -> headings, not tasks.",
        "Party columns F:L; multi-select dropdown cells export as 'A, R' (comma+space).",
        "'Field mapping sign-off' (row 16) has no A at all; 'Go/No-Go decision' has Duration '0' (milestone).",
        "Extra columns Status/Start/End/Duration before the parties; % Complete, Comments, Created By, "
        "Modified, Modified By (system columns, e-mail addresses) after them.",
    ], tc_ok=[len(tasks)])


# ---------------------------------------------------------------- 73 Notion
def f73():
    name = "73_notion-launch-raci.csv"
    rng = random.Random(73)
    parties = ["Design", "Engineering", "Marketing", "Legal", "Customer Success", "Leadership"]
    tasks = [
        "Finalize pricing page copy", "Beta feedback synthesis", "Onboarding checklist redesign",
        "In-app announcement banner", "Update Terms of Service for usage-based billing",
        "Launch blog post", "Press kit & screenshots", "Help center articles (12)",
        "Webinar for existing customers", "Feature flag rollout plan", "Load test billing service",
        "Sales enablement deck", "Churn-risk customer outreach", "Launch day war room",
        "Post-launch metrics review",
    ]
    L = assign(rng, parties, tasks)
    setrow(L, 6, {"Marketing": "AR", "Design": "R", "Leadership": "I"})
    setrow(L, 4, {"Legal": "AR", "Leadership": "C", "Customer Success": "I"})
    L[13]["Engineering"] = "R" + L[13]["Engineering"].replace("R", "")
    words = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}
    hdr = ["Name", "Area", "Status", "Due", "Sprint"] + parties + ["Created time", "Notes"]
    lines = [hdr]
    rows_of = {}
    areas = ["Product", "Product", "Product", "Product", "Legal", "GTM", "GTM", "Support", "Support",
             "Product", "Product", "GTM", "Support", "Ops", "Ops"]
    sprint_ids = {"Sprint 14": "8c1f0b2e4a6d4e1b9f3a77c2d5e0a914", "Sprint 15": "b3e97d1c5f2a48a0a6d1e2c9f4b7a802"}
    line = 2
    for i, t in enumerate(tasks):
        sp = "Sprint 14" if i < 8 else "Sprint 15"
        cells = []
        for p in parties:
            v = L[i][p]
            # Notion multi-select export: options joined with ", " in option-creation order
            cells.append(", ".join(words[x] for x in "RACI" if x in v))
        due = (dt.date(2024, 4, 1) + dt.timedelta(days=3 * i))
        lines.append([t, areas[i], ["Done", "In progress", "Not started"][min(i // 5, 2)],
                      f"{due:%B} {due.day}, {due.year}",
                      f"{sp} (https://www.notion.so/{sp.replace(' ', '-')}-{sprint_ids[sp]}?pvs=21)"]
                     + cells + [f"March {1 + i % 7}, 2024 {9 + i % 3}:{10 + i * 3 % 50:02d} AM",
                                "Needs sign-off from Priya" if i == 4 else ""])
        rows_of[i] = line
        line += 1
        if i == 9:
            # an empty page someone created and never filled in
            lines.append(["", "", "Not started", "", ""] + [""] * len(parties) + ["March 6, 2024 3:41 PM", ""])
            line += 1
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerows(lines)
    with open(P(name), "w", encoding="utf-8-sig", newline="") as f:
        f.write(buf.getvalue())

    def where(t, p):
        rr = rows_of[t]
        return rr, f"{CL(6 + parties.index(p))}{rr}"
    spots = pick_spots(rng, tasks, parties, L, where)
    key(name, "73_notion-launch-raci", tasks, parties, spots, [
        "Notion database 'Export > Markdown & CSV': UTF-8 with BOM, LF line ends.",
        "Party columns F:K are multi-select properties holding whole words (Responsible, Accountable, "
        "Consulted, Informed); several values joined with ', ' inside one quoted field (e.g. Marketing on "
        "'Press kit & screenshots', line 8).",
        "Sprint is a relation exported as 'Sprint 14 (https://www.notion.so/...)'; Due and Created time are "
        "long-form US dates with commas (quoted).",
        "Line 12 is an empty page (blank Name, only Status and Created time) -> not a task.",
    ])


# ---------------------------------------------------------------- 74 Airtable
def f74():
    name = "74_airtable-tasks-grid-view.csv"
    rng = random.Random(74)
    parties = ["Platform", "Mobile", "Web", "Data", "Security", "SRE", "Product", "Design", "QA"]
    tasks = [
        "Migrate auth service to OAuth 2.1", "Deprecate v1 REST endpoints", "Push notification opt-in flow",
        "Dark mode for settings screens", "Checkout page performance budget", "Event tracking schema v3",
        "Nightly warehouse export to S3", "Rotate KMS keys", "Pen test remediation (Q1 findings)",
        "Kubernetes 1.29 upgrade", "On-call runbook refresh", "Pricing experiment: annual toggle",
        "Accessibility audit fixes (WCAG 2.2 AA)", "Design tokens package", "Regression suite for iOS 17.4",
        "Flaky E2E test quarantine", "Customer data deletion API (GDPR)", "Rate limiting on public API",
        "Feature flag cleanup", "Release notes automation",
    ]
    L = assign(rng, parties, tasks, no_a=(18,))
    setrow(L, 16, {"Security": "A", "Platform": "R", "Data": "R", "Product": "C", "QA": "I"})
    setrow(L, 7, {"Security": "AR", "SRE": "C", "Platform": "I"})
    hdr = ["Task", "Epic", "Responsible (R)", "Accountable (A)", "Consulted (C)", "Informed (I)",
           "Owner", "Status", "Story Points", "Attachments", "Created"]
    owners = ["Jordan Lee", "Mei Chen", "Tomás Rivera", "Aarav Shah", "Kim Novak"]
    epics = ["Auth & Identity", "API Lifecycle", "Mobile Growth", "Mobile Growth", "Web Perf",
             "Analytics Platform", "Analytics Platform", "Security Hardening", "Security Hardening",
             "Infra Upgrades", "Infra Upgrades", "Monetization", "Accessibility", "Design System",
             "Quality", "Quality", "Privacy", "API Lifecycle", "Tech Debt", "Tech Debt"]
    lines = [hdr]
    for i, t in enumerate(tasks):
        def col(x):
            return ",".join(p for p in parties if x in L[i][p])
        att = ""
        if i in (0, 5):
            att = (f"spec-{i}.pdf (https://dl.airtable.com/.attachments/4f1e{i}a9c2/7b3d{i}e1f/spec-{i}.pdf)")
        if i == 13:
            att = ("tokens.json (https://dl.airtable.com/.attachments/aa19/cc02/tokens.json),"
                   "figma-export.png (https://dl.airtable.com/.attachments/aa19/cc03/figma-export.png)")
        created = dt.datetime(2024, 1, 15, 9, 5) + dt.timedelta(days=2 * i, minutes=37 * i)
        cs = created.strftime("%-m/%-d/%Y %-I:%M") + created.strftime("%p").lower()
        lines.append([t, epics[i], col("R"), col("A"), col("C"), col("I"), owners[i % 5],
                      ["Todo", "In progress", "Done", "Blocked"][i % 4], str([3, 5, 8, 2, 13][i % 5]) if i != 11 else "",
                      att, cs])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(lines)
    with open(P(name), "w", encoding="utf-8-sig", newline="") as f:
        f.write(buf.getvalue())
    colof = {"R": "C", "A": "D", "C": "E", "I": "F"}

    def where(t, p):
        r = t + 2
        lets = L[t][p]
        return r, colof[next((x for x in "RACI" if x in lets), "R")] + str(r)
    spots = pick_spots(rng, tasks, parties, L, where)
    key(name, "74_airtable-tasks-grid-view", tasks, parties, spots, [
        "Airtable grid view 'Download CSV': inverted list; C:F are linked-record fields to a Teams table, "
        "several teams joined with ',' and no space (e.g. C18 'Platform,Data').",
        "'Owner' (G) is a collaborator field with people names - not a RACI column; parties are the teams.",
        "Attachments column holds 'file (url)' lists joined with ','; Created like '1/15/2024 9:05am'.",
        "'Feature flag cleanup' (line 20) has an empty Accountable cell.",
        "UTF-8 with BOM, CRLF; owner 'Tomás Rivera' has an accent.",
    ])


# ---------------------------------------------------------------- 75 Confluence
def f75():
    name = "75_confluence-table-plain.csv"
    rng = random.Random(75)
    parties = ["Product Owner", "Scrum Master", "Dev Team", "QA", "UX", "Stakeholders"]
    # (section or None, activity)
    plan = [
        ("Sprint ceremonies", None),
        (None, "Sprint planning"),
        (None, "Daily stand-up"),
        (None, "Backlog refinement"),
        (None, "Sprint review / demo"),
        (None, "Retrospective"),
        ("Delivery", None),
        (None, "PHX-112 Configure CI pipeline  DONE"),
        (None, "PHX-118 Define Definition of Done  IN PROGRESS"),
        (None, "Write acceptance criteria"),
        (None, "Estimate user stories"),
        (None, "Code review"),
        (None, "Release to staging"),
        (None, "Release to production"),
        (None, "Hotfix decision (P1 incidents)"),
        ("Quality & UX", None),
        (None, "Usability testing with café staff"),
        (None, "Regression testing"),
        (None, "Accessibility check – WCAG"),
        (None, "Sign-off on UI mock-ups"),
    ]
    tasks = [a for s, a in plan if a]
    L = assign(rng, parties, tasks)
    setrow(L, tasks.index("Release to production"), {"Product Owner": "A", "Dev Team": "R", "QA": "C", "Stakeholders": "I"})
    setrow(L, tasks.index("Sprint planning"), {"Product Owner": "R/A", "Dev Team": "R", "Scrum Master": "R", "UX": "C", "QA": "C"})
    setrow(L, tasks.index("Retrospective"), {"Scrum Master": "R/A", "Product Owner": "C", "Dev Team": "R", "QA": "R", "UX": "R"})
    hdr = ["#", "Activity"] + parties + ["Notes"]
    lines = [hdr]
    rows_of = {}
    n = 0
    ln = 2
    for s, a in plan:
        if s:
            lines.append(["", s] + [""] * (len(parties) + 1))
        else:
            ti = tasks.index(a)
            n += 1
            cells = []
            for p in parties:
                v = L[ti][p]
                if v == "":
                    cells.append("–")  # en dash placeholder typed in Confluence
                elif v == "R/A":
                    cells.append("R/A")
                else:
                    cells.append("/".join(x for x in "RACI" if x in v))
            note = ""
            if a.startswith("Usability"):
                note = "Renée to book the café on Thursdays"
            if a == "Hotfix decision (P1 incidents)":
                note = "On-call engineer may act if PO unreachable"
            lines.append([str(n), a] + cells + [note])
            rows_of[ti] = ln
        ln += 1
    # normalise L to letters for key
    for i in L:
        for p in L[i]:
            L[i][p] = L[i][p].replace("/", "")
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(lines)
    with open(P(name), "wb") as f:
        f.write(buf.getvalue().encode("cp1252"))

    def where(t, p):
        rr = rows_of[t]
        return rr, f"{CL(3 + parties.index(p))}{rr}"
    spots = pick_spots(rng, tasks, parties, L, where)
    key(name, "75_confluence-table-plain", tasks, parties, spots, [
        "Confluence table pasted into Excel and saved as plain 'CSV (Comma delimited)': Windows-1252, no BOM, "
        "CRLF. Contains cp1252 bytes 0x96 (en dash) and 0xE9 (é).",
        "Empty cells hold an en dash '–' typed by the author (means no role).",
        "Merged section rows (lines 2, 8, 17: 'Sprint ceremonies', 'Delivery', 'Quality & UX') have text only "
        "in column B -> headings, not tasks; the '#' column numbers only tasks.",
        "Jira issue macros pasted as text: 'PHX-112 Configure CI pipeline  DONE' (status lozenge text, double space) "
        "- task name kept as written.",
        "Combined letters written 'R/A' (e.g. Product Owner on Sprint planning, C3).",
    ])


# ---------------------------------------------------------------- 76 MS Project
def f76():
    name = "76_msproject-task-table.xlsx"
    rng = random.Random(76)
    parties = ["Sponsor", "PMO", "Infra Lead", "App Owner", "Network Team", "Service Desk", "Vendor"]
    # (outline level, name, summary?, duration days)
    plan = [
        (0, "Data Center Migration 2024", True, 118),
        (1, "Initiation", True, 10),
        (2, "Project charter approved", False, 0),
        (2, "Kick-off meeting", False, 1),
        (2, "Stakeholder register", False, 3),
        (1, "Assessment", True, 25),
        (2, "Application discovery", False, 10),
        (2, "Dependency mapping", False, 8),
        (2, "Migration wave grouping", False, 5),
        (2, "Assessment complete", False, 0),
        (1, "Build target environment", True, 40),
        (2, "Network", True, 15),
        (3, "Provision WAN circuits", False, 10),
        (3, "Configure firewalls and VLANs", False, 5),
        (2, "Compute & storage", True, 20),
        (3, "Rack and stack hosts", False, 6),
        (3, "Install vSphere 8 cluster", False, 4),
        (3, "Configure backup (Veeam)", False, 5),
        (2, "Environment readiness review", False, 1),
        (1, "Migration", True, 35),
        (2, "Wave 1 - non-critical apps", False, 5),
        (2, "Wave 2 - internal apps", False, 8),
        (2, "Wave 3 - ERP and databases", False, 10),
        (2, "Post-wave smoke tests", False, 6),
        (1, "Closure", True, 8),
        (2, "Decommission old data center", False, 5),
        (2, "Final cost report", False, 2),
        (2, "Project closed", False, 0),
    ]
    tasks = [n for lvl, n, s, d in plan if not s]
    L = assign(rng, parties, tasks)
    setrow(L, tasks.index("Project charter approved"), {"Sponsor": "A", "PMO": "R", "Infra Lead": "C", "App Owner": "C"})
    setrow(L, tasks.index("Wave 3 - ERP and databases"), {"App Owner": "AR", "Infra Lead": "R", "Vendor": "R", "Service Desk": "I", "PMO": "I"})
    setrow(L, tasks.index("Project closed"), {"Sponsor": "A", "PMO": "R", "Service Desk": "I"})
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Task_Table1"
    hdr = ["ID", "Unique ID", "WBS", "Outline Level", "Summary", "Name", "Duration", "Start", "Finish",
           "Predecessors", "Resource Names"] + parties
    ws.append(hdr)
    counters = [0] * 5
    start = dt.datetime(2024, 2, 5, 8, 0)
    rows_of = {}
    res = ["Anna Berg", "Tom Lee", "Carlos Mendes[50%]", "Anna Berg,Tom Lee", "Vendor Crew A", "Priya Nair"]
    ti = 0
    for i, (lvl, n, s, d) in enumerate(plan):
        if lvl == 0:
            wbs = "0"
        else:
            counters[lvl] += 1
            for k in range(lvl + 1, 5):
                counters[k] = 0
            wbs = ".".join(str(counters[k]) for k in range(1, lvl + 1))
        st = start + dt.timedelta(days=3 * i)
        fin = st + dt.timedelta(days=d) if d else st
        dur = f"{d} days" if d != 1 else "1 day"
        if n == "Dependency mapping":
            dur = "8 days?"
        row = [i, i + 1 if i else 0, wbs, lvl, "Yes" if s else "No", n, dur, st, fin,
               str(i - 1) if (not s and i > 2) else None, None if s else res[i % len(res)]]
        if s:
            row += [None] * len(parties)
        else:
            row += [("".join(x for x in "RACI" if x in L[ti][p]) or None) for p in parties]
            rows_of[ti] = i + 2
            ti += 1
        ws.append(row)
        r = ws.max_row
        ws.cell(r, 8).number_format = "ddd mm/dd/yy"
        ws.cell(r, 9).number_format = "ddd mm/dd/yy"
    ws.column_dimensions["F"].width = 36
    wb.save(P(name))

    def where(t, p):
        rr = rows_of[t]
        return rr, f"{CL(12 + parties.index(p))}{rr}"
    spots = pick_spots(rng, tasks, parties, L, where)
    key(name, "Task_Table1", tasks, parties, spots, [
        "MS Project 'Save As > Excel Workbook' via export map: sheet Task_Table1; names NOT indented, hierarchy "
        "only through WBS (C), Outline Level (D) and Summary Yes/No (E).",
        "Row 2 (ID 0, WBS 0) is the project summary task; summary rows (Initiation, Assessment, Build target "
        "environment, Network, Compute & storage, Migration, Closure) carry no letters -> not tasks.",
        "Milestones (0 days: 'Project charter approved', 'Assessment complete', 'Project closed') have letters and "
        "count as tasks.",
        "Resource Names (K) holds people like 'Anna Berg,Tom Lee' and 'Carlos Mendes[50%]' - not RACI parties.",
        "Party columns L:R (renamed Text1..Text7 custom fields) hold letters, 'AR' combined on 'Wave 3' row.",
        "Duration like '8 days?' (estimated) in G9.",
    ])


# ---------------------------------------------------------------- 77 Power BI long
def f77():
    name = "77_powerbi-raci-long.xlsx"
    rng = random.Random(77)
    people = {"Hannah Schmidt": "Finance", "Oliver Grant": "Finance", "Lucía Romero": "IT",
              "Ben Carter": "IT", "Fatima Zahra": "Procurement", "Noah Williams": "PMO",
              "Grace Kim": "IT", "Samuel Osei": "Internal Audit", "Ivy Chen": "HR", "Marcus Bell": "PMO"}
    parties = list(people)
    plan = [
        ("ERP Finance Module", "FIN-01", "Chart of accounts redesign"),
        ("ERP Finance Module", "FIN-02", "Configure AP invoice approval workflow"),
        ("ERP Finance Module", "FIN-03", "Bank reconciliation automation"),
        ("ERP Finance Module", "FIN-04", "Month-end close checklist in ERP"),
        ("Integration", "INT-01", "Payroll interface to GL"),
        ("Integration", "INT-02", "Procurement catalog punch-out"),
        ("Integration", "INT-03", "SSO and role provisioning"),
        ("Controls", "CTL-01", "Segregation of duties matrix"),
        ("Controls", "CTL-02", "SOX key control testing"),
        ("Controls", "CTL-03", "Audit log retention settings"),
        ("Cutover", "CUT-01", "Opening balances load"),
        ("Cutover", "CUT-02", "Parallel run (2 periods)"),
        ("Cutover", "CUT-03", "Go-live approval"),
        ("Cutover", "CUT-04", "Hypercare rota"),
    ]
    tasks = [t for _, _, t in plan]
    L = assign(rng, parties, tasks)
    setrow(L, 12, {"Noah Williams": "R", "Hannah Schmidt": "A", "Samuel Osei": "C", "Oliver Grant": "I",
                  "Lucía Romero": "I", "Marcus Bell": "I"})
    setrow(L, 7, {"Samuel Osei": "AR", "Grace Kim": "R", "Hannah Schmidt": "C", "Noah Williams": "I"})
    words = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Export"
    hdr = ["Workstream", "Task ID", "Task", "Person", "Department", "Role", "Count of Role"]
    ws.append(hdr)
    first = {}
    total = 0
    for i, (wsn, tid, t) in enumerate(plan):
        recs = [(p, x) for p in parties for x in "RACI" if x in L[i][p]]
        recs.sort(key=lambda px: (px[0].split()[0], "RACI".index(px[1])))  # PBI sorts by Person asc
        for p, x in recs:
            ws.append([wsn, tid, t, p, people[p], words[x], 1])
            total += 1
            first.setdefault((i, p), ws.max_row)
            first.setdefault((i, None), ws.max_row)
    ws.append(["Total", None, None, None, None, None, total])
    ws.append([])
    ws.append(["Applied filters:\nWorkstream is not Archive\nRole is not (Blank)"])
    for c in range(1, 8):
        ws.cell(1, c).font = Font(bold=True)
    wb.save(P(name))

    def where(t, p):
        rr = first.get((t, p)) or first[(t, None)]
        return rr, f"{'D' if (t, p) in first else 'C'}{rr}"
    spots = pick_spots(rng, tasks, parties, L, where)
    key(name, "Export", tasks, parties, spots, [
        "Power BI 'Export data' (summarized) to xlsx: long/tidy list, one row per task x person x role, sheet 'Export'.",
        "Role holds words Responsible/Accountable/Consulted/Informed; a person with two roles on one task has two "
        "rows (Samuel Osei on CTL-01 -> AR).",
        "Task names repeat on consecutive rows; Department column is an attribute of the person, not a party.",
        "'Count of Role' measure column and a 'Total' row at the bottom, then a blank row and an 'Applied filters:' "
        "note cell with line breaks -> not tasks.",
        "Spot rows/cells point to the first record of that person on that task (column D); empty spots point at "
        "the task's first row, column C.",
        "Accented name 'Lucía Romero'.",
    ])


# ---------------------------------------------------------------- 78 Google Sheets
def f78():
    name = "78_google-sheets-website-relaunch.csv"
    rng = random.Random(78)
    parties = ["Priya (PM)", "Marco (Design)", "Lena (Frontend)", "Sam (Backend)", "Aisha (Content)", "Client"]
    plan = [
        ("Discovery", ["Kick-off workshop", "Analytics & SEO baseline", "Content inventory", "Sitemap v1"]),
        ("Design", ["Moodboard", "Wireframes (desktop + mobile)", "Visual design - home & landing",
                    "Design system in Figma", "Design sign-off"]),
        ("Build", ["CMS setup (headless)", "Component library", "Page templates", "Forms + CRM webhook",
                   "301 redirect map", "Content migration"]),
        ("Launch", ["Cross-browser QA", "Performance & Lighthouse pass", "DNS switch", "Launch announcement",
                    "Post-launch bug triage"]),
    ]
    tasks = [t for _, ts in plan for t in ts]
    L = assign(rng, parties, tasks)
    setrow(L, tasks.index("Design sign-off"), {"Client": "A", "Marco (Design)": "R", "Priya (PM)": "C", "Lena (Frontend)": "I"})
    setrow(L, tasks.index("DNS switch"), {"Sam (Backend)": "AR", "Client": "I", "Priya (PM)": "I", "Lena (Frontend)": "C"})
    setrow(L, tasks.index("Kick-off workshop"), {"Priya (PM)": "AR", "Client": "C", "Marco (Design)": "I", "Aisha (Content)": "I"})
    width = 14  # Google exports the whole used range: trailing empty columns
    lines = [["Website Relaunch – RACI Matrix"] + [""] * (width - 1),
             ["Owner: Priya S. | Last updated 4 Mar 2024"] + [""] * (width - 1),
             [""] * width,
             ["Workstream", "Task"] + parties + ["Done?", "Comments", "", "", "Legend", ""]]
    legend = [("R", "Responsible – does the work"), ("A", "Accountable – signs off (one per task)"),
              ("C", "Consulted – two-way"), ("I", "Informed – one-way")]
    rows_of = {}
    ln = 5
    k = 0
    for ws_name, ts in plan:
        for j, t in enumerate(ts):
            i = tasks.index(t)
            cells = []
            for p in parties:
                v = L[i][p]
                s = "/".join(x for x in "ARCI" if x in v)
                if s and i % 5 == 3:
                    s = s.lower()  # someone typed lowercase
                if s == "A/R" and i % 2:
                    s = "R,A"
                cells.append(s)
            row = [ws_name if j == 0 else "", t] + cells + \
                  ["TRUE" if i < 9 else "FALSE", "waiting on client logins" if t == "CMS setup (headless)" else "", "", ""]
            if k < 4:
                row += list(legend[k])
            else:
                row += ["", ""]
            k += 1
            lines.append(row)
            rows_of[i] = ln
            ln += 1
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(lines)
    with open(P(name), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())

    def where(t, p):
        rr = rows_of[t]
        return rr, f"{CL(3 + parties.index(p))}{rr}"
    spots = pick_spots(rng, tasks, parties, L, where)
    key(name, "78_google-sheets-website-relaunch", tasks, parties, spots, [
        "Google Sheets 'Download > CSV': UTF-8 no BOM, CRLF, every line padded to 14 columns (trailing commas).",
        "Lines 1-2 title and owner/updated note, line 3 blank; header on line 4; rows cited by file line number.",
        "Workstream (A) only on the first task of each group (was merged/blank-filled in the sheet).",
        "Legend 'R | Responsible – ...' sits in columns M:N of lines 5-8, beside the matrix - not tasks or parties.",
        "Letters: 'A/R', 'R,A', lowercase on some rows ('r', 'a/r'); Done? column holds TRUE/FALSE checkboxes.",
        "Parties are written 'Name (Role)'.",
    ])


# ---------------------------------------------------------------- 79 Excel CSV semicolon cp1252
def f79():
    name = "79_excel-csv-semicolon-fr.csv"
    rng = random.Random(79)
    parties = ["Hélène Dubois", "François Lefèvre", "Jürgen Groß", "Zoë Martín", "Søren Ødegaard",
               "Inès Bouchard", "Chloé Petit", "Mathis Renaud"]
    tasks = [
        "Define API gateway target architecture", "Select identity provider (SAML/OIDC)",
        "Migrate DNS; update TTLs before cutover", "Set up Grafana dashboards", "Write incident response playbook",
        "Negotiate support contract with vendor", "Budget re-forecast Q3", "Penetration test scope",
        "Train L1 support on new portal", "Archive legacy tickets (> 5 years)", "Go-live communication to branches",
        "Retire old intranet server", "Capacity plan 2025",
    ]
    L = assign(rng, parties, tasks)
    setrow(L, 2, {"Søren Ødegaard": "AR", "Mathis Renaud": "R", "Inès Bouchard": "C", "Hélène Dubois": "I"})
    setrow(L, 6, {"Hélène Dubois": "A", "Chloé Petit": "R", "François Lefèvre": "C"})
    hdr = ["ID", "Task", "Est. days", "Due"] + parties + ["Comment"]
    lines = [";".join(hdr)]
    rows_of = {}
    ln = 2

    def q(s):
        return '"' + s.replace('"', '""') + '"' if (";" in s or '"' in s) else s
    for i, t in enumerate(tasks):
        if i == 7:
            lines.append(";" * (len(hdr) - 1))  # blank separator row
            ln += 1
        cells = []
        for p in parties:
            v = L[i][p]
            cells.append(", ".join(x for x in "RACI" if x in v))
        days = ["2", "1,5", "0,5", "3", "4", "2,5", "1", "5", "1,5", "2", "0,5", "3", "6"][i]
        due = dt.date(2024, 5, 6) + dt.timedelta(days=7 * i)
        comment = ""
        if i == 1:
            comment = "Vérifier avec l'équipe sécurité"
        if i == 4:
            comment = 'See "Runbooks" space'
        row = [f"T-{i + 1:02d}", q(t), days, due.strftime("%d/%m/%Y")] + cells + [q(comment)]
        lines.append(";".join(row))
        rows_of[i] = ln
        ln += 1
    # count row with COUNTIF results, then rows Excel keeps because they had formatting
    counts = [str(sum(1 for i in L if "R" in L[i][p])) for p in parties]
    lines.append(";".join(["", "Nombre de R", "", ""] + counts + [""]))
    lines.append(";" * (len(hdr) - 1))
    lines.append(";" * (len(hdr) - 1))
    data = "\r\n".join(lines) + "\r\n"
    with open(P(name), "wb") as f:
        f.write(data.encode("cp1252"))

    def where(t, p):
        rr = rows_of[t]
        return rr, f"{CL(5 + parties.index(p))}{rr}"
    spots = pick_spots(rng, tasks, parties, L, where)
    key(name, "79_excel-csv-semicolon-fr", tasks, parties, spots, [
        "Excel (French locale) plain 'CSV (séparateur: point-virgule)': ';' delimiter, Windows-1252 (accents in "
        "party names: é è ü ß ë í ø Ø), no BOM, CRLF.",
        "Task on line 4 contains ';' and is quoted: \"Migrate DNS; update TTLs before cutover\".",
        "Decimal commas in 'Est. days' (C), dates dd/mm/yyyy (D); combined letters 'A, R' with comma+space.",
        "Line 9 is an empty separator row of only semicolons; after the last task a 'Nombre de R' COUNTIF row "
        "(numbers under the party columns) and two trailing ';;;;' rows -> not tasks.",
        "Comment on line 6 contains double quotes, so Excel wrote it quoted with doubled quotes: \"See \"\"Runbooks\"\" space\"; the comment on line 3 is French (accents).",
    ])


if __name__ == "__main__":
    for f in (f71, f72, f73, f74, f75, f76, f77, f78, f79):
        f()
    with open(P("expected.json"), "w", encoding="utf-8") as f:
        json.dump(KEY, f, indent=2, ensure_ascii=False)
    print("ok", len(KEY))
