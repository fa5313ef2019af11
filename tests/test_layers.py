"""The Qt-free layers stay Qt-free: imported in a fresh interpreter with Qt blocked, and no
import of Qt anywhere in their source, not even one inside a function that loads it late."""

import ast
import subprocess
import sys
from pathlib import Path

HUBAPP = Path(__file__).resolve().parents[1] / "hubapp"
LAYERS = ("domain", "store", "interchange", "charts")
BLOCKED = ("PySide6", "shiboken6", "matplotlib.pyplot")

CHECK = f"BLOCKED, LAYERS = {BLOCKED!r}, {LAYERS!r}\n" + r"""
import importlib, pkgutil, sys

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name in BLOCKED or name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is blocked in this layer")

sys.meta_path.insert(0, Blocker())
import hubapp
for layer in LAYERS:
    package = importlib.import_module(f"hubapp.{layer}")
    for info in pkgutil.walk_packages(package.__path__, f"hubapp.{layer}."):
        importlib.import_module(info.name)
loaded = [name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6")]
assert not loaded, loaded
assert "matplotlib.pyplot" not in sys.modules
print("ok", len([m for m in sys.modules if m.startswith("hubapp.")]))
"""


def test_domain_and_store_import_without_qt():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
    # The walk really imported the layers' modules, not just the packages.
    assert int(result.stdout.split()[1]) >= 10


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module a source imports, at any depth, with its line: `from matplotlib import
    pyplot` imports matplotlib.pyplot, `import_module("PySide6.QtCore")` PySide6.QtCore."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [(node.lineno, node.module)]
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and node.args \
                and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) \
                and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "import_module", "__import__"):
            found += [(node.lineno, node.args[0].value)]
    return found


def _blocked(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in BLOCKED)


def test_no_qt_import_hides_in_a_qt_free_module():
    """The import test above only runs what importing runs: an import inside a function
    would load Qt at its first call, in `hubapp stats` or on a worker."""
    sources = [*(path for layer in LAYERS for path in (HUBAPP / layer).rglob("*.py")),
               HUBAPP / "resources.py", HUBAPP / "desk_settings.py"]  # read by commands too
    assert len(sources) >= 40
    assert _imports_among(sources, BLOCKED) == {}


def _imports_among(sources: list[Path], modules: tuple[str, ...]) -> dict:
    """Where each source imports any of the modules (or theirs): {path: [(line, name)]}."""
    found = {str(path.relative_to(HUBAPP)): [
        (line, name) for line, name in _imported(ast.parse(path.read_text(encoding="utf-8")))
        if any(name == module or name.startswith(f"{module}.") for module in modules)]
        for path in sources}
    return {path: imports for path, imports in found.items() if imports}


def test_the_scan_sees_imports_wherever_they_are():
    source = ("def late():\n    from PySide6.QtCore import QObject\n"
              "class Plot:\n    def draw(self):\n        from matplotlib import pyplot\n"
              "if True:\n    import shiboken6\n"
              "import importlib\nimportlib.import_module('PySide6.QtGui')\n"
              "from matplotlib.figure import Figure\nfrom . import pysid\n")
    assert sorted(name for _line, name in _imported(ast.parse(source)) if _blocked(name)) == [
        "PySide6.QtCore", "PySide6.QtCore.QObject", "PySide6.QtGui", "matplotlib.pyplot",
        "shiboken6"]


def test_reports_use_no_widgets_nor_the_printer():
    """`hubapp report` draws its PDF headless: reports/ may use QtCore and QtGui only
    (ARCHITECTURE.md); the printer and preview are the Reports screen's."""
    sources = list((HUBAPP / "reports").rglob("*.py"))
    assert len(sources) >= 5
    assert _imports_among(sources, ("PySide6.QtWidgets", "PySide6.QtPrintSupport")) == {}
