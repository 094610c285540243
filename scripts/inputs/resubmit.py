#!/usr/bin/env python3
"""Re-submissions and zip pakets: the fixture folders of Tests/EndToEndTests/Fixtures/resubmit
(hand-reviewed in RESUBMIT.md there) and the bundled paket of inputs/.

    python3 scripts/inputs/resubmit.py --fixtures Tests/EndToEndTests/Fixtures/resubmit
    python3 scripts/inputs/resubmit.py --input inputs      # writes only the bundled zip paket

Members of a paket are saved again by LibreOffice (`soffice --headless --convert-to xlsx`).
"""

import argparse
import io
import os
import shutil
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import new_workbook, resave_with_libreoffice, save  # noqa: E402

APLIKASI = ["ID", "Nama Aplikasi", "Perangkat Daerah", "Kode RAA", "Basis Aplikasi", "Status"]
LAYANAN = ["ID", "Nama Layanan", "Perangkat Daerah", "Kode RAL", "Target Layanan", "Metode Layanan"]
# Zip entries dated by a fixed time, so the paket is the same bytes on every run.
STAMP = (2024, 8, 19, 9, 0, 0)


def workbook(path, sheets):
    """`sheets`: (name, header, rows); one table each, header in row 1."""
    wb = new_workbook()
    for name, head, data in sheets:
        ws = wb.create_sheet(name)
        ws.append(head)
        for r in data:
            ws.append(r)
    save(wb, path)


def paket(path, members):
    """`members`: (name, bytes), stored in the order given."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)


def revisi(out):
    os.makedirs(out, exist_ok=True)
    workbook(os.path.join(out, "BKPSDM.xlsx"), [("Aplikasi", APLIKASI, [
        ["AP-01", "SIMPEG", "BKPSDM", "RAA.01.01", "Web", "Aktif"],
        ["AP-02", "E-Kinerja", "BKPSDM", "RAA.01.01", "Web", "Aktif"],
        [None, "Presensi Online", "BKPSDM", "RAA.01.01", "Mobile", "Aktif"],
    ])])
    workbook(os.path.join(out, "BKPSDM revisi.xlsx"), [("Aplikasi", APLIKASI, [
        ["AP-01", "SIMPEG Terpadu", "BKPSDM", "RAA.01.01", "Web", "Aktif"],
        [None, "E-Kinerja", "BKPSDM", "RAA.01.01", "Web", "Aktif"],
        [None, "Presensi Online", "BKPSDM", "RAA.01.01", "Mobile", "Aktif"],
        ["AP-03", "Sistem Informasi Diklat", "BKPSDM", "RAA.01.01", "Web", "Aktif"],
    ])])


def identik(out, inputs):
    os.makedirs(out, exist_ok=True)
    for src, copies in [("Bapenda.xlsx", ["Bapenda.xlsx", "Bapenda (1).xlsx"]),
                        ("Inspektorat.xlsx", ["Inspektorat.xlsx", "Inspektorat - Salinan.xlsx"])]:
        for c in copies:
            shutil.copyfile(os.path.join(inputs, src), os.path.join(out, c))


def members(tmp, opds):
    """One Aplikasi and Layanan workbook per OPD, saved again by LibreOffice; their bytes."""
    os.makedirs(tmp, exist_ok=True)
    paths = []
    for name, apps, services in opds:
        p = os.path.join(tmp, f"{name}.xlsx")
        workbook(p, [("Aplikasi", APLIKASI, apps), ("Layanan", LAYANAN, services)])
        paths.append(p)
    resave_with_libreoffice(paths)
    return [(os.path.basename(p), open(p, "rb").read()) for p in paths]


def inner_zip(data):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr(zipfile.ZipInfo("Lama.xlsx", STAMP), data)
    return b.getvalue()


def fixture_paket(out):
    os.makedirs(out, exist_ok=True)
    tmp = os.path.join(out, ".members")
    m = dict(members(tmp, [
        ("DPUPR", [["AP-01", "SIMBG", "DPUPR", "RAA.01.01", "Web", "Aktif"]],
         [["LY-01", "Persetujuan Bangunan Gedung", "DPUPR", "RAL.02.02.03", "Masyarakat", "Elektronik"]]),
        ("Disperkim", [["AP-01", "SIRUMAH", "Disperkim", "RAA.01.01", "Websit", "Aktif"]],
         [["LY-01", "Bantuan Rumah Layak Huni", "Disperkim", "RAL.02.02.03", "Masyarakat", "Elektronik"]]),
    ]))
    shutil.rmtree(tmp)
    paket(os.path.join(out, "Paket Arsitektur.zip"), [
        ("DPUPR.xlsx", m["DPUPR.xlsx"]),
        ("Perumahan/Disperkim.xlsx", m["Disperkim.xlsx"]),
        ("Arsitektur gabungan.xlsx", m["DPUPR.xlsx"]),
        ("Lama.zip", inner_zip(m["DPUPR.xlsx"])),
        ("Surat Pengantar.pdf", b"%PDF-1.4\n%%EOF\n"),
        ("__MACOSX/._DPUPR.xlsx", b"\0"),
    ])


def bundled(inputs):
    """The bundled paket: two OPDs that send nothing else, with planted mistakes (README)."""
    tmp = os.path.join(inputs, ".paket-members")
    m = dict(members(tmp, [
        ("DPMD", [["AP-01", "SIDESA", "DPMD", "RAA.01.01", "Web", "Aktif"],
                  [None, "Profil Desa", "DPMD", "RAA.01.01", "Web", "Aktif"]],
         [["LY-01", "Fasilitasi Dana Desa", "DPMD", "RAL.02.02.03", "Pemerintah", "Elektronik"]]),
        ("Dinas Perikanan", [["AP-01", "SIKAN", "Diskan", "RAA.99.99", "Web", "Aktif"]],
         [["LY-01", "Izin Usaha Perikanan", "Diskan", "RAL.02.02.03", "Masyarakat", "Elektronik"],
          ["LY-01", "Bantuan Benih Ikan", "Diskan", "RAL.02.02.03", "Masyarakat", "Elektronik"]]),
    ]))
    shutil.rmtree(tmp)
    paket(os.path.join(inputs, "Paket Arsitektur DPMD.zip"), [
        ("DPMD.xlsx", m["DPMD.xlsx"]),
        ("Dinas Perikanan.xlsx", m["Dinas Perikanan.xlsx"]),
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fixtures")
    ap.add_argument("--input")
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    if a.fixtures:
        revisi(os.path.join(a.fixtures, "revisi"))
        identik(os.path.join(a.fixtures, "identik"), os.path.join(here, "..", "..", "inputs"))
        fixture_paket(os.path.join(a.fixtures, "paket"))
    if a.input:
        bundled(a.input)


if __name__ == "__main__":
    main()
