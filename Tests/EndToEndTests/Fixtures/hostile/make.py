#!/usr/bin/env python3
"""Writes the hostile inputs of HTMLTests: markup, event handlers, a
right-to-left override (U+202E), control characters and NIK/NIP-shaped numbers
in every field that reaches the HTML outputs (sheet names, header labels, cell
values, the OPD name in Identitas, notes below a table). The test copies them
under hostile file names. Run with openpyxl: python3 make.py
"""
import pathlib

from openpyxl import Workbook

RLO = "\u202e"
here = pathlib.Path(__file__).parent

wb = Workbook()
ident = wb.active
ident.title = "Identitas"
ident.append(["Nama Perangkat Daerah", f'<script>alert("opd")</script> Dinas {RLO}Palsu'])
ident.append(["Nama Pengisi", "Budi, NIK 3604010101010001"])

apps = wb.create_sheet('Aplikasi"><b onmouseover=x>')
apps.append(["Nama Aplikasi", "Kode RAA", "Basis Aplikasi", "Status",
             '<script>alert("kolom")</script>', f"Catatan {RLO}lmth"])
# `_x0007_` is how OOXML writes a character XML cannot hold: BEL, then ESC.
apps.append(['"><img src=x onerror=alert(1)>', "<script>alert(2)</script>",
             f"Web{RLO}exe.lmth", "Aktif_x0007__x001B_[31m",
             "<iframe src=http://example.com/></iframe>", "NIK 3604010101010001"])
apps.append(["Aplikasi milik 3604010101010001", "RAA.01.01", "Web", "Aktif", "x", "y"])
apps.append(["SIMPEG", "RAA.01.01", "Mobile 19800101 200501 1 001", "Aktif", "x", "y"])
apps.append([])
apps.append(["NIP. 19800101 200501 1 001"])

other = wb.create_sheet(f"<script>{RLO}x")
other.append(["<b>hello</b>", "world"])
wb.save(here / "hostile.xlsx")

# A CSV for the Layanan domain: one row of a known OPD, one of a hostile one.
rows = [
    ["Nama Layanan", "Perangkat Daerah", "Kode RAL", "Target Layanan", "Metode Layanan",
     "<svg onload=alert(4)>"],
    ["<script>alert(5)</script>\x07", "Dinkes", "RAL.01.01.01", "Masyarakat",
     f"Elektronik{RLO}", "NIK 3604.0101.0101.0001"],
    ["Layanan B", "<img src=x onerror=alert(6)>", "RAL.01.01.01", "Masyarakat", "Elektronik",
     "z"],
]


def field(v):
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v


(here / "hostile-layanan.csv").write_text(
    "".join(",".join(field(v) for v in r) + "\r\n" for r in rows), encoding="utf-8")
