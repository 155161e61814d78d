#!/usr/bin/env python3
"""Generate files 81-89 (theme: non-English teams) and expected.json.

Each builder writes its file and returns a "model": the list of task rows with their
spreadsheet row number, the party -> column letter map and the raw cell values, plus a
function mapping a raw cell value to RACI letters.  Spots are picked from that model and
verify.py re-reads the written files independently.
"""
import csv, io, json, os, random, datetime
import openpyxl
from openpyxl.styles import Font, PatternFill, Alignment, Border, Side
from openpyxl.utils import get_column_letter as L
from openpyxl.worksheet.datavalidation import DataValidation

HERE = os.path.dirname(os.path.abspath(__file__))
KEY = {}
thin = Side(style="thin", color="999999")
BOX = Border(left=thin, right=thin, top=thin, bottom=thin)
GREY = PatternFill("solid", fgColor="D9D9D9")
HEAD = PatternFill("solid", fgColor="1F4E79")
COLORS = {"R": "C6EFCE", "A": "FFC7CE", "C": "FFEB9C", "I": "DDEBF7"}


def std_map(raw, table=None):
    """RACI letters from a raw cell, using an optional local-letter table."""
    table = table or {"R": "R", "A": "A", "C": "C", "I": "I"}
    out = ""
    for ch in str(raw or "").upper():
        if ch in table and table[ch] and table[ch] not in out:
            out += table[ch]
    return "".join(sorted(out, key="RACI".index))


def add_key(fname, sheet, model, parties, notes, want_spots, tc_ok=None, pc_ok=None, mapper=std_map):
    """model: list of dicts {task,row,cells:{party:(cellref,raw)}}"""
    tasks = [m["task"] for m in model]
    spots = []
    for (ti, party) in want_spots:
        assert party in parties, party
        m = model[ti]
        ref, raw = m["cells"][party]
        spots.append({"task": " ".join(m["task"].split()), "party": " ".join(party.split()),
                      "letters": mapper(raw), "row": m["row"], "cell": ref})
    assert len(spots) == 8, fname
    k = {"sheet": sheet, "task_count": len(tasks)}
    if tc_ok:
        k["task_count_ok"] = tc_ok
    k["party_count"] = len(parties)
    if pc_ok:
        k["party_count_ok"] = pc_ok
    k["tasks"] = [" ".join(t.split()) for t in tasks]
    k["parties"] = [" ".join(p.split()) for p in parties]
    k["spot"] = spots
    k["notes"] = notes
    KEY[fname] = k


# ---------------------------------------------------------------------------------------
# 81 French, xlsx, title rows, cover sheet first, merged phase rows, R/A combos
# ---------------------------------------------------------------------------------------
def f81():
    fname = "81_fr_matrice-raci-migration-erp.xlsx"
    parties = ["Chef de projet", "Directeur financier", "Équipe métier", "DSI – Infrastructure",
               "RSSI", "Intégrateur\n(Sopra)", "Comité de pilotage"]
    data = [
        ("1. Cadrage", None, None),
        ("1.1", "Rédaction de la note de cadrage", ["R", "A", "C", "C", "", "", "I"]),
        ("1.2", "Définition du périmètre fonctionnel", ["R", "C", "A", "C", "", "C", "I"]),
        ("1.3", "Estimation budgétaire et planning directeur", ["R", "A", "", "C", "", "C", "I"]),
        ("1.4", "Validation du lancement du projet", ["C", "C", "I", "I", "I", "I", "A/R"]),
        ("2. Conception", None, None),
        ("2.1", "Ateliers de conception générale (processus achats / ventes)", ["A", "I", "R", "", "", "R", ""]),
        ("2.2", "Rédaction des spécifications fonctionnelles détaillées", ["A", "", "C", "", "", "R", ""]),
        ("2.3", "Architecture technique cible", ["A", "", "", "R", "C", "C", ""]),
        ("2.4", "Analyse de risques sécurité", ["I", "", "", "C", "R/A", "C", "I"]),
        ("2.5", "Plan de reprise des données", ["A", "C", "C", "R", "", "R", ""]),
        ("3. Réalisation et recette", None, None),
        ("3.1", "Paramétrage des modules Finance et Achats", ["A", "C", "C", "", "", "R", ""]),
        ("3.2", "Développements spécifiques (interfaces paie, banque)", ["A", "", "", "C", "C", "R", ""]),
        ("3.3", "Mise en place des environnements (recette, préproduction)", ["I", "", "", "A, R", "C", "C", ""]),
        ("3.4", "Recette fonctionnelle\n(tests utilisateurs)", ["A", "I", "R", "", "", "C", ""]),
        ("3.5", "Tests de charge et de performance", ["A", "", "I", "R", "", "R", ""]),
        ("3.6", "Audit de sécurité avant mise en production", ["I", "", "", "C", "A", "R", "I"]),
        ("4. Déploiement", None, None),
        ("4.1", "Formation des utilisateurs clés", ["A", "", "R", "", "", "R", ""]),
        ("4.2", "Reprise des données et contrôle des soldes", ["A", "R", "C", "R", "", "C", ""]),
        ("4.3", "Décision de bascule (Go / No Go)", ["R", "C", "C", "C", "C", "I", "A"]),
        ("4.4", "Support post-démarrage (hypercare)", ["A", "", "I", "R", "", "R", "I"]),
        ("4.5", "Bilan de projet et clôture", ["R ", "I", "C", "I", "I", "C", "A"]),
    ]
    wb = openpyxl.Workbook()
    cov = wb.active
    cov.title = "Page de garde"
    cov["B2"] = "Projet SIRIUS – Migration ERP"
    cov["B2"].font = Font(size=18, bold=True)
    cov["B4"], cov["C4"] = "Client :", "Groupe Laval Distribution"
    cov["B5"], cov["C5"] = "Chef de projet :", "Céline Marchand"
    cov["B6"], cov["C6"] = "Classification :", "Diffusion restreinte"
    cov["B9"] = "Suivi des versions"
    cov["B9"].font = Font(bold=True)
    for i, r in enumerate([("Version", "Date", "Auteur", "Commentaire"),
                           ("1.0", "05/02/2024", "C. Marchand", "Création"),
                           ("2.0", "26/02/2024", "C. Marchand", "Ajout phase déploiement"),
                           ("2.3", "14/03/2024", "S. Benali", "Relecture RSSI")]):
        for j, v in enumerate(r):
            cov.cell(10 + i, 2 + j, v).border = BOX
    cov.column_dimensions["B"].width = 18
    cov.column_dimensions["E"].width = 30

    ws = wb.create_sheet("Matrice RACI")
    ncol = 2 + len(parties)
    ws["A1"] = "Projet SIRIUS – Migration ERP"
    ws["A1"].font = Font(size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws["A2"] = "Matrice RACI – version 2.3 du 14/03/2024 – Diffusion restreinte"
    ws["A2"].font = Font(italic=True, color="666666")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    hdr = 4
    for j, h in enumerate(["N°", "Tâche / Livrable"] + parties):
        c = ws.cell(hdr, 1 + j, h)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = HEAD
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = BOX
    ws.row_dimensions[hdr].height = 45
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 55
    for j in range(len(parties)):
        ws.column_dimensions[L(3 + j)].width = 14
    model = []
    r = hdr + 1
    for num, task, cells in data:
        if task is None:
            c = ws.cell(r, 1, num)
            c.font = Font(bold=True)
            for j in range(ncol):
                ws.cell(r, 1 + j).fill = GREY
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        else:
            ws.cell(r, 1, num).border = BOX
            t = ws.cell(r, 2, task)
            t.border = BOX
            t.alignment = Alignment(wrap_text=True)
            m = {"task": task, "row": r, "cells": {}}
            for j, (p, v) in enumerate(zip(parties, cells)):
                c = ws.cell(r, 3 + j, v if v else None)
                c.alignment = Alignment(horizontal="center")
                c.border = BOX
                if v.strip():
                    c.fill = PatternFill("solid", fgColor=COLORS[v.strip()[0]])
                m["cells"][p] = (f"{L(3 + j)}{r}", v)
            model.append(m)
        r += 1
    ws.freeze_panes = "C5"
    lg = wb.create_sheet("Légende")
    for i, (a, b) in enumerate([("Lettre", "Signification"),
                                ("R", "Réalise : exécute la tâche"),
                                ("A", "Approuve : rend compte du résultat, un seul A par tâche"),
                                ("C", "Consulté : donne son avis avant"),
                                ("I", "Informé : tenu au courant après")]):
        lg.cell(1 + i, 1, a).font = Font(bold=(i == 0))
        lg.cell(1 + i, 2, b).font = Font(bold=(i == 0))
    lg.column_dimensions["B"].width = 55
    wb.save(os.path.join(HERE, fname))
    P = {p: p for p in parties}
    add_key(fname, "Matrice RACI", model, parties, [
        "Workbook opens on a cover sheet 'Page de garde' (with a version table); matrix is on sheet 'Matrice RACI'.",
        "Rows 1-2 are merged title lines; header on row 4 (N°, Tâche / Livrable, 7 parties).",
        "Phase rows 5, 10, 16, 23 are merged across A:I and grey ('1. Cadrage'...), not tasks.",
        "Header H4 contains a line break ('Intégrateur\\n(Sopra)'); task B20 has an Alt+Enter line break.",
        "Combined cells: I9 'A/R', G14 'R/A', F19 'A, R'; C28 has a trailing space 'R '.",
        "Legend on its own sheet 'Légende' (R = Réalise, A = Approuve, C = Consulté, I = Informé).",
    ], [(3, "Comité de pilotage"), (7, "RSSI"), (11, "DSI – Infrastructure"),
        (13, "Intégrateur\n(Sopra)"), (13, "Équipe métier"), (18, "Comité de pilotage"),
        (19, "Chef de projet"), (0, "Directeur financier")])


# ---------------------------------------------------------------------------------------
# 82 Spanish, csv ; cp1252 CRLF, title line, phase rows, effort with decimal comma
# ---------------------------------------------------------------------------------------
def f82():
    fname = "82_es_matriz-raci-lanzamiento-app.csv"
    parties = ["Product Owner", "Equipo de Desarrollo", "QA", "UX/UI", "Marketing", "Atención al Cliente"]
    data = [
        ("FASE 1 - DESCUBRIMIENTO", None, None, None, None),
        ("1", "Investigación de usuarios y entrevistas", ["A", "I", "", "R", "C", ""], "4,5", "08/04/2024"),
        ("2", "Definición de la propuesta de valor", ["A/R", "C", "", "C", "C", "I"], "2", "12/04/2024"),
        ("3", "Priorización del backlog inicial", ["R/A", "C", "C", "", "", ""], "1,5", "15/04/2024"),
        ("FASE 2 - DISEÑO", None, None, None, None),
        ("4", "Prototipos y wireframes", ["A", "C", "", "R", "I", ""], "6", "26/04/2024"),
        ("5", "Diseño de la arquitectura técnica", ["I", "R/A", "C", "", "", ""], "3,5", "26/04/2024"),
        ("6", "Guía de estilo y sistema de diseño", ["A", "I", "", "R", "C", ""], "5", "03/05/2024"),
        ("FASE 3 - DESARROLLO Y PRUEBAS", None, None, None, None),
        ("7", "Desarrollo de funcionalidades (sprints 1-4)", ["A", "R", "C", "C", "", ""], "40", "14/06/2024"),
        ("8", "Integración con pasarela de pago", ["A", "R", "C", "", "", "I"], "8,5", "07/06/2024"),
        ("9", "Plan de pruebas y casos de prueba", ["C", "C", "R", "", "", ""], "4", "24/05/2024"),
        ("10", "Pruebas de regresión y corrección de errores", ["I", "R", "r/a", "", "", ""], "10", "21/06/2024"),
        ("11", "Pruebas de accesibilidad", ["A", "C", "R", "R", "", ""], "2,5", "21/06/2024"),
        ("FASE 4 - LANZAMIENTO", None, None, None, None),
        ("12", "Campaña de lanzamiento y redes sociales", ["C", "", "", "C", "R/A", "I"], "12", "28/06/2024"),
        ("13", "Publicación en App Store y Google Play", ["A", "R", "C", "", "I", "I"], "1", "01/07/2024"),
        ("14", "Preguntas frecuentes y guiones de soporte", ["C", "", "", "", "C", "R/A"], "3", "28/06/2024"),
        ("15", "Seguimiento de métricas tras el lanzamiento", ["R/A", "I", "", "", "C", "C"], "2", "15/07/2024"),
    ]
    ncol = 2 + len(parties) + 2
    lines = [["Matriz RACI - Lanzamiento App Móvil \"MiBarrio\""] + [""] * (ncol - 1),
             ["Actualizado: 02/04/2024"] + [""] * (ncol - 1),
             [""] * ncol,
             ["ID", "Actividad"] + parties + ["Esfuerzo (días)", "Fecha fin"]]
    model = []
    for row in data:
        if row[1] is None:
            lines.append([row[0]] + [""] * (ncol - 1))
            continue
        num, task, cells, eff, date = row
        ln = len(lines) + 1
        m = {"task": task, "row": ln, "cells": {}}
        for j, (p, v) in enumerate(zip(parties, cells)):
            m["cells"][p] = (f"{L(3 + j)}{ln}", v)
        model.append(m)
        lines.append([num, task] + cells + [eff, date])
    total = sum(float(r[3].replace(",", ".")) for r in data if r[1] is not None)
    lines.append([""] * ncol)
    lines.append(["", "TOTAL"] + [""] * len(parties) + [f"{total:.1f}".replace(".", ","), ""])
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerows(lines)
    with open(os.path.join(HERE, fname), "wb") as f:
        f.write(buf.getvalue().encode("cp1252"))
    add_key(fname, "82_es_matriz-raci-lanzamiento-app", model, parties, [
        "Excel 'CSV (delimitado por comas)' in a Spanish locale: ';' delimiter, Windows-1252 (ó, í, ñ), CRLF.",
        "Lines 1-3 are title / date / blank lines padded with ';'; line 1 holds a quoted title with inner quotes.",
        "Header on line 4 (ID;Actividad;6 parties;Esfuerzo (días);Fecha fin). Last two columns are not parties.",
        "Phase lines 5, 9, 13, 19 ('FASE 1 - DESCUBRIMIENTO'...) have only the first field filled.",
        "Effort uses decimal comma ('4,5'); a TOTAL line (line 25, after a blank line 24) sums effort only - not a task.",
        "Combined letters 'A/R', 'R/A' and lowercase 'r/a' (E17).",
    ], [(1, "Product Owner"), (9, "QA"), (4, "Equipo de Desarrollo"), (11, "Marketing"),
        (13, "Atención al Cliente"), (10, "UX/UI"), (14, "Equipo de Desarrollo"), (7, "Atención al Cliente")])


# ---------------------------------------------------------------------------------------
# 83 German, xlsx, local letters D/V/M/I with legend under the matrix
# ---------------------------------------------------------------------------------------
DE_MAP = {"D": "R", "V": "A", "M": "C", "I": "I"}


def de_map(raw):
    return std_map(raw, DE_MAP)


def f83():
    fname = "83_de_verantwortungsmatrix-crm.xlsx"
    parties = ["Geschäftsführung", "Projektleitung", "Fachbereich Vertrieb", "IT-Betrieb",
               "Datenschutz-\nbeauftragte(r)", "Qualitätssicherung", "Externer Dienstleister", "Betriebsrat"]
    data = [
        ("Phase 1: Konzeption", None, None, None),
        ("1.1", "Projektauftrag erstellen und freigeben", ["V", "D", "M", "I", "", "", "", "I"], ""),
        ("1.2", "Anforderungen Vertrieb aufnehmen", ["I", "V", "D", "", "", "", "M", ""], "Workshops KW 12-14"),
        ("1.3", "Lastenheft schreiben", ["", "V", "D", "M", "M", "M", "", ""], ""),
        ("1.4", "Ausschreibung und Auswahl des CRM-Anbieters", ["V", "D", "M", "M", "", "", "", ""], ""),
        ("1.5", "Datenschutz-Folgenabschätzung (DSFA)", ["I", "V", "", "M", "D", "", "M", "I"], "Pflicht nach Art. 35 DSGVO"),
        ("Phase 2: Umsetzung", None, None, None),
        ("2.1", "Pflichtenheft abstimmen", ["", "V", "M", "M", "", "M", "D", ""], ""),
        ("2.2", "Systemarchitektur und Schnittstellen (ERP, E-Mail)", ["", "V", "", "D", "M", "", "D", ""], ""),
        ("2.3", "Customizing Vertriebsprozesse", ["", "V", "M", "", "", "", "D", ""], ""),
        ("2.4", "Rollen- und Berechtigungskonzept", ["", "V", "M", "D", "M", "", "M", "I"], ""),
        ("2.5", "Datenmigration Altsystem", ["", "V/D", "M", "D", "I", "M", "D", ""], "Altdaten ab 2015"),
        ("2.6", "Betriebsvereinbarung zur Leistungs- und Verhaltenskontrolle", ["V", "M", "", "", "M", "", "", "D"], "§ 87 BetrVG"),
        ("Phase 3: Test & Abnahme", None, None, None),
        ("3.1", "Testkonzept erstellen", ["", "V", "", "", "", "D", "M", ""], ""),
        ("3.2", "Integrationstest", ["", "V", "", "D", "", "M", "D", ""], ""),
        ("3.3", "Anwendertest mit Key-Usern", ["", "V", "D", "", "", "M", "I", ""], ""),
        ("3.4", "Abnahme und Freigabe Go-Live", ["V", "D", "M", "M", "M", "M", "I", "I"], ""),
        ("Phase 4: Einführung & Betrieb", None, None, None),
        ("4.1", "Schulung der Außendienstmitarbeiter", ["", "V", "D", "", "", "", "D", "I"], ""),
        ("4.2", "Go-Live und Hypercare", ["I", "V", "M", "D", "", "", "D", ""], ""),
        ("4.3", "Übergabe an den IT-Betrieb (Betriebshandbuch)", ["", "V", "", "D, M", "", "M", "D", ""], ""),
        ("4.4", "Lessons Learned & Projektabschluss", ["I", "V, D", "M", "M", "", "M", "", ""], ""),
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Verantwortungsmatrix"
    ws["A1"] = "Verantwortungsmatrix Einführung CRM „VertriebPlus“"
    ws["A1"].font = Font(size=14, bold=True)
    ws["A2"] = "Stand: 11.03.2024 · Verantwortlich für das Dokument: M. Weber (PL)"
    ws["A2"].font = Font(size=9, italic=True)
    hdr = 4
    heads = ["Nr.", "Aufgabe"] + parties + ["Bemerkung"]
    for j, h in enumerate(heads):
        c = ws.cell(hdr, 1 + j, h)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="BDD7EE")
        c.border = BOX
        c.alignment = Alignment(text_rotation=90 if 2 <= j < 2 + len(parties) else 0,
                                wrap_text=True, vertical="bottom", horizontal="center")
    ws.row_dimensions[hdr].height = 120
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 52
    for j in range(len(parties)):
        ws.column_dimensions[L(3 + j)].width = 6
    ws.column_dimensions[L(3 + len(parties))].width = 28
    model = []
    r = hdr + 1
    for row in data:
        if row[1] is None:
            ws.cell(r, 2, row[0]).font = Font(bold=True, size=11)
            for j in range(len(heads)):
                ws.cell(r, 1 + j).fill = PatternFill("solid", fgColor="F2F2F2")
            r += 1
            continue
        num, task, cells, note = row
        ws.cell(r, 1, num)
        ws.cell(r, 2, task)
        m = {"task": task, "row": r, "cells": {}}
        for j, (p, v) in enumerate(zip(parties, cells)):
            c = ws.cell(r, 3 + j, v or None)
            c.alignment = Alignment(horizontal="center")
            c.border = BOX
            m["cells"][p] = (f"{L(3 + j)}{r}", v)
        ws.cell(r, 3 + len(parties), note or None)
        model.append(m)
        r += 1
    r += 1
    leg = ["Legende:",
           "D = Durchführung (führt die Aufgabe aus)",
           "V = Verantwortung (entscheidet / gibt frei – genau ein V pro Zeile)",
           "M = Mitwirkung (wird vorher konsultiert)",
           "I = Information (wird nachher informiert)"]
    for i, t in enumerate(leg):
        ws.cell(r + i, 2, t).font = Font(bold=(i == 0), size=9)
    ws.freeze_panes = "C5"
    h = wb.create_sheet("Änderungshistorie")
    for i, rr in enumerate([("Version", "Datum", "Änderung"), ("0.9", "20.02.2024", "Entwurf"),
                            ("1.0", "11.03.2024", "Abgestimmt im Lenkungsausschuss")]):
        for j, v in enumerate(rr):
            h.cell(1 + i, 1 + j, v)
    wb.save(os.path.join(HERE, fname))
    add_key(fname, "Verantwortungsmatrix", model, parties, [
        "Local German letters with the legend under the matrix (rows 29-33): D = Durchführung -> R, "
        "V = Verantwortung -> A, M = Mitwirkung -> C, I = Information -> I.",
        "Title rows 1-2, header row 4 with party names rotated 90°; G4 contains a hyphenated line break "
        "'Datenschutz-\\nbeauftragte(r)' (key name: 'Datenschutz- beauftragte(r)', i.e. whitespace collapsed).",
        "Phase rows 5, 11, 18, 23 have text in column B only (light grey), not tasks.",
        "Column K 'Bemerkung' is free text, not a party.",
        "Combined cells: D16 'V/D' (A+R), F26 'D, M' (R+C), D27 'V, D' (A+R).",
        "Second sheet 'Änderungshistorie' is a change log.",
    ], [(0, "Geschäftsführung"), (4, "Datenschutz-\nbeauftragte(r)"), (9, "Projektleitung"),
        (17, "IT-Betrieb"), (18, "Projektleitung"), (10, "Betriebsrat"), (16, "Externer Dienstleister"),
        (2, "Externer Dienstleister")], mapper=de_map)


# ---------------------------------------------------------------------------------------
# 84 Italian, xlsx, cover sheet, two-row grouped header, footnote asterisk, dashes
# ---------------------------------------------------------------------------------------
def f84():
    fname = "84_it_matrice-raci-gara-fornitura.xlsx"
    groups = [("Direzione", 2), ("Area IT", 3), ("Esterni", 2)]
    parties = ["Direttore Generale", "Responsabile Acquisti", "Responsabile IT", "Project Manager",
               "Sistemista", "Fornitore", "Consulente legale"]
    data = [
        ("A", "Preparazione della gara", None, None),
        ("A.1", "Analisi dei fabbisogni", ["I", "C", "A", "R", "C", "-", "-"], ""),
        ("A.2", "Stesura del capitolato tecnico", ["-", "C", "A", "R", "C", "-", "C"], ""),
        ("A.3", "Definizione dei criteri di valutazione", ["A", "R", "C", "C", "-", "-", "C"], ""),
        ("A.4", "Pubblicazione del bando", ["I", "A/R", "I", "I", "-", "-", "C"], "Sul portale fornitori"),
        ("B", "Valutazione delle offerte", None, None),
        ("B.1", "Verifica della documentazione amministrativa", ["-", "R", "-", "-", "-", "-", "A"], ""),
        ("B.2", "Valutazione tecnica delle offerte", ["-", "C", "A", "R", "R", "-", "-"], ""),
        ("B.3", "Valutazione economica", ["A*", "R", "I", "C", "-", "-", "-"], "* solo per importi > 40.000 €"),
        ("B.4", "Aggiudicazione provvisoria", ["A", "R", "I", "I", "-", "I", "C"], ""),
        ("C", "Contrattualizzazione e avvio", None, None),
        ("C.1", "Negoziazione e firma del contratto", ["A", "R", "C", "C", "-", "C", "R"], ""),
        ("C.2", "Nomina del referente del fornitore", ["-", "I", "I", "A", "-", "R", "-"], ""),
        ("C.3", "Kick-off di progetto", ["I", "I", "A", "R", "C", "C", "-"], ""),
        ("C.4", "Collaudo della fornitura", ["-", "I", "A", "R", "R", "C", "-"], "Verbale di collaudo firmato"),
    ]
    wb = openpyxl.Workbook()
    cov = wb.active
    cov.title = "Copertina"
    cov["B3"] = "Gara per la fornitura del nuovo sistema di protocollo informatico"
    cov["B3"].font = Font(size=16, bold=True)
    cov["B5"] = "Documento: Matrice delle responsabilità (RACI)"
    cov["B6"] = "Redatto da: ing. Lucia Ferraro — Ufficio PMO"
    cov["B7"] = "Data: 18/01/2024"
    ws = wb.create_sheet("Matrice RACI")
    ws["A1"] = "MATRICE RACI – GARA PROTOCOLLO INFORMATICO"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "R = Responsabile (esegue)   A = Approva / risponde del risultato   C = Consultato   I = Informato   - = nessun coinvolgimento"
    ws["A2"].font = Font(size=9, italic=True)
    g, h = 4, 5
    ws.cell(g, 1, "")
    col = 3
    for name, n in groups:
        c = ws.cell(g, col, name)
        c.font = Font(bold=True)
        c.alignment = Alignment(horizontal="center")
        c.fill = PatternFill("solid", fgColor="E2EFDA")
        ws.merge_cells(start_row=g, start_column=col, end_row=g, end_column=col + n - 1)
        col += n
    heads = ["Cod.", "Attività"] + parties + ["Note"]
    for j, t in enumerate(heads):
        c = ws.cell(h, 1 + j, t)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="A9D08E")
        c.alignment = Alignment(horizontal="center", wrap_text=True)
        c.border = BOX
    ws.column_dimensions["B"].width = 48
    ws.column_dimensions[L(3 + len(parties))].width = 30
    for j in range(len(parties)):
        ws.column_dimensions[L(3 + j)].width = 13
    model = []
    r = h + 1
    for code, task, cells, note in data:
        if cells is None:
            ws.cell(r, 1, code).font = Font(bold=True)
            ws.cell(r, 2, task).font = Font(bold=True)
            for j in range(len(heads)):
                ws.cell(r, 1 + j).fill = PatternFill("solid", fgColor="FFF2CC")
            r += 1
            continue
        ws.cell(r, 1, code)
        ws.cell(r, 2, task)
        m = {"task": task, "row": r, "cells": {}}
        for j, (p, v) in enumerate(zip(parties, cells)):
            c = ws.cell(r, 3 + j, v)
            c.alignment = Alignment(horizontal="center")
            c.border = BOX
            m["cells"][p] = (f"{L(3 + j)}{r}", v)
        ws.cell(r, 3 + len(parties), note or None)
        model.append(m)
        r += 1
    r += 1
    ws.cell(r, 2, "(*) L'approvazione del Direttore Generale è richiesta solo per importi superiori a 40.000 €.").font = Font(size=9, italic=True)
    ws.freeze_panes = "C6"
    ro = wb.create_sheet("Elenco ruoli")
    for i, rr in enumerate([("Ruolo", "Nominativo", "Struttura"),
                            ("Direttore Generale", "dott. Paolo Bianchi", "Direzione"),
                            ("Responsabile Acquisti", "Giulia Conti", "Ufficio Acquisti"),
                            ("Responsabile IT", "Marco Esposito", "Sistemi Informativi"),
                            ("Project Manager", "Lucia Ferraro", "PMO"),
                            ("Sistemista", "Andrea Galli", "Sistemi Informativi"),
                            ("Consulente legale", "avv. Francesca Romano", "Studio Romano & Associati")]):
        for j, v in enumerate(rr):
            ro.cell(1 + i, 1 + j, v)
    wb.save(os.path.join(HERE, fname))
    add_key(fname, "Matrice RACI", model, parties, [
        "First sheet 'Copertina' is a cover page; matrix on sheet 'Matrice RACI'; third sheet 'Elenco ruoli' maps roles to people.",
        "Inline legend on row 2 (R/A/C/I plus '-' = no involvement).",
        "Two-row header: row 4 merged groups (Direzione C4:D4, Area IT E4:G4, Esterni H4:I4), row 5 role names.",
        "Phase rows 6, 11, 16 carry codes 'A', 'B', 'C' in column A (note: code 'A' is not an Accountable letter) and a title in B.",
        "'-' marks no involvement; C14 'A*' has a footnote asterisk (footnote on row 22) -> A; D10 'A/R'.",
        "Column J 'Note' is free text, not a party.",
    ], [(3, "Responsabile Acquisti"), (6, "Direttore Generale"), (5, "Sistemista"), (8, "Consulente legale"),
        (9, "Responsabile Acquisti"), (4, "Consulente legale"), (11, "Fornitore"), (0, "Fornitore")])


# ---------------------------------------------------------------------------------------
# 85 Portuguese (BR), csv, Google Sheets export: comma, UTF-8 no BOM, LF; full words
# ---------------------------------------------------------------------------------------
PT_WORDS = {"Responsável": "R", "Aprovador": "A", "Consultado": "C", "Informado": "I", "": ""}


def pt_map(raw):
    return PT_WORDS[raw.strip()]


def f85():
    fname = "85_pt_matriz-raci-implantacao-erp.csv"
    parties = ["Gerente de Projetos", "Analista de Negócios", "Desenvolvedor", "Testador (QA)",
               "Cliente (Área Financeira)", "Patrocinador"]
    Rs, Ap, Co, In = "Responsável", "Aprovador", "Consultado", "Informado"
    data = [
        ("Iniciação", "Termo de abertura do projeto", [Rs, Co, "", "", Co, Ap], "8"),
        ("", "Identificação das partes interessadas", [Rs, Co, "", "", In, Ap], "4"),
        ("Planejamento", "Levantamento de requisitos", [Ap, Rs, Co, "", Co, ""], "40"),
        ("", "Especificação funcional", [Ap, Rs, Co, Co, Co, ""], "32,5"),
        ("", "Cronograma e orçamento", [Rs, Co, Co, "", In, Ap], "12"),
        ("", "Plano de comunicação", [Rs, "", "", "", In, Ap], "3,5"),
        ("Execução", "Configuração do ambiente de homologação", [Ap, "", Rs, Co, "", ""], "16"),
        ("", "Desenvolvimento das integrações (NF-e, bancos)", [Ap, Co, Rs, In, "", ""], "120"),
        ("", "Migração de dados cadastrais", [Ap, Co, Rs, Co, Co, ""], "48"),
        ("", "Elaboração dos casos de teste", [In, Co, "", Rs, Ap, ""], "24"),
        ("", "Testes integrados", [Ap, Co, Co, Rs, In, ""], "40"),
        ("", "Homologação pelo usuário", [Co, Co, "", Co, Rs, Ap], "30"),
        ("Encerramento", "Treinamento dos usuários finais", [Ap, Rs, "", "", Co, In], "20"),
        ("", "Entrada em produção", [Rs, In, Rs, In, In, Ap], "8"),
        ("", "Termo de aceite e encerramento", [Rs, "", "", "", Co, Ap], "2,5"),
    ]
    lines = [["Fase", "Atividade"] + parties + ["Horas estimadas", "Observações"]]
    model = []
    for ph, task, cells, hrs in data:
        ln = len(lines) + 1
        m = {"task": task, "row": ln, "cells": {}}
        for j, (p, v) in enumerate(zip(parties, cells)):
            m["cells"][p] = (f"{L(3 + j)}{ln}", v)
        model.append(m)
        obs = ""
        if task.startswith("Migração"):
            obs = "Clientes, fornecedores e produtos"
        if task.startswith("Entrada"):
            obs = "Janela de virada: sábado, 22h às 6h"
        lines.append([ph, task] + cells + [hrs, obs])
    buf = io.StringIO()
    csv.writer(buf, delimiter=",", lineterminator="\n").writerows(lines)
    with open(os.path.join(HERE, fname), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    add_key(fname, "85_pt_matriz-raci-implantacao-erp", model, parties, [
        "Google Sheets export: ',' delimiter, UTF-8 without BOM, LF line ends.",
        "Cells hold full Portuguese words from a dropdown instead of letters: Responsável -> R, "
        "Aprovador -> A, Consultado -> C, Informado -> I (no legend needed; words are the legend).",
        "Column A 'Fase' is filled only on the first task of each phase (merged cell in the sheet); "
        "these are real task rows, no separate phase rows.",
        "Decimal commas in 'Horas estimadas' are quoted (\"32,5\"); 'Observações' has a quoted value with a comma (line 15).",
        "Two columns after the parties ('Horas estimadas', 'Observações') are not parties.",
        "Line 15: two parties both 'Responsável' (Gerente de Projetos, Desenvolvedor).",
    ], [(0, "Patrocinador"), (3, "Analista de Negócios"), (9, "Cliente (Área Financeira)"),
        (11, "Cliente (Área Financeira)"), (13, "Desenvolvedor"), (13, "Testador (QA)"),
        (7, "Patrocinador"), (14, "Gerente de Projetos")], mapper=pt_map)


# ---------------------------------------------------------------------------------------
# 86 Dutch, xlsx, people as parties, local letters U/E/G/I/O, legend sheet, totals row
# ---------------------------------------------------------------------------------------
NL_MAP = {"U": "R", "E": "A", "G": "C", "I": "I", "O": ""}


def nl_map(raw):
    return std_map(raw, NL_MAP)


def f86():
    fname = "86_nl_taakverdeling-nieuwe-website.xlsx"
    parties = ["Eline Smit (PO)", "Jan de Vries", "Sanne van den Berg", "Pieter-Jan Bakker",
               "Fatima El Amrani", "Daan Jansen", "Bureau Zeewolf"]
    D = datetime.date
    data = [
        (1, "Doelgroeponderzoek en persona's", D(2024, 2, 9), "Afgerond", ["E", "", "U", "", "G", "", "I"]),
        (2, "Sitemap en informatiearchitectuur", D(2024, 2, 23), "Afgerond", ["E", "G", "U", "", "", "", "O"]),
        (3, "Wireframes homepage en productpagina's", D(2024, 3, 8), "Afgerond", ["E", "", "G", "", "", "", "U"]),
        (4, "Visueel ontwerp (huisstijl toepassen)", D(2024, 3, 22), "Bezig", ["E", "", "G", "", "I", "", "U"]),
        (5, "Keuze CMS en hosting", D(2024, 3, 1), "Afgerond", ["E", "U", "", "G", "", "G", ""]),
        (6, "Inrichten ontwikkel- en testomgeving", D(2024, 3, 15), "Afgerond", ["I", "E/U", "", "U", "", "", ""]),
        (7, "Frontend bouwen (templates, componenten)", D(2024, 4, 19), "Bezig", ["I", "E", "", "U", "", "", "O"]),
        (8, "Koppeling met voorraadsysteem (API)", D(2024, 4, 26), "Bezig", ["I", "E", "", "U", "", "G", ""]),
        (9, "Teksten herschrijven (SEO)", D(2024, 4, 12), "Bezig", ["E", "", "G", "", "U", "", ""]),
        (10, "Content migreren van oude site", D(2024, 5, 3), "Niet gestart", ["E", "I", "", "", "U", "O", ""]),
        (11, "Cookiebanner en privacyverklaring (AVG)", D(2024, 4, 26), "Niet gestart", ["E", "G", "", "U", "G", "", ""]),
        (12, "Toegankelijkheidstoets (WCAG 2.1)", D(2024, 5, 10), "Niet gestart", ["E", "", "G", "U", "", "", "G"]),
        (13, "Gebruikerstest met klanten", D(2024, 5, 17), "Niet gestart", ["E", "", "U", "O", "G", "", ""]),
        (14, "Redirects oude URL's instellen", D(2024, 5, 24), "Niet gestart", ["I", "E", "", "U", "G", "", ""]),
        (15, "Livegang en monitoring eerste week", D(2024, 5, 31), "Niet gestart", ["E", "U", "I", "U", "I", "I", "I"]),
        (16, "Nieuwsbrief en social posts over de lancering", D(2024, 5, 31), "Niet gestart", ["E", "", "", "", "U", "i", ""]),
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Taakverdeling"
    ws["A1"] = "Taakverdeling – nieuwe website Tuincentrum De Linde"
    ws["A1"].font = Font(bold=True, size=14)
    hdr = 3
    heads = ["Nr", "Taak", "Deadline", "Status"] + parties
    for j, t in enumerate(heads):
        c = ws.cell(hdr, 1 + j, t)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="375623")
        c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    ws.column_dimensions["B"].width = 46
    ws.column_dimensions["C"].width = 12
    ws.column_dimensions["D"].width = 13
    for j in range(len(parties)):
        ws.column_dimensions[L(5 + j)].width = 12
    nlfill = {"U": "C6EFCE", "E": "F8CBAD", "G": "FFE699", "I": "BDD7EE", "O": "EDEDED"}
    model = []
    r = hdr + 1
    for num, task, dl, st, cells in data:
        ws.cell(r, 1, num)
        ws.cell(r, 2, task)
        c = ws.cell(r, 3, dl)
        c.number_format = "DD-MM-YYYY"
        ws.cell(r, 4, st)
        m = {"task": task, "row": r, "cells": {}}
        for j, (p, v) in enumerate(zip(parties, cells)):
            vv = v
            if (num, j) in ((4, 2), (12, 6)):
                vv = v + " "          # stray trailing spaces typed by hand
            c = ws.cell(r, 5 + j, vv or None)
            c.alignment = Alignment(horizontal="center")
            if v:
                c.fill = PatternFill("solid", fgColor=nlfill[v[0].upper()])
            m["cells"][p] = (f"{L(5 + j)}{r}", vv)
        model.append(m)
        r += 1
    # count row (pasted as values), one blank row between
    r += 1
    ws.cell(r, 2, "Aantal taken als uitvoerder (U)").font = Font(italic=True)
    for j in range(len(parties)):
        n = sum(1 for d in data if "U" in d[4][j].upper())
        ws.cell(r, 5 + j, n).font = Font(italic=True)
    ws.auto_filter.ref = f"A{hdr}:{L(4 + len(parties))}{hdr + len(data)}"
    ws.freeze_panes = "E4"
    lg = wb.create_sheet("Legenda")
    for i, (a, b) in enumerate([("Letter", "Betekenis"),
                                ("U", "Uitvoerend – doet het werk"),
                                ("E", "Eindverantwoordelijk – keurt goed, max. één per taak"),
                                ("G", "Geraadpleegd – vooraf om advies gevraagd"),
                                ("I", "Geïnformeerd – wordt op de hoogte gehouden"),
                                ("O", "Ondersteunend – helpt mee waar nodig")]):
        lg.cell(1 + i, 1, a).font = Font(bold=(i == 0))
        lg.cell(1 + i, 2, b).font = Font(bold=(i == 0))
    lg.column_dimensions["B"].width = 50
    wb.save(os.path.join(HERE, fname))
    add_key(fname, "Taakverdeling", model, parties, [
        "Dutch local letters with legend on sheet 'Legenda': U = Uitvoerend -> R, E = Eindverantwoordelijk -> A, "
        "G = Geraadpleegd -> C, I = Geïnformeerd -> I, O = Ondersteunend -> nothing (support).",
        "Parties are people (tussenvoegsels: 'Jan de Vries', 'Sanne van den Berg') and an agency 'Bureau Zeewolf'.",
        "Columns C 'Deadline' (real dates, DD-MM-YYYY) and D 'Status' sit between the task and the parties.",
        "F9 'E/U' -> A+R; lowercase 'i' in J19; trailing spaces in G7 'G ' and K15 'G '.",
        "Row 21 (after blank row 20) is a count row 'Aantal taken als uitvoerder (U)' with numbers, not a task.",
        "Autofilter on A3:K19; freeze panes at E4.",
    ], [(5, "Jan de Vries"), (1, "Bureau Zeewolf"), (3, "Sanne van den Berg"), (12, "Pieter-Jan Bakker"),
        (15, "Daan Jansen"), (11, "Bureau Zeewolf"), (14, "Eline Smit (PO)"), (7, "Daan Jansen")],
        mapper=nl_map)


# ---------------------------------------------------------------------------------------
# 87 French, csv ; UTF-8 BOM CRLF, inverted list (names in R/A/C/I columns)
# ---------------------------------------------------------------------------------------
def f87():
    fname = "87_fr_raci-liste-par-tache.csv"
    data = [
        ("Données", "Cartographie des sources de données", "Zoé Martin", "Hélène Dubois", "François Lefèvre, Équipe Data", "Benoît Faure", "29/03/2024"),
        ("Données", "Mise en place du pipeline d'ingestion", "Équipe Data", "François Lefèvre", "Jérôme Garnier", "Hélène Dubois", "26/04/2024"),
        ("Données", "Règles de qualité et de nettoyage", "Zoé Martin; Équipe Data", "François Lefèvre", "Anaïs Roux", "", "10/05/2024"),
        ("Données", "Catalogue et dictionnaire de données", "Zoé Martin", "François Lefèvre", "", "Équipe Data, Anaïs Roux", "31/05/2024"),
        ("Conformité", "Registre des traitements RGPD", "Anaïs Roux", "Hélène Dubois", "François Lefèvre", "Benoît Faure", "15/04/2024"),
        ("Conformité", "Gestion des droits d'accès aux tableaux de bord", "Jérôme Garnier", "François Lefèvre", "Anaïs Roux", "Zoé Martin, Benoît Faure", "30/04/2024"),
        ("Restitution", "Maquettes des tableaux de bord commerciaux", "Zoé Martin", "Benoît Faure", "Hélène Dubois", "", "17/05/2024"),
        ("Restitution", "Développement des rapports Power BI", "Zoé Martin, Équipe Data", "François Lefèvre", "Benoît Faure", "Hélène Dubois", "14/06/2024"),
        ("Restitution", "Recette des indicateurs avec les métiers", "Benoît Faure", "Hélène Dubois", "Zoé Martin", "Équipe Data", "21/06/2024"),
        ("Restitution", "Formation des utilisateurs", "Zoé Martin", "Benoît Faure", "", "Hélène Dubois, François Lefèvre", "28/06/2024"),
        ("Exploitation", "Supervision des chargements nocturnes", "Jérôme Garnier", "François Lefèvre", "Équipe Data", "", "05/07/2024"),
        ("Exploitation", "Mise à jour de la documentation", "Équipe Data", "François Lefèvre", "", "", "12/07/2024"),
    ]
    heads = ["Domaine", "Tâche", "Réalise (R)", "Approuve (A)", "Consulté(s) (C)", "Informé(s) (I)", "Échéance"]
    lines = [heads]
    model = []
    people = []
    for d in data:
        ln = len(lines) + 1
        cells = {}
        for j, letter in enumerate("RACI"):
            for nm in [x.strip() for x in d[2 + j].replace(";", ",").split(",") if x.strip()]:
                if nm not in people:
                    people.append(nm)
                ref, raw = cells.get(nm, ("", ""))
                cells[nm] = ((ref + "+" if ref else "") + f"{L(3 + j)}{ln}", raw + letter)
        model.append({"task": d[1], "row": ln, "cells": cells})
        lines.append(list(d))
    for m in model:
        for p in people:
            m["cells"].setdefault(p, (f"C{m['row']}", ""))
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(lines)
    with open(os.path.join(HERE, fname), "w", encoding="utf-8-sig", newline="") as f:
        f.write(buf.getvalue())
    add_key(fname, "87_fr_raci-liste-par-tache", model, people, [
        "Inverted list: one line per task, columns 'Réalise (R)', 'Approuve (A)', 'Consulté(s) (C)', 'Informé(s) (I)' hold names.",
        "UTF-8 with BOM, ';' delimiter, CRLF; accented names (Zoé, Hélène, François Lefèvre, Anaïs, Benoît, Jérôme) and a team 'Équipe Data'.",
        "Several names per cell separated by ', ' (E2, F5, F7, C9, F11) and once by '; ' inside a quoted field (C4 \"Zoé Martin; Équipe Data\").",
        "Column A 'Domaine' repeats a group on every line (no separate phase lines); column G 'Échéance' holds dates.",
        "Empty C/I cells on some lines (F4, E5, F8, E11, F12, E13, F13).",
        "Spot cells for names: the cell where the name appears (the column gives the letter); empty spots point at column C.",
    ], [(0, "Équipe Data"), (2, "Équipe Data"), (3, "Anaïs Roux"), (5, "Benoît Faure"),
        (7, "Zoé Martin"), (9, "François Lefèvre"), (11, "Jérôme Garnier"), (8, "Hélène Dubois")],
        mapper=lambda raw: std_map(raw))


# ---------------------------------------------------------------------------------------
# 88 German, ods (LibreOffice), people with umlauts, R+A combos, blank row, unassigned task
# ---------------------------------------------------------------------------------------
def f88():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell, TableColumn
    from odf.text import P
    from odf.style import Style, TextProperties, TableCellProperties
    fname = "88_de_raci-matrix-rechenzentrum.ods"
    parties = ["Jürgen Weiß", "Sabine Köhler", "Dr. Thomas Groß", "Özlem Yıldız", "Lukas Schäfer",
               "Team Netzwerk", "Facility Management"]
    data = [
        ("1", "Planung", None),
        ("1.1", "Bestandsaufnahme Server und Storage", ["A", "R", "", "C", "R", "C", ""]),
        ("1.2", "Zielarchitektur im neuen Rechenzentrum", ["A", "C", "R", "C", "", "C", ""]),
        ("1.3", "Umzugsplanung und Wellenplanung", ["A", "R", "C", "C", "C", "C", "C"]),
        ("1.4", "Abstimmung Wartungsfenster mit den Fachbereichen", ["R+A", "I", "", "", "", "", ""]),
        None,  # blank row typed by hand
        ("2", "Vorbereitung", None),
        ("2.1", "Racks, Strom und Klimatisierung bereitstellen", ["I", "", "C", "", "", "", "R+A"]),
        ("2.2", "Netzwerkanbindung und Firewall-Regeln", ["A", "", "C", "", "", "R", ""]),
        ("2.3", "Backup-Konzept prüfen und Rücksicherung testen", ["A", "C", "", "R", "", "", ""]),
        ("2.4", "Notfallplan (Rollback) erstellen", ["A", "R", "C", "R", "", "C", ""]),
        ("3", "Umzug", None),
        ("3.1", "Welle 1: Test- und Entwicklungssysteme", ["A", "R", "", "", "R", "R", "I"]),
        ("3.2", "Welle 2: Produktivsysteme (Wochenende)", ["A", "R", "C", "R", "R", "R", "I"]),
        ("3.3", "Funktionstests nach dem Umzug", ["A", "C", "", "", "R", "", ""]),
        ("3.4", "Datenbanken umziehen (Oracle, PostgreSQL)", ["A", "", "C", "R", "", "", ""]),
        ("4", "Abschluss", None),
        ("4.1", "Dokumentation und CMDB aktualisieren", ["A", "R", "", "", "R", "", ""]),
        ("4.2", "Altstandort zurückbauen und Hardware entsorgen", ["", "", "", "", "", "", ""]),
        ("4.3", "Abschlussbericht an die Geschäftsleitung", ["R/A", "C", "C", "I", "I", "I", "I"]),
    ]
    doc = OpenDocumentSpreadsheet()
    bold = Style(name="bold", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    grey = Style(name="grey", family="table-cell")
    grey.addElement(TextProperties(fontweight="bold"))
    grey.addElement(TableCellProperties(backgroundcolor="#dddddd"))
    doc.automaticstyles.addElement(bold)
    doc.automaticstyles.addElement(grey)

    def cell(v, style=None):
        kw = {"stylename": style} if style else {}
        if v is None or v == "":
            return TableCell(**kw)
        c = TableCell(valuetype="string", **kw)
        c.addElement(P(text=str(v)))
        return c

    def row(vals, style=None):
        tr = TableRow()
        for v in vals:
            tr.addElement(cell(v, style))
        return tr

    t0 = Table(name="Übersicht")
    for vals in [["RZ-Umzug 2024 – Frankfurt nach Offenbach"], [],
                 ["Projektleitung:", "Jürgen Weiß"], ["Zeitraum:", "April bis Juni 2024"],
                 ["Ansprechpartner Facility:", "Hr. Brandt"]]:
        t0.addElement(row(vals))
    doc.spreadsheet.addElement(t0)

    t = Table(name="RACI-Matrix")
    ncol = 2 + len(parties)
    for _ in range(ncol):
        t.addElement(TableColumn())
    t.addElement(row(["RACI-Matrix Rechenzentrumsumzug"], "bold"))
    t.addElement(row(["R = Durchführung, A = Gesamtverantwortung, C = wird befragt, I = wird informiert"]))
    t.addElement(row(["Nr.", "Aufgabe"] + parties, "bold"))
    model = []
    r = 4
    for d in data:
        if d is None:
            t.addElement(TableRow())
            r += 1
            continue
        num, task, cells = d
        if cells is None:
            t.addElement(row([num, task] + [""] * len(parties), "grey"))
        else:
            t.addElement(row([num, task] + cells))
            model.append({"task": task, "row": r,
                          "cells": {p: (f"{L(3 + j)}{r}", v) for j, (p, v) in enumerate(zip(parties, cells))}})
        r += 1
    doc.spreadsheet.addElement(t)
    t2 = Table(name="Personen")
    for vals in [["Name", "Rolle", "Telefon"],
                 ["Jürgen Weiß", "Projektleiter", "069 123-410"],
                 ["Sabine Köhler", "Systemadministration Windows", "069 123-422"],
                 ["Dr. Thomas Groß", "IT-Architekt", "069 123-400"],
                 ["Özlem Yıldız", "Datenbankadministration", "069 123-431"],
                 ["Lukas Schäfer", "Systemadministration Linux", "069 123-427"]]:
        t2.addElement(row(vals))
    doc.spreadsheet.addElement(t2)
    doc.save(os.path.join(HERE, fname))
    add_key(fname, "RACI-Matrix", model, parties, [
        "LibreOffice .ods; first sheet 'Übersicht' is a project overview, matrix on 'RACI-Matrix', third sheet 'Personen' is a phone list.",
        "Row 1 title, row 2 one-line legend (R/A/C/I kept, explained in German), header row 3 'Nr.', 'Aufgabe' + 7 parties.",
        "Phase rows 4, 10, 15, 20 ('1' 'Planung', ...) have number + name and no letters; not tasks.",
        "Row 9 is an empty row inside the matrix (between phase 1 and phase 2).",
        "Combined 'R+A' (C8, I11) and 'R/A' (C23); task 4.2 on row 22 has no letters at all (still a task).",
        "Party names with umlauts/ß/Turkish letters: 'Jürgen Weiß', 'Dr. Thomas Groß', 'Özlem Yıldız'.",
    ], [(3, "Jürgen Weiß"), (4, "Facility Management"), (13, "Sabine Köhler"), (14, "Dr. Thomas Groß"),
        (9, "Team Netzwerk"), (9, "Özlem Yıldız"), (12, "Lukas Schäfer"), (7, "Sabine Köhler")], tc_ok=[15, 14])


# ---------------------------------------------------------------------------------------
# 89 Spanish, xls (Excel 97-2003), RASCI with legend above the matrix, S = Soporte
# ---------------------------------------------------------------------------------------
ES_MAP = {"R": "R", "A": "A", "S": "", "C": "C", "I": "I"}


def es_map(raw):
    return std_map(raw, ES_MAP)


def f89():
    import xlwt
    fname = "89_es_matriz-rasci-gestion-incidencias.xls"
    parties = ["Director de TI", "Jefe de Mesa de Ayuda", "Técnico N1", "Técnico N2",
               "Administrador de Sistemas", "Seguridad de la Información", "Proveedor externo", "Usuario solicitante"]
    data = [
        ("1. Registro y clasificación", None),
        ("Registro de la incidencia en la herramienta", ["", "A", "R", "", "", "", "", "C"]),
        ("Clasificación y priorización", ["", "A", "R", "S", "", "", "", ""]),
        ("Comunicación del número de ticket al usuario", ["", "A", "R", "", "", "", "", "I"]),
        ("2. Diagnóstico y resolución", None),
        ("Diagnóstico inicial (primer nivel)", ["", "A", "R", "S", "", "", "", "C"]),
        ("Escalado a segundo nivel", ["", "A", "R", "R", "", "", "", "I"]),
        ("Diagnóstico avanzado y solución temporal", ["", "A", "", "R", "S", "", "C", ""]),
        ("Escalado al proveedor externo", ["I", "A", "", "R", "", "", "R/S", "I"]),
        ("Gestión de incidencias de seguridad", ["I", "C", "", "S", "S", "A/R", "", ""]),
        ("Aplicación de la solución definitiva", ["", "A", "", "R", "R", "", "S", "I"]),
        ("3. Cierre", None),
        ("Verificación con el usuario", ["", "A", "R", "", "", "", "", "C"]),
        ("Cierre y documentación del ticket", ["", "A", "R", "R", "", "", "", "I"]),
        ("Encuesta de satisfacción", ["", "A/R", "", "", "", "", "", "I"]),
        ("4. Mejora continua", None),
        ("Análisis de causa raíz (problemas)", ["A", "C", "", "R", "R", "C", "S", ""]),
        ("Informe mensual de niveles de servicio (ANS)", ["A", "R", "I", "I", "", "", "C", ""]),
        ("Actualización de la base de conocimiento", ["", "A", "R", "R", "S", "", "", ""]),
    ]
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Matriz RASCI")
    tit = xlwt.easyxf("font: bold on, height 280")
    b = xlwt.easyxf("font: bold on")
    hdrst = xlwt.easyxf("font: bold on; pattern: pattern solid, fore_colour gray25; "
                        "borders: left thin, right thin, top thin, bottom thin; alignment: wrap on, horiz center")
    ph = xlwt.easyxf("font: bold on; pattern: pattern solid, fore_colour light_yellow")
    ctr = xlwt.easyxf("alignment: horiz center; borders: left thin, right thin, top thin, bottom thin")
    ws.write(0, 0, "Matriz RASCI – Proceso de Gestión de Incidencias (ITIL)", tit)
    leg = [("Leyenda:", ""), ("R", "Responsable: ejecuta la actividad"),
           ("A", "Aprobador: rinde cuentas, uno solo por actividad"),
           ("S", "Soporte: apoya al responsable"), ("C", "Consultado: aporta información antes"),
           ("I", "Informado: recibe el resultado")]
    for i, (a, c) in enumerate(leg):
        ws.write(2 + i, 0, a, b if i == 0 else xlwt.easyxf(""))
        if c:
            ws.write(2 + i, 1, c)
    hdr = 9  # 0-based -> row 10
    ws.write(hdr, 0, "Actividad", hdrst)
    for j, p in enumerate(parties):
        ws.write(hdr, 1 + j, p, hdrst)
    ws.col(0).width = 256 * 50
    for j in range(len(parties)):
        ws.col(1 + j).width = 256 * 14
    model = []
    r = hdr + 1
    for task, cells in data:
        if cells is None:
            ws.write(r, 0, task, ph)
            for j in range(len(parties)):
                ws.write(r, 1 + j, "", ph)
        else:
            ws.write(r, 0, task)
            m = {"task": task, "row": r + 1, "cells": {}}
            for j, (p, v) in enumerate(zip(parties, cells)):
                ws.write(r, 1 + j, v, ctr)
                m["cells"][p] = (f"{L(2 + j)}{r + 1}", v)
            model.append(m)
        r += 1
    ws.write(r + 1, 0, "Elaborado por: Oficina de Servicios TI – rev. 3 (noviembre 2023)", xlwt.easyxf("font: italic on"))
    wb.save(os.path.join(HERE, fname))
    add_key(fname, "Matriz RASCI", model, parties, [
        "Excel 97-2003 .xls; RASCI: legend rows 3-8 above the matrix (R Responsable, A Aprobador, S Soporte, C Consultado, I Informado).",
        "S = Soporte counts as nothing in RACI terms: 'R/S' (H19) -> R; lone 'S' cells -> ''.",
        "Header on row 10 ('Actividad' + 8 parties); phase rows 11, 15, 22, 26 ('1. Registro y clasificación'...) shaded yellow, not tasks.",
        "Matrix cells written as empty strings (bordered) where no letter, not truly blank.",
        "'A/R' in G20 and C25; footer note on row 31.",
        "Tasks have no numbers; 'Usuario solicitante' (the requester) is a party.",
    ], [(1, "Técnico N2"), (6, "Proveedor externo"), (7, "Seguridad de la Información"),
        (7, "Administrador de Sistemas"), (11, "Jefe de Mesa de Ayuda"), (13, "Director de TI"),
        (6, "Técnico N1"), (14, "Usuario solicitante")], mapper=es_map)


if __name__ == "__main__":
    for f in (f81, f82, f83, f84, f85, f86, f87, f88, f89):
        f()
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump(KEY, fh, ensure_ascii=False, indent=2)
    print("ok", len(KEY))
