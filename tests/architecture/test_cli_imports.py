"""The CLI's layer rule, which import-linter cannot check on a top-level module (`cli.py` is no package):
it imports only the application's API, the tracker's errors and the renderers, at the top or inside a command."""
from __future__ import annotations

import ast
from pathlib import Path

CLI = Path(__file__).resolve().parents[2] / "cli.py"
ALLOWED = ("tracker.application", "tracker.errors", "tracker.presentation")


def _our_imports(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("tracker", "projections"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] in ("tracker", "projections")}
    return found


def test_the_cli_imports_only_the_application_the_errors_and_the_renderers():
    imports = _our_imports(ast.parse(CLI.read_text(encoding="utf-8")))
    assert imports, "the CLI imports the application somewhere"
    assert sorted(m for m in imports if not m.startswith(ALLOWED)) == []


def test_the_check_would_catch_a_cli_reaching_into_projections():
    assert _our_imports(ast.parse("from projections.history import TimeView\nimport tracker.adapters.store")) == {
        "projections.history", "tracker.adapters.store"}
