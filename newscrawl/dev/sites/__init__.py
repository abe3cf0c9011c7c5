"""Offline copies of outlets (our own article text) and the scripts that build them."""

from __future__ import annotations

import shutil
from pathlib import Path


def write_copy(out: Path, files: dict[str, str]) -> None:
    """Replace the copy at ``out`` with ``files`` (path inside the copy -> text)."""
    if out.exists():
        shutil.rmtree(out)
    for name, text in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {out}")
