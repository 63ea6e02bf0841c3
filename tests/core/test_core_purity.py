"""The core never imports textual: the TUI renders core objects, nothing more."""

from __future__ import annotations

import ast
import subprocess
import sys
from tests.support import ROOT

PKG = ROOT / "reader"


def test_no_textual_import_outside_tui():
    offenders = []
    for path in PKG.rglob("*.py"):
        if "tui" in path.relative_to(PKG).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "textual"]
    assert offenders == []


def test_running_the_cli_core_does_not_load_textual(tmp_path):
    code = (
        "import sys; from reader.cli import main; "
        "main(['clean', sys.argv[1], '--format', 'json']); "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    seed = PKG.parent / "seeds" / "004_90f67be5c111099e.txt"
    out = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
