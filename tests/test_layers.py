"""The Qt-free layers stay Qt-free: imported in a fresh interpreter with Qt blocked."""

import subprocess
import sys

CHECK = r"""
import importlib, pkgutil, sys

BLOCKED = ("PySide6", "shiboken6", "matplotlib.pyplot")

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name in BLOCKED or name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is blocked in this layer")

sys.meta_path.insert(0, Blocker())
import hubapp
for layer in ("domain", "store", "interchange", "charts"):
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
