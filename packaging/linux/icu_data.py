"""Slim the ICU data library PySide6 ships on Linux (libicudata.so.73: 32 MB, 7.6 MB in a .deb).

Qt links ICU for a few things only: case mapping, collation (QCollator) and time-zone names;
Qt 6 formats numbers and dates from its own CLDR tables, breaks text with its own Unicode
tables and decodes UTF-8/16/32 and Latin-1 itself. So the bundle keeps ICU's core tables
(properties, normalization, locale data, likely subtags, time zones) and English display
names, and drops what only other ICU APIs read: legacy code-page converters (*.cnv), the
CJK/Thai/Khmer/Lao/Burmese word dictionaries, transliteration, spell-out rules, and the
language/region/currency/unit/zone display names and collation tailorings of every locale
but English. The app's self-test then runs against the slimmed library.

How: ICU's data is one "common data" blob, exported as the symbol ``icudt<N>_dat``. We copy
it out of the ELF file, remove items with ``icupkg`` (Debian: icu-devtools) and assemble a
new library exporting the same symbol under the same soname (``gcc``). Without those tools
the step is skipped and the library stays as it is.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

# Trees whose English (and root) entries stay; every other locale's entries go.
NAME_TREES = ("lang", "region", "curr", "unit", "zone", "coll")
KEEP_IN_TREES = re.compile(r"^(root|en|en_.*|pool|res_index|ucadata|.*\.icu|.*\.nrm)$")
DROP_TREES = ("translit", "rbnf")


def drop_item(name: str) -> bool:
    """Whether the bundle can do without the ICU data item ``name`` ("icudt73l/coll/de.res")."""
    parts = name.split("/")
    if len(parts) == 2:  # the top level: converters go, everything else stays
        return parts[1].endswith(".cnv")
    tree, leaf = parts[1], parts[-1]
    if tree in DROP_TREES:
        return True
    if tree == "brkitr":
        return leaf.endswith(".dict")  # word dictionaries; the rules (.brk) are small
    if tree in NAME_TREES:
        return not KEEP_IN_TREES.match(leaf.rsplit(".", 1)[0] if leaf.endswith(".res") else leaf)
    return False


def list_items(blob: bytes) -> list[tuple[str, int]]:
    """(name, size) of every item in an ICU common-data blob (little-endian package)."""
    header = struct.unpack_from("<H", blob, 0)[0]
    count = struct.unpack_from("<I", blob, header)[0]
    entries = [struct.unpack_from("<II", blob, header + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(blob) - header
        start = header + name_at
        items.append((blob[start : blob.index(b"\0", start)].decode("ascii"), end - data_at))
    return items


def read_symbol(library: Path) -> tuple[str, bytes]:
    """The ``icudt<N>_dat`` symbol's name and bytes, read from the ELF file's segments."""
    symbols = subprocess.run(
        ["readelf", "-Ws", "--dyn-syms", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in symbols.splitlines():
        fields = line.split()
        if len(fields) >= 8 and re.fullmatch(r"icudt\d+_dat", fields[7]):
            name, address, size = fields[7], int(fields[1], 16), int(fields[2], 0)
            break
    else:
        raise ValueError(f"{library}: no icudt*_dat symbol")
    segments = subprocess.run(
        ["readelf", "-lW", str(library)], capture_output=True, text=True, check=True
    ).stdout
    data = library.read_bytes()
    for line in segments.splitlines():
        fields = line.split()
        if fields and fields[0] == "LOAD":
            offset, vaddr, filesz = int(fields[1], 16), int(fields[2], 16), int(fields[4], 16)
            if vaddr <= address < vaddr + filesz:
                start = offset + address - vaddr
                return name, data[start : start + size]
    raise ValueError(f"{library}: {name} lies in no loadable segment")


def tools_missing() -> list[str]:
    return [tool for tool in ("icupkg", "gcc", "readelf") if not shutil.which(tool)]


def slim(library: Path) -> tuple[int, int] | None:
    """Replace ``library`` (libicudata.so.NN) by a slimmed copy; (old, new) data size in bytes.

    None (and the library untouched) when the tools are missing.
    """
    if tools_missing():
        return None
    symbol, blob = read_symbol(library)
    items = [name for name, _ in list_items(blob)]
    tree = items[0].split("/")[0]  # "icudt73l": icupkg wants it as the file's name
    drop = [name.split("/", 1)[1] for name in items if drop_item(name)]
    with tempfile.TemporaryDirectory(prefix="icu-") as tmp:
        work = Path(tmp)
        (work / "out").mkdir()
        source, slimmed = work / f"{tree}.dat", work / "out" / f"{tree}.dat"
        source.write_bytes(blob)
        (work / "drop.txt").write_text("".join(name + "\n" for name in drop))
        subprocess.run(
            # --ignore-deps: brkitr/root.res names the dictionaries; ICU breaks such
            # scripts by rules when one is missing (as its own data filter allows).
            ["icupkg", "--ignore-deps", "-r", str(work / "drop.txt"), str(source), str(slimmed)],
            check=True,
            capture_output=True,
        )
        assembly = work / "data.S"
        assembly.write_text(
            f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n"
            f'{symbol}:\n\t.incbin "{slimmed}"\n\t.size {symbol}, .-{symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        out = work / library.name
        subprocess.run(
            [
                "gcc",
                "-shared",
                "-nostdlib",
                f"-Wl,-soname,{library.name}",
                "-o",
                str(out),
                str(assembly),
            ],
            check=True,
        )
        new_size = slimmed.stat().st_size
        shutil.copyfile(out, library)
    return len(blob), new_size
