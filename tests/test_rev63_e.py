from PySide6.QtCore import Qt
from hubapp.ui import dialogs
from test_import_dialog import open_import, run_import, SAMPLE
from test_reference_screen import _add_jackfruit, click
from test_rev63_a import show

def test_two_spellings(main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for i, name in ((2, "菠萝蜜"), (3, "jackfruit"), (4, "Jackfruit "), (5, "081070")):
        lines[i] = lines[i].replace(",木薯粉,110620,", f",{name},,")
    path = tmp_path / "jf.csv"; path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    show(dialog, "before add")
    forms = _add_jackfruit(qtbot, monkeypatch, "jackfruit", "菠萝蜜")
    click(qtbot, dialog.add_to_list_button)
    show(dialog, "after add")
    print("forms", forms)
    run_import(dialog, qtbot)
    show(dialog, "reimport")
