#!/usr/bin/env python3
"""Official-form workbooks carrying the SIA-SPBE portal's fields (issue 14).

    python3 scripts/inputs/portal.py --fixtures Tests/EndToEndTests/Fixtures/portal

The "Domain Arsitektur <Domain>.xlsx" layout of scripts/inputs/official.py (titles, header in row 4,
arrow headers, `KODE NAMA` cells, `ID Nama` links one per line), with the columns the standard
gained from the portal: the Aplikasi form's framework, units, funding and links to the objects it
runs on; the Infrastruktur form's per-object attributes (one sheet per object type, one attribute
on a sheet it does not belong to); the Keamanan form's objects as sheets with their dates (one end
before its start); spellings of the forms and of the codelists' source (`Data Lainnya`, `… SPBE`,
`Penge4olaan`). Proses Bisnis, Data dan Informasi and Keamanan are saved again by LibreOffice.
What the tool must read from them is listed in PORTAL.md beside them.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import clean_dir, new_workbook, resave_with_libreoffice, save  # noqa: E402
from official import (DAD_HEADER, KOMINFO, PB_HEADER, header, kode_nama, levels, opd, rows,  # noqa: E402
                      titles)

DINKES = "1.02.0.00.0.00.01.0000"


def sheet(wb, name, title, labels, data):
    ws = wb.create_sheet(name)
    r = titles(ws, [title, "Pemerintah Kabupaten Serang"], len(labels))
    header(ws, r, labels)
    rows(ws, r + 1, data)


def proses_bisnis(path):
    wb = new_workbook()
    blank = ["", "", "", "", "", "", ""]
    sheet(wb, "Proses Bisnis", "DOMAIN ARSITEKTUR PROSES BISNIS", PB_HEADER, [
        ["Pengelolaan Aplikasi Pemerintahan", "PB-01", "Tata kelola aplikasi perangkat daerah", opd(KOMINFO), "", "",
         *blank[:4], *levels("rab", "RAB.09.03.02"), "AS-IS"],
        # The source's spelling of RAB.04.01.04, name alone in the Level 3 column.
        ["Pelayanan Kesehatan Dasar", "PB-01", "Puskesmas", opd(DINKES), "", "", *blank[:4],
         "", "", "Penge4olaan Pelayanan Kesehatan", "AS-IS"],
    ])
    save(wb, path)


def data_informasi(path):
    wb = new_workbook()
    sec = ["KM-02 SOP Pengelolaan Aplikasi", "KM-01 Audit Aplikasi", "", "", "", "", ""]
    sheet(wb, "Data dan Informasi", "DOMAIN ARSITEKTUR DATA DAN INFORMASI", DAD_HEADER, [
        ["Katalog Aplikasi", "DT-01", "Daftar aplikasi perangkat daerah", "Tata kelola aplikasi", "Bidang Aptika",
         opd(KOMINFO), "Laporan aplikasi", "Formulir pendataan aplikasi", "", "Terbatas", "Data Lainnya",
         "Tahunan", "Ya", *levels("rad", "RAD.09.03.02"), "PB-01 Pengelolaan Aplikasi Pemerintahan", "", *sec],
    ])
    save(wb, path)


DAA_HEADER = ["Nama Aplikasi", "ID", "Uraian", "Fungsi", "Luaran", "→ Perangkat Daerah (Dependency)",
              "Basis Aplikasi", "Tipe Lisensi Aplikasi", "Bahasa Pemrograman", "Kerangka Pengembangan",
              "Nama Basis Data", "Unit Pengembang", "Unit Operasional Teknologi", "→ Komputasi Awan (Dependency)",
              "→ Server (Dependency)", "→ Jaringan Intra (Dependency)", "→ SPLP (Dependency)",
              "← Proses Bisnis (Dependency)", "→ RAA Level 1 (Dependency)", "→ RAA Level 2 (Dependency)",
              "Status Aplikasi", "Tahun Anggaran", "Sumber Dana", "Biaya Pemeliharaan"]


def aplikasi(path):
    wb = new_workbook()
    sheet(wb, "Aplikasi", "DOMAIN ARSITEKTUR APLIKASI", DAA_HEADER, [
        ["Sistem Informasi Katalog Aplikasi", "AP-01", "Katalog aplikasi daerah", "Pendataan aplikasi",
         "Laporan katalog", opd(KOMINFO), "Web", "Open Source", "PHP", "Laravel", "PostgreSQL", "Bidang Aptika",
         "Seksi Infrastruktur", "IN-01 Cloud Pemkab Serang", "IN-02 Server Aplikasi\nIN-03 Server Basis Data",
         "", "", "PB-01 Pengelolaan Aplikasi Pemerintahan", *levels("raa", "RAA.02.02"), "Aktif", 2024, "APBD",
         "Rp 25.000.000"],
        # A funding source the list lacks: a warning, the value kept in tambahan, the record accepted.
        ["Portal Layanan Publik", "AP-02", "Portal informasi layanan", "Publikasi", "Halaman layanan",
         opd(KOMINFO), "Cloud", "Proprietary", "", "", "", "Pihak ketiga", "Seksi Infrastruktur", "", "", "", "",
         "", *levels("raa", "RAA.01.01"), "Aktif", 2023, "PAD", ""],
    ])
    save(wb, path)


def infrastruktur(path):
    wb = new_workbook()
    unit = "→ Unit Kerja (Dependency)"
    sheet(wb, "Komputasi Awan", "KOMPUTASI AWAN", [
        "ID", "Nama Government Cloud", "Deskripsi", "Nama Pemilik", "Biaya Layanan", "Tipe Goverment Cloud",
        "Status Kepemilikkan", unit, "Jangka Waktu Pelayanan"], [
        ["IN-01", "Cloud Pemkab Serang", "Layanan IaaS daerah", "Diskominfosatik", 120000000, "IaaS",
         "Milik Sendiri", opd(KOMINFO), "12 bulan"]])
    sheet(wb, "Perangkat Keras Server", "PERANGKAT KERAS SERVER", [
        "ID", "Nama Perangkat", "Kapasitas Memori", "Jumlah Kapasitas Penyimpanan", "Jenis Penggunaan Server",
        "Jenis Teknologi Prosesor", "Teknik Penyimpanan", "Metode Akses", "Status Kepemilikan", unit,
        "Klasifikasi Tier"], [
        ["IN-02", "Server Aplikasi", "128 GB", "4 TB", "Aplikasi", "High End", "RAID 10", "SAN",
         "Milik Sendiri", opd(KOMINFO), ""],
        # A tier belongs to a facility, not to a server: kolom-tidak-berlaku, kept in tambahan.
        ["IN-03", "Server Basis Data", "256 GB", "8 TB", "Basis data", "Mid End", "RAID 5", "DAS",
         "Milik BUMN", opd(KOMINFO), "Tier 3"]])
    sheet(wb, "Pusat Data", "PUSAT DATA", [
        "ID", "Nama Pusat Data", "Bandwidth Intranet", "Bandwidth Internet", "Lokasi", "Klasifikasi Tier",
        "Sistem Pengamanan", "Unit Kerja Penanggung Jawab"], [
        ["IN-04", "Pusat Data Pemkab Serang", 1000, 300, "Gedung Setda", "Tier 3", "CCTV dan akses kartu",
         opd(KOMINFO)]])
    sheet(wb, "Perangkat Lunak Platform", "PERANGKAT LUNAK PLATFORM", [
        "ID", "Nama", "Jenis Lisensi", "Validitas Lisensi", "Unit Pengelola", unit], [
        ["IN-05", "Platform Kontainer", "Open Source", "Selamanya", "Seksi Infrastruktur", opd(KOMINFO)]])
    save(wb, path)


def keamanan(path):
    wb = new_workbook()
    sheet(wb, "Audit Keamanan SPBE", "AUDIT KEAMANAN SPBE", [
        "ID", "Uraian", "Perangkat Daerah", "Jenis Audit", "Tanggal Mulai", "Tanggal Akhir", "Hasil Audit",
        "Tindak Lanjut"], [
        ["KM-01", "Audit Aplikasi", opd(KOMINFO), "Audit internal", "01/03/2024", "15/03/2024",
         "Dua temuan sedang", "Perbaikan konfigurasi"]])
    sheet(wb, "Standar Teknis dan Prosedur", "STANDAR TEKNIS DAN PROSEDUR KEAMANAN SPBE", [
        "ID", "Uraian", "Perangkat Daerah", "Jenis Standar", "Tanggal Mulai Penerapan",
        "Tanggal Akhir Penerapan"], [
        ["KM-02", "SOP Pengelolaan Aplikasi", opd(KOMINFO), "Prosedur", "01/01/2024", "31/12/2026"],
        # The end before the start: di-luar-rentang, a warning.
        ["KM-03", "Kebijakan Kata Sandi", opd(KOMINFO), "Regulasi", "01/07/2024", "01/01/2024"]])
    save(wb, path)


def fixtures(out):
    clean_dir(out)
    libre = []
    for name, make, resave in [("Proses Bisnis", proses_bisnis, True),
                               ("Data dan Informasi", data_informasi, True),
                               ("Aplikasi", aplikasi, False), ("Infrastruktur", infrastruktur, False),
                               ("Keamanan", keamanan, True)]:
        p = os.path.join(out, f"Domain Arsitektur {name}.xlsx")
        make(p)
        if resave:
            libre.append(p)
    resave_with_libreoffice(libre)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fixtures", required=True, help="folder of the portal fixtures (PORTAL.md is kept)")
    args = ap.parse_args()
    keep = os.path.join(args.fixtures, "PORTAL.md")
    manifest = open(keep, encoding="utf-8").read() if os.path.exists(keep) else None
    fixtures(args.fixtures)
    if manifest is not None:
        with open(keep, "w", encoding="utf-8") as f:
            f.write(manifest)


if __name__ == "__main__":
    main()
