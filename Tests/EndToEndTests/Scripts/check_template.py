"""Checks the layout of a blank `pipeline template` workbook with openpyxl.

usage: check_template.py TEMPLATE domains.json [OPD_NAME OPD_CODE]

Identitas first, the six domain sheets with the labels of domains.json in row 1
(frozen), a note on every header cell, list validations fed by defined names
that point into the hidden list sheet (no literal lists), the version stamp,
and the OPD pre-filled when given. Prints one line per problem; exit 1 if any.
"""
import json
import sys

import openpyxl

path, domains_path, *opd = sys.argv[1:]
std = json.load(open(domains_path, encoding="utf-8"))
wb = openpyxl.load_workbook(path)
problems = []

want = ["Identitas"] + [d["label"] for d in std["domains"]] + ["Daftar Pilihan"]
if wb.sheetnames != want:
    problems.append(f"sheets {wb.sheetnames}")
lists = wb["Daftar Pilihan"]
if lists.sheet_state != "hidden":
    problems.append("list sheet not hidden")
if lists["A1"].value != "Versi Templat" or not isinstance(lists["A2"].value, (int, float)):
    problems.append(f"stamp {lists['A1'].value!r} {lists['A2'].value!r}")

names = wb.defined_names
for d in std["domains"]:
    ws = wb[d["label"]]
    labels = [f["label"] for f in d["fields"] if f["key"] != "opd"]
    header = [c.value for c in ws[1]]
    if header != labels:
        problems.append(f"{d['label']}: header {header}")
    if ws.freeze_panes != "A2":
        problems.append(f"{d['label']}: not frozen")
    for c in ws[1]:
        if c.comment is None or len(c.comment.text) < 20:
            problems.append(f"{d['label']}!{c.coordinate}: no note")
        elif ("Wajib diisi" in c.comment.text) != bool(
            next(f for f in d["fields"] if f["label"] == c.value).get("required")):
            problems.append(f"{d['label']}!{c.coordinate}: required-ness not in the note")
    dv_cols = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list":
            if dv.formula1.startswith('"'):
                problems.append(f"{d['label']}: literal list {dv.formula1[:40]}")
            elif dv.formula1 not in names:
                problems.append(f"{d['label']}: {dv.formula1} is not a defined name")
            else:
                sheet, _ = list(names[dv.formula1].destinations)[0]
                if sheet != "Daftar Pilihan":
                    problems.append(f"{dv.formula1} points at {sheet}")
            for rng in dv.sqref.ranges:
                dv_cols[rng.min_col] = dv.formula1
    for i, f in enumerate(d["fields"]):
        if f["key"] == "opd":
            continue
        col = labels.index(f["label"]) + 1
        if f["type"] in ("kode", "pilihan") and col not in dv_cols:
            problems.append(f"{d['label']}: no dropdown on {f['label']}")

ident = {r[0].value: r[1].value for r in wb["Identitas"].iter_rows() if r[0].value}
for f in std["identitas"]:
    if f["label"] not in ident:
        problems.append(f"Identitas: no {f['label']}")
if opd:
    if ident.get("Nama Perangkat Daerah") != opd[0] or ident.get("Kode Perangkat Daerah") != opd[1]:
        problems.append(f"Identitas: {ident}")

for p in problems[:40]:
    print(p)
sys.exit(1 if problems else 0)
