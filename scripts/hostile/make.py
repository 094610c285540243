#!/usr/bin/env python3
"""Write one hostile input file, for the tests and as fuzzing seeds.

    python3 scripts/hostile/make.py KIND OUT [--arg VALUE]
    python3 scripts/hostile/make.py --list

Standard library only. Each KIND is a file a careless reader would crash,
hang, exhaust memory or touch the file system or network on. Workbooks hold
an Identitas sheet and an Aplikasi sheet, so that `pipeline run` gets as far
as the pipeline stages when the reader lets the file through.
"""

import argparse
import os
import struct
import sys
import zipfile
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "load"))
from generate import HEADER, sheet_xml  # noqa: E402

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
ROWS = [HEADER, [1, "APL-1", "Sistem Informasi Kepegawaian", "RAA.01.02", "Web", "Aktif", 2020,
                 5_000_000]]
IDENTITAS = [["Kode Perangkat Daerah", "1.02.0.00.0.00.01.0000"]]


def parts(sheet=None, shared=None, workbook_extra="", sheet_target="worksheets/sheet2.xml",
          styles=None):
    """The parts of a small workbook; any may be replaced by a hostile one."""
    p = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
        '.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="r1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?>{workbook_extra}<workbook xmlns="{MAIN}" '
        f'xmlns:r="{REL}"><sheets><sheet name="Identitas" sheetId="1" r:id="r1"/>'
        '<sheet name="Aplikasi" sheetId="2" r:id="r2"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{PKG}">'
        f'<Relationship Id="r1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="r2" Type="{REL}/worksheet" Target="{sheet_target}"/>'
        f'<Relationship Id="r3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="r4" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml(IDENTITAS),
        "xl/worksheets/sheet2.xml": sheet if sheet is not None else sheet_xml(ROWS),
    }
    if shared is not None:
        p["xl/sharedStrings.xml"] = shared
    if styles is not None:
        p["xl/styles.xml"] = styles
    return p


def write_zip(path, p, zip64=False):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in p.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            data = data.encode() if isinstance(data, str) else data
            if zip64:
                with z.open(info, "w", force_zip64=True) as f:
                    f.write(data)
            else:
                z.writestr(info, data)


def write_streamed(path, p, name, chunks):
    """Like write_zip, but part `name` comes from an iterator of byte chunks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for n, data in p.items():
            z.writestr(zipfile.ZipInfo(n, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo(name, FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as f:
            for c in chunks:
                f.write(c)


def sheet_open():
    return f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'


# --- kinds -----------------------------------------------------------------------------------


def zip_bomb(out, mb):
    """A sheet of `mb` MB of blank rows: a compression ratio near 1000."""
    p = parts()
    del p["xl/worksheets/sheet2.xml"]
    row = b"<row/>" * (1 << 16)

    def chunks():
        yield sheet_open().encode()
        for _ in range(mb * (1 << 20) // len(row)):
            yield row
        yield b"</sheetData></worksheet>"
    write_streamed(out, p, "xl/worksheets/sheet2.xml", chunks())


def declared_size(out, size):
    """A sound workbook whose central directory declares `size` bytes for its sheet."""
    write_zip(out, parts())
    data = bytearray(open(out, "rb").read())
    name = b"xl/worksheets/sheet2.xml"
    i = data.find(b"PK\x01\x02" + b"\x00" * 0)  # first central header
    while i >= 0:
        n = struct.unpack_from("<H", data, i + 28)[0]
        if data[i + 46:i + 46 + n] == name:
            struct.pack_into("<I", data, i + 24, size)
        i = data.find(b"PK\x01\x02", i + 4)
    open(out, "wb").write(data)


def billion_laughs(out, _):
    lol = '<!DOCTYPE workbook [<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10)) + "]>"
    p = parts(workbook_extra=lol)
    p["xl/workbook.xml"] = p["xl/workbook.xml"].replace(
        'name="Aplikasi"', 'name="&l9;"')
    write_zip(out, p)


def quadratic(out, _):
    big = "a" * 100_000
    doc = f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "{big}">]><sst xmlns="{MAIN}">'
    doc += "<si><t>" + "&a;" * 50_000 + "</t></si></sst>"
    write_zip(out, parts(shared=doc))


def external_entity(out, target):
    """A general entity, a parameter entity and an external DTD, all naming `target`."""
    sheet = (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "{target}">]>'
             + sheet_open()[len('<?xml version="1.0"?>'):]
             + '<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>'
             + "</sheetData></worksheet>")
    styles = (f'<?xml version="1.0"?><!DOCTYPE styleSheet [<!ENTITY % p SYSTEM "{target}"> %p;]>'
              f'<styleSheet xmlns="{MAIN}"/>')
    shared = (f'<?xml version="1.0"?><!DOCTYPE sst SYSTEM "{target}"><sst xmlns="{MAIN}">'
              '<si><t>x</t></si></sst>')
    write_zip(out, parts(sheet=sheet, styles=styles, shared=shared))


def external_dtd(out, target):
    """Only an external DTD subset (no entity declared): must never be fetched."""
    shared = (f'<?xml version="1.0"?><!DOCTYPE sst SYSTEM "{target}"><sst xmlns="{MAIN}">'
              '<si><t>x</t></si></sst>')
    write_zip(out, parts(shared=shared))


def deep(out, depth):
    sheet = sheet_open() + "<x>" * depth + "</x>" * depth + "</sheetData></worksheet>"
    write_zip(out, parts(sheet=sheet))


def many_strings(out, count):
    p = parts()
    del p["xl/worksheets/sheet2.xml"]
    p["xl/worksheets/sheet2.xml"] = sheet_xml(ROWS)
    one = b"<si><t>x</t></si>" * 4096

    def chunks():
        yield f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="{count}">'.encode()
        for _ in range(count // 4096):
            yield one
        yield b"</sst>"
    write_streamed(out, p, "xl/sharedStrings.xml", chunks())


def huge_string(out, mb):
    a = b"a" * (1 << 20)

    def chunks():
        yield f'<?xml version="1.0"?><sst xmlns="{MAIN}"><si><t>'.encode()
        for _ in range(mb):
            yield a
        yield b"</t></si></sst>"
    write_streamed(out, parts(), "xl/sharedStrings.xml", chunks())


def far_cell(out, rows):
    """A sheet claiming the whole grid: dimension A1:XFD1048576, a value in XFD1048576,
    a merge over the whole grid below the header, and `rows` rows reaching column XFD."""
    body = ['<?xml version="1.0"?>', f'<worksheet xmlns="{MAIN}">',
            '<dimension ref="A1:XFD1048576"/><sheetData>']
    body.append(sheet_xml(ROWS).split("<sheetData>")[1].split("</sheetData>")[0])
    for r in range(3, 3 + rows):
        body.append(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="XFD{r}"><v>1</v></c></row>')
    body.append('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>jauh</t></is></c>'
                "</row></sheetData>")
    body.append('<mergeCells count="2"><mergeCell ref="A1:XFD1048576"/>'
                '<mergeCell ref="B3:XFD1048576"/></mergeCells></worksheet>')
    write_zip(out, parts(sheet="".join(body)))


def many_merges(out, count):
    """`count` overlapping merges across the header rows of a full-width sheet."""
    body = [sheet_open(), sheet_xml(ROWS).split("<sheetData>")[1].split("</sheetData>")[0],
            '<row r="3"><c r="XFD3"><v>1</v></c></row></sheetData>',
            f'<mergeCells count="{count}">']
    body += [f'<mergeCell ref="A{1 + i % 30}:XFD{2 + i % 30}"/>' for i in range(count)]
    body.append("</mergeCells></worksheet>")
    write_zip(out, parts(sheet="".join(body)))


def entry_names(out, _):
    """Duplicate, absolute, `..` and backslash entry names, and a relationship that
    climbs out of the package."""
    p = parts(sheet_target="../../../../../../tmp/pipeline-escape.xml")
    with zipfile.ZipFile(out, "w") as z:
        for name, data in p.items():
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data)
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            z.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED_TIME), "<dup/>")
        for name in ["/etc/pipeline-escape.xml", "../../pipeline-escape.xml",
                     "..\\..\\pipeline-escape.xml", "tmp/pipeline-escape.xml"]:
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), sheet_xml(ROWS))


def to_zip64(path, declared=None):
    """Rewrites the central directory so every entry carries its sizes in a ZIP64
    extra field (0xFFFFFFFF in the 32-bit fields), as writers of large files do;
    `declared` replaces the sheet's uncompressed size there."""
    data = bytearray(open(path, "rb").read())
    eocd = data.rfind(b"PK\x05\x06")
    count, cd_size, cd_offset = struct.unpack_from("<HII", data, eocd + 10)
    out, i = bytearray(), cd_offset
    for _ in range(count):
        fixed = bytearray(data[i:i + 46])
        n, m, k = struct.unpack_from("<HHH", fixed, 28)
        name = bytes(data[i + 46:i + 46 + n])
        comp, size = struct.unpack_from("<II", fixed, 20)
        if declared is not None and name == b"xl/worksheets/sheet2.xml":
            size = declared
        extra = struct.pack("<HHQQ", 1, 16, size, comp)
        struct.pack_into("<II", fixed, 20, 0xFFFFFFFF, 0xFFFFFFFF)
        struct.pack_into("<H", fixed, 30, len(extra))
        struct.pack_into("<H", fixed, 4, 45)  # version made by: 4.5, ZIP64
        out += fixed + name + extra + data[i + 46 + n + m:i + 46 + n + m + k]
        i += 46 + n + m + k
    tail = bytearray(data[eocd:])
    struct.pack_into("<I", tail, 12, len(out))
    open(path, "wb").write(bytes(data[:cd_offset]) + bytes(out) + bytes(tail))


def zip64(out, _):
    write_zip(out, parts(), zip64=True)
    to_zip64(out)


def zip64_declared(out, size):
    """ZIP64 entries; the sheet's ZIP64 extra field declares `size` bytes."""
    write_zip(out, parts(), zip64=True)
    to_zip64(out, size)


def csv_repeat(out, mb, unit):
    """A header line, then one line of `mb` MB of `unit`."""
    with open(out, "wb") as f:
        f.write(b"Nama Aplikasi,Kode RAA\r\n")
        a = unit * (1 << 20)
        for _ in range(mb):
            f.write(a)


def csv_line(out, mb):
    """One endless line of `mb` MB, without a delimiter."""
    csv_repeat(out, mb, b"a")


def csv_fields(out, mb):
    """One line of `mb` MB of delimiters: millions of empty fields."""
    csv_repeat(out, mb, b",")


KINDS = {
    "zip-bomb": (zip_bomb, 200), "declared-size": (declared_size, 0xFFFFFFF0),
    "billion-laughs": (billion_laughs, 0), "quadratic": (quadratic, 0),
    "external-entity": (external_entity, "file:///etc/passwd"),
    "external-dtd": (external_dtd, "http://127.0.0.1:9/spbe.dtd"),
    "deep": (deep, 100_000), "many-strings": (many_strings, 3_000_000),
    "huge-string": (huge_string, 64), "far-cell": (far_cell, 2000),
    "many-merges": (many_merges, 20_000), "entry-names": (entry_names, 0),
    "zip64": (zip64, 0), "zip64-declared": (zip64_declared, 1 << 40),
    "csv-line": (csv_line, 64), "csv-fields": (csv_fields, 64),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", nargs="?", choices=sorted(KINDS))
    ap.add_argument("out", nargs="?")
    ap.add_argument("--arg", help="size, count, depth or target, by kind")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    if a.list or not a.kind or not a.out:
        print("\n".join(sorted(KINDS)))
        return 0
    fn, default = KINDS[a.kind]
    arg = default if a.arg is None else (a.arg if isinstance(default, str) else int(a.arg, 0))
    fn(a.out, arg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
