"""Windows on a small screen: a 1366 × 768 laptop at 150 % is 911 × 512 logical pixels, at
125 % 1093 × 614, a 1280 × 720 one at 150 % 853 × 480; nothing opens past its edges, nor
grows past them."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QBuffer, QPoint, QPointF, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QImage, QScreen, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QDialogButtonBox, QLabel, QWidget

from hubapp.store import open_db
from hubapp.ui.fitted_label import FittedLabel
from hubapp.ui.main_window import DEFAULT_SIZE, GEOMETRY_SETTING, MainWindow, opening_size
from hubapp.ui.record_model import rows_high
from hubapp.ui.scrolled_panel import ScrolledPanel

from conftest import DEMO_END, _app_context, app_font_of
from test_daily_log import CTRL, numbers, press
from test_main_window import _every_screen_on_a_closed_day, _window

LAPTOP_150 = QRect(0, 0, 911, 512)
SMALLEST_150 = QRect(0, 0, 853, 480)  # 1280 × 720


@pytest.fixture
def small_screen(monkeypatch):
    """Every screen's room for windows is a 150 % laptop's."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP_150))


def _form_area(screen) -> ScrolledPanel:
    """The daily log's service form's scroll area (the screen scrolls in one of its own)."""
    return next(area for area in screen.findChildren(ScrolledPanel) if area.widget() is screen.form)


def _first_service_shown(qtbot, ctx) -> tuple[MainWindow, QWidget]:
    """The window, and its daily log on the demo's last day, its first service picked."""
    window = _window(qtbot, ctx)
    screen = window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    QApplication.processEvents()
    return window, screen


def within(widget: QWidget, window: QWidget) -> bool:
    """Whether widget is shown whole inside window's bounds."""
    corner = widget.mapTo(window, QPoint(widget.width(), widget.height()))
    return widget.isVisible() and 0 < corner.x() <= window.width() \
        and 0 < corner.y() <= window.height()


@pytest.mark.parametrize(("room", "size", "maximised"), [
    (QSize(1366, 768), DEFAULT_SIZE, False),
    (QSize(1920, 1080), DEFAULT_SIZE, False),
    (QSize(911, 512), QSize(911, 512), True),  # 150 %
    (QSize(1093, 614), QSize(1093, 614), True),  # 125 %
    (QSize(1280, 720), DEFAULT_SIZE, True),  # a projector: the title bar would not fit
    (QSize(1280, 1024), DEFAULT_SIZE, True),  # just as wide: nor would the frame's sides
])
def test_the_default_size_opens_within_the_screen_or_maximised(room, size, maximised):
    assert opening_size(DEFAULT_SIZE, room) == (size, maximised)


def test_a_first_start_on_a_small_screen_opens_maximised_within_it(qtbot, app_ctx,
                                                                  small_screen):
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    assert window.isMaximized()
    assert window.width() <= LAPTOP_150.width() and window.height() <= LAPTOP_150.height()
    window.day_screen.revert()


def test_a_size_from_a_bigger_screen_opens_within_the_small_one(qtbot, app_ctx, monkeypatch):
    big = _window(qtbot, app_ctx)
    big.resize(1300, 740)
    qtbot.waitUntil(lambda: big.width() == 1300)
    big.close()
    assert QSettings().value(GEOMETRY_SETTING) is not None

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP_150))
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    assert window.width() <= LAPTOP_150.width() and window.height() <= LAPTOP_150.height()
    window.day_screen.revert()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_screen_fits_a_150_percent_laptops_width(qtbot, qapp, app_ctx, language):
    from hubapp.ui.dashboard import DashboardScreen
    from hubapp.ui.translations import install_translations

    install_translations(qapp, language)
    try:
        window = _every_screen_on_a_closed_day(qtbot, app_ctx)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= 900

        window.resize(LAPTOP_150.size())
        qtbot.waitUntil(lambda: window.width() == LAPTOP_150.width())
        screen = window.day_screen
        assert within(screen.save_button, window) and within(screen.day_bar.find_edit, window)
        dashboard = window.show_screen(DashboardScreen)
        tiles = list(dashboard.tiles.values())
        qtbot.waitUntil(lambda: all(within(tile, window) for tile in tiles))
    finally:
        install_translations(qapp, "en")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_screen_fits_a_125_percent_laptop_at_14_pt(qtbot, qapp, app_ctx, language):
    """A user with poor sight sets a bigger font: at 14 pt the Audit log's one row of filters
    held the window to 1,148 px on a 1,093 px screen, Export CSV… past the edge; they take as
    many rows as the width needs."""
    from hubapp.ui.audit_screen import AuditScreen
    from hubapp.ui.translations import install_translations

    install_translations(qapp, language)
    try:
        with app_font_of(qapp, 14):
            window = _every_screen_on_a_closed_day(qtbot, app_ctx)
            QApplication.processEvents()
            assert window.minimumSizeHint().width() <= 1093  # 1366 × 768 at 125 %
            window.resize(1093, 614)
            qtbot.waitUntil(lambda: window.width() == 1093)
            audit = window.show_screen(AuditScreen)
            QApplication.processEvents()
            assert within(audit.export_button, window) and within(audit.service, window)
            # The Daily log's buttons above its list wrap rather than widen it past its least
            # width (in one row, at 16 pt, they held the list to 504 px).
            screen = window.day_screen
            pane = screen.table.parentWidget()
            assert pane.minimumSizeHint().width() <= screen.table.minimumWidth() + 1
            screen.revert()
    finally:
        install_translations(qapp, "en")


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("role", [None, "supervisor", "clerk"])  # None: an open day
def test_the_daily_log_fits_a_1280_px_screen_at_150_percent(qtbot, qapp, app_ctx, language,
                                                            role):
    """853 px wide: the English window could not be narrower than 883, its list held to its
    columns beside the form; the list gives up the room of its last ones, a scroll away. A
    closed day's line beside the title took the room of its longest word too: the English
    window needed 858, the line broke into four."""
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord
    from hubapp.ui.translations import install_translations

    if role is not None:
        day_close.close_day(app_ctx.db, DEMO_END, UserRecord("wang.li", "supervisor"))
        app_ctx.user, app_ctx.role = "wang.li" if role == "supervisor" else "zhao.min", role
    install_translations(qapp, language)
    try:
        window, screen = _first_service_shown(qtbot, app_ctx)
        assert window.minimumSizeHint().width() <= SMALLEST_150.width()

        window.resize(SMALLEST_150.size())
        qtbot.waitUntil(lambda: window.size() == SMALLEST_150.size())
        QApplication.processEvents()
        for widget in (screen.table, screen.form, screen.save_button, screen.day_bar.find_edit,
                       window.totals_label):
            assert within(widget, window), widget
        # Not squeezed below its least width, which the window's may lag behind.
        assert screen.minimumSizeHint().width() <= screen.width()
        if role is not None:
            label = screen.day_bar.closed_label
            assert within(label, window) and label.height() <= 2 * label.fontMetrics().height()
        # Where the window has room, the list is as wide as its columns again.
        window.resize(1280, 720)
        qtbot.waitUntil(lambda: window.width() == 1280)
        QApplication.processEvents()
        assert not screen.table.horizontalScrollBar().isVisible()
        screen.revert()
    finally:
        install_translations(qapp, "en")


@pytest.mark.parametrize(("width", "rows"), [
    (5 * 200 + 4 * 6, [[0, 1, 2, 3, 4]]),
    (5 * 200 + 4 * 6 - 1, [[0, 1, 2], [3, 4]]),  # not four and one
    (3 * 200 + 2 * 6 - 1, [[0, 1], [2, 3], [4]]),
    (200, [[0], [1], [2], [3], [4]]),
])
def test_tiles_wrap_onto_rows_as_even_as_they_can_be(qtbot, width, rows):
    from hubapp.ui.flow_layout import TileLayout

    holder = QWidget()
    qtbot.addWidget(holder)
    layout = TileLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    tiles = []
    for _ in range(5):
        tile = QLabel("tile", holder)
        tile.setMinimumSize(200, 40)
        layout.addWidget(tile)
        tiles.append(tile)
    assert layout.minimumSize().width() == 200
    layout.setGeometry(QRect(0, 0, width, layout.heightForWidth(width)))
    tops = sorted({tile.y() for tile in tiles})
    assert [[number for number, tile in enumerate(tiles) if tile.y() == top]
            for top in tops] == rows
    # A row shares the width: its last tile ends at the edge (or is the least wide).
    for row in rows:
        assert tiles[row[-1]].geometry().right() + 1 == width or len(row) < len(rows[0])
    assert tops[-1] + 40 == layout.heightForWidth(width)


def _shows_whole(combo) -> bool:
    """Whether combo's field has room for its choice (an "x" more: a line edit's margin)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    option.rect = combo.rect()
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    return combo.fontMetrics().horizontalAdvance(combo.currentText() + "x") <= field.width()


def test_a_filter_takes_room_left_on_its_row_to_show_its_choice_whole(qtbot):
    """"China–Europe Railway Ex…" beside a hundred pixels left empty at the row's end."""
    from PySide6.QtWidgets import QComboBox

    from hubapp.ui.filter_choices import refill_combo
    from hubapp.ui.find_combo import FindCombo
    from hubapp.ui.flow_layout import FlowLayout

    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    route, direction, commodity = QComboBox(holder), QComboBox(holder), FindCombo(holder)
    refill_combo(route, "All routes", [("China–Europe Railway Express (Central Asia)", "CE")])
    direction.addItems(["Both directions", "Outbound"])
    commodity.addItems(["All commodities", "dried cassava chips and tapioca pellets"])
    for combo in (route, commodity):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)  # as the Dashboard's: "All …" fits
    for text, combo in (("&Route", route), ("&Direction", direction), ("&Commodity", commodity)):
        flow.add_labelled(text, combo)
    holder.resize(1200, 200)
    holder.show()
    qtbot.waitExposed(holder)
    assert [combo.width() for combo in (route, commodity)] == [
        combo.sizeHint().width() for combo in (route, commodity)]  # nothing cut off
    route.setCurrentIndex(1)
    commodity.setCurrentIndex(1)  # an editable one too
    qtbot.waitUntil(lambda: _shows_whole(route) and _shows_whole(commodity))
    assert route.y() == direction.y() == commodity.y()  # on the one row still
    assert commodity.geometry().right() < holder.width()
    # Renamed longer at another desk: the lists made again, unsignalled, as the filters do.
    refill_combo(route, "All routes", [("China–Europe Railway Express (Central Asia, via "
                                        "Khorgos)", route.currentData())])
    qtbot.waitUntil(lambda: _shows_whole(route))
    # A row without the room: what there is, and no further than the row's end.
    holder.resize(route.x() + route.sizeHint().width() + 60, 200)
    qtbot.waitUntil(lambda: route.geometry().right() + 1 == holder.width()
                    - flow.contentsMargins().right())
    assert direction.y() > route.y() and not _shows_whole(route)
    route.setCurrentIndex(0)
    qtbot.waitUntil(lambda: route.width() == route.sizeHint().width())


def test_the_kpi_tiles_share_one_row_where_it_fits(qtbot, main_window):
    from hubapp.ui.dashboard import DashboardScreen

    main_window.resize(1366, 740)
    dashboard = main_window.show_screen(DashboardScreen)
    tiles = list(dashboard.tiles.values())
    qtbot.waitUntil(lambda: main_window.width() == 1366 and tiles[-1].isVisible())
    assert len({tile.y() for tile in tiles}) == 1
    assert max(tile.width() for tile in tiles) - min(tile.width() for tile in tiles) <= 1
    assert tiles[-1].geometry().right() + 9 >= dashboard.width() - 1  # the row filled


def test_find_and_a_refused_save_do_not_grow_a_150_percent_window(qtbot, main_window,
                                                                   demo_db_path):
    with sqlite3.connect(demo_db_path) as conn:
        (busiest,) = conn.execute("SELECT container FROM container_move GROUP BY container"
                                  " ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    main_window.resize(LAPTOP_150.size())
    qtbot.waitUntil(lambda: main_window.size() == LAPTOP_150.size())
    screen = main_window.day_screen
    screen.set_day(DEMO_END)

    press(qtbot, (Qt.Key.Key_F, CTRL), busiest, Qt.Key.Key_Return)
    assert screen.find_panel.isVisible() and screen.find_panel.model.rowCount() >= 2
    screen.new_service()
    press(qtbot, "T1", Qt.Key.Key_Tab)
    good = numbers(1)[0]
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, good[:10] + str((int(good[10]) + 1) % 10), Qt.Key.Key_Tab, "45G1",
          Qt.Key.Key_Tab, "E", Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    assert "Not saved" in screen.paste_message.text() and screen.row_problems.isVisible()
    QApplication.processEvents()

    main_window.layout().activate()  # a window grows to its layout's least height here
    assert main_window.size() == LAPTOP_150.size()
    assert within(screen.save_button, main_window)
    assert within(screen.paste_message, main_window)
    # The form gave up the room, scrolled, and a field given the focus is scrolled to.
    notes = screen.form.notes
    with qtbot.waitActive(main_window):  # from the list of a cell's suggestions
        main_window.activateWindow()
    notes.setFocus()  # not by Tab, which a scroll area follows itself
    assert QApplication.focusWidget() is notes
    area = _form_area(screen)
    top = notes.mapTo(area, QPoint(0, 0)).y()
    assert 0 <= top and top + notes.height() <= area.height()


@pytest.fixture
def six_moves(monkeypatch, demo_db_path) -> str:
    """A container Find lists six moves of, as many as it shows (the demo's moved fewer
    times): the busiest one's moves, repeated."""
    from hubapp.store import services
    from hubapp.ui.daily_log.find_container import SHOWN_MOVES

    find = services.find_container
    monkeypatch.setattr(services, "find_container",
                        lambda db, number: (find(db, number) * SHOWN_MOVES)[:SHOWN_MOVES])
    with sqlite3.connect(demo_db_path) as conn:
        (busiest,) = conn.execute("SELECT container FROM container_move GROUP BY container"
                                  " ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    return busiest


def test_find_with_six_moves_keeps_a_150_percent_window_within_its_screen(
        qtbot, main_window, small_screen, six_moves):
    main_window.resize(LAPTOP_150.size())
    qtbot.waitUntil(lambda: main_window.size() == LAPTOP_150.size())
    screen = main_window.day_screen
    screen.set_day(DEMO_END)

    press(qtbot, (Qt.Key.Key_F, CTRL), six_moves, Qt.Key.Key_Return)
    panel = screen.find_panel
    assert panel.model.rowCount() == 6
    QApplication.processEvents()
    main_window.layout().activate()  # a window grows to its layout's least height here
    assert main_window.height() <= LAPTOP_150.height()
    assert within(screen.save_button, main_window)
    assert within(panel.table, main_window)

    press(qtbot, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    QApplication.processEvents()
    main_window.layout().activate()
    assert main_window.height() <= LAPTOP_150.height()


def test_find_shows_six_moves_whole_in_rows_of_a_large_font(qtbot, main_window, six_moves):
    main_window.resize(DEFAULT_SIZE)
    qtbot.waitUntil(lambda: main_window.size() == DEFAULT_SIZE)
    screen = main_window.day_screen
    table = screen.find_panel.table
    table.verticalHeader().setDefaultSectionSize(32)  # six are taller than a table asks for
    press(qtbot, (Qt.Key.Key_F, CTRL), six_moves, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert table.height() == rows_high(table, 6) > table.sizeHint().height()
    assert table.geometry().bottom() == screen.find_panel.height() - 1  # no room under them


def test_at_1366_px_the_form_is_shown_whole_with_a_refused_saves_lines(qtbot, main_window):
    screen = main_window.day_screen
    screen.new_service()
    press(qtbot, (Qt.Key.Key_S, CTRL))  # no number, no boxes: the form says why
    assert screen.form.message.text()
    QApplication.processEvents()
    area = _form_area(screen)
    for width in (1366, 1024):  # narrower, the message wraps onto more lines
        main_window.resize(width, 768)
        qtbot.waitUntil(lambda: main_window.width() == width)
        QApplication.processEvents()
        assert not area.verticalScrollBar().isVisible()
        assert screen.form.height() == area.viewport().height()
        assert screen.form.message.geometry().bottom() < screen.form.height()


def test_the_import_dialog_opens_within_a_small_screen(qtbot, main_window, small_screen):
    main_window._open_import()
    dialog = main_window.import_dialog
    qtbot.addWidget(dialog)
    assert dialog.width() <= LAPTOP_150.width() and dialog.height() <= LAPTOP_150.height()
    dialog.close()


def test_the_import_dialog_fits_a_small_screen_at_a_big_font(qtbot, qapp, main_window,
                                                             monkeypatch):
    """At 14 pt on a 1280 × 720 screen at 150 % it was 960 px wide on 853: Close past the edge."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(SMALLEST_150))
    with app_font_of(qapp, 14):
        main_window._open_import()
        dialog = main_window.import_dialog
        qtbot.addWidget(dialog)
        assert dialog.width() <= SMALLEST_150.width() and within(dialog.close_button, dialog)
        dialog.close()


def test_the_import_dialog_keeps_its_size_on_a_laptop_at_100_percent(qtbot, main_window):
    main_window._open_import()
    dialog = main_window.import_dialog
    qtbot.addWidget(dialog)
    assert dialog.size() == QSize(960, 644)  # 96 M wide and 46 lines high at 9 pt
    dialog.close()


def test_a_long_database_path_is_elided_in_the_middle_and_whole_in_its_tooltip(
        qtbot, qapp, demo_template, tmp_path):
    import shutil

    folder = tmp_path / "Shared Documents" / "Hub Desk" / "Chongqing hub 2026" / ("x" * 60)
    folder.mkdir(parents=True)
    path = folder / "hubdesk-chongqing.db"
    shutil.copyfile(demo_template, path)
    db = open_db(path)
    contexts = _app_context(db, path)
    try:
        window = _window(qtbot, next(contexts))
        window.resize(LAPTOP_150.size())
        qtbot.waitUntil(lambda: window.width() == LAPTOP_150.width())
        label = window.file_label
        qtbot.waitUntil(lambda: "…" in label.text())
        assert label.text().endswith("hubdesk-chongqing.db")
        assert label.toolTip() == str(path)
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
        assert within(window.totals_label, window)

        narrow = label.text()
        window.resize(1366, 768)
        qtbot.waitUntil(lambda: len(label.text()) > len(narrow))
        assert "…" in label.text() and label.text().endswith("hubdesk-chongqing.db")
        window.day_screen.revert()
        window.close()
    finally:
        next(contexts, None)
        db.close()


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("room", [SMALLEST_150, LAPTOP_150])
def test_settings_fit_a_small_screen_with_their_buttons_in_sight(qtbot, qapp, main_window,
                                                                 monkeypatch, room, language):
    """At 853 × 480 Settings could not be shorter than 480 px (488 in Chinese), Save and
    Cancel below the screen's edge: its fields scroll instead, the buttons stay below them,
    a refused save's problems too."""
    from hubapp.ui.translations import install_translations

    from test_reference_screen import type_into

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(room))
    main_window.setGeometry(room)  # maximised, as it opens on such a screen
    install_translations(qapp, language)
    try:
        main_window.settings_action.trigger()
        dialog = main_window.settings_dialog
        QApplication.processEvents()
        assert room.contains(dialog.frameGeometry())
        assert all(within(button, dialog) for button in dialog.buttons.buttons())
        # Where there is room, every field is shown whole.
        area = dialog.findChild(ScrolledPanel)
        assert area.verticalScrollBar().isVisible() == (room == SMALLEST_150)

        for name in (dialog.hub_name, dialog.hub_name_zh):
            type_into(qtbot, name, "")
        type_into(qtbot, dialog.backup_folder, "rel/dir")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.desk.errors["backup_folder"].isVisible()
    finally:
        install_translations(qapp, "en")
    QApplication.processEvents()
    assert room.contains(dialog.frameGeometry())
    assert all(within(button, dialog) for button in dialog.buttons.buttons())
    # Made as short as it goes, Tab from Cancel comes round to the first field, out of
    # sight: it is scrolled to.
    dialog.resize(dialog.width(), dialog.minimumSizeHint().height())
    qtbot.waitUntil(lambda: dialog.height() == dialog.minimumSizeHint().height())
    scroll = area.verticalScrollBar()
    scroll.setValue(scroll.maximum())
    first = dialog.hub_name
    assert first.mapTo(area, QPoint(0, first.height())).y() < 0
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setFocus()
    qtbot.keyClick(cancel, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first
    top = first.mapTo(area, QPoint(0, 0)).y()
    assert 0 <= top and top + first.height() <= area.viewport().height()
    dialog.reject()


@pytest.fixture
def pixmaps_given(monkeypatch) -> list:
    """The pixmaps labels are given. A label keeps its pixmap as an icon and hands it back
    drawn at its own screen's ratio (1 here): what it is given is what is checked."""
    given = []
    show = QLabel.setPixmap
    monkeypatch.setattr(QLabel, "setPixmap",
                        lambda label, pixmap: (given.append(pixmap), show(label, pixmap)))
    return given


def _logo_png() -> bytes:
    image = QImage(480, 120, QImage.Format.Format_ARGB32)
    image.fill(QColor("navy"))
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def test_the_logo_preview_is_drawn_at_the_screens_pixel_ratio(qtbot, app_ctx, monkeypatch,
                                                              pixmaps_given):
    from hubapp.ui.settings_dialog import LOGO_PREVIEW_PX, SettingsDialog

    monkeypatch.setattr(QLabel, "devicePixelRatioF", lambda _label: 1.5)  # 150 %
    dialog = SettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog._show_logo(_logo_png())
    preview = pixmaps_given[-1]
    assert preview.devicePixelRatio() == dialog.logo.devicePixelRatioF()
    # The logo 208 × 52 pixels, 4:1 kept, on a page 4 pixels wider each way: 40 px high.
    assert preview.size() == QSize(216, round(1.5 * LOGO_PREVIEW_PX))
    assert preview.deviceIndependentSize().height() == LOGO_PREVIEW_PX


def test_the_logo_preview_is_drawn_again_on_a_screen_of_another_scale(qtbot, app_ctx,
                                                                      monkeypatch,
                                                                      pixmaps_given):
    from PySide6.QtCore import QCoreApplication, QEvent

    from hubapp.ui.settings_dialog import LOGO_PREVIEW_PX, SettingsDialog

    dialog = SettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog._show_logo(_logo_png())
    assert pixmaps_given[-1].devicePixelRatio() == 1

    monkeypatch.setattr(QLabel, "devicePixelRatioF", lambda _label: 2.0)  # moved to 200 %
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.DevicePixelRatioChange))
    preview = pixmaps_given[-1]
    assert preview.devicePixelRatio() == 2
    assert preview.size() == QSize(284, 2 * LOGO_PREVIEW_PX)  # 272 × 68 on the page


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_screen_grows_a_125_percent_laptops_window_as_it_is_shown(qtbot, qapp, app_ctx,
                                                                    language):
    """1093 × 614 px less the taskbar: the wrapped rows' height counted as the least at the
    first, narrow layout grew the window past the screen at the Dashboard's first show, and
    a window never shrinks back."""
    from hubapp.ui.translations import install_translations

    install_translations(qapp, language)
    try:
        window = _window(qtbot, app_ctx)
        window.resize(1091, 588)
        qtbot.waitUntil(lambda: window.size() == QSize(1091, 588))
        for index in range(window.screens.count()):
            window.screens.setCurrentIndex(index)
            for _ in range(3):  # a screen built at its first show, then laid out again
                QApplication.processEvents()
            assert window.height() == 588, window.screens.tabText(index)
    finally:
        install_translations(qapp, "en")


def test_the_daily_logs_long_date_at_16_pt_keeps_the_bar_within_a_1280_px_screen(
        qtbot, qapp, app_ctx):
    """"Wednesday, 30 September 2026" held the window to 1,310 px at 16 pt, the find box
    past the edge of a 1280 × 720 screen, the day closed (Reopen day… is the longer);
    where it has no room the title is shortened."""
    import datetime as dt

    from hubapp.store import day_close
    from hubapp.store.users import UserRecord

    day = dt.date(2026, 9, 30)
    day_close.close_day(app_ctx.db, day, UserRecord("wang.li", "supervisor"))
    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    with app_font_of(qapp, 16):
        window = _window(qtbot, app_ctx)
        screen = window.day_screen
        screen.set_day(day)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= 1280
        window.resize(1280, 720)
        qtbot.waitUntil(lambda: window.width() == 1280)
        QApplication.processEvents()
        assert within(screen.day_bar.find_edit, window)
        assert screen.day_bar.title.text() == "Wed, 30 Sept 2026"
        assert screen.day_bar.title.accessibleName() == "Wednesday, 30 September 2026"
        window.resize(1366, 768)
        qtbot.waitUntil(lambda: window.width() == 1366)
        QApplication.processEvents()
        assert screen.day_bar.title.text() == "Wednesday, 30 September 2026"
        screen.revert()


def _overlapping(widgets: list[QWidget]) -> list[tuple[str, str]]:
    shown = [widget for widget in widgets if widget.isVisible()]
    return [(type(a).__name__ + a.objectName(), type(b).__name__ + b.objectName())
            for number, a in enumerate(shown) for b in shown[number + 1:]
            if a.geometry().intersects(b.geometry())]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("closed", [False, True])
def test_at_15_pt_the_day_bar_fits_a_150_percent_laptop_without_overlapping(
        qtbot, qapp, app_ctx, large_font, language, closed):
    """Its least width held the window to 1,019 px on 911: Close day was drawn over the day's
    title and the find box ran past the edge. The title falls back to the day's name (the
    day box has the date), the find box to a container number's width."""
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord
    from hubapp.ui.daily_log.day_bar import FindBox
    from hubapp.ui.translations import install_translations

    if closed:  # its line under the title, and Reopen day…, the longer button
        day_close.close_day(app_ctx.db, DEMO_END, UserRecord("wang.li", "supervisor"))
    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    large_font(15)
    install_translations(qapp, language)
    try:
        window = _window(qtbot, app_ctx)
        screen = window.day_screen
        screen.set_day(DEMO_END)
        QApplication.processEvents()
        bar = screen.day_bar
        # The bar as wide as a window maximised on the laptop leaves it.
        room = LAPTOP_150.width() - (window.width() - bar.width())
        assert bar.minimumSizeHint().width() <= room
        bar.resize(room, bar.height())
        QApplication.processEvents()
        parts = [bar.previous_button, bar.date_edit, bar.next_button, bar.today_button,
                 bar.title, bar.closed_label, bar.close_day_button, bar.find_edit]
        assert not _overlapping(parts)
        assert all(part.geometry().right() < bar.width() for part in parts)
        title = bar.title
        assert title.text() and title.fontMetrics().horizontalAdvance(title.text()) \
            <= title.contentsRect().width()
        # A number typed shows whole beside the clear button.
        bar.find_edit.setText(FindBox.NUMBER)
        bar.find_edit.resize(bar.find_edit.minimumSizeHint())
        bar.find_edit.home(False)
        start = bar.find_edit.cursorRect().left()
        bar.find_edit.end(False)
        assert bar.find_edit.cursorRect().left() - start >= \
            bar.find_edit.fontMetrics().horizontalAdvance(FindBox.NUMBER) - 1
        screen.revert()
    finally:
        install_translations(qapp, "en")


def test_at_15_pt_the_days_totals_leave_the_status_bar_within_a_150_percent_laptop(
        qtbot, main_window, large_font):
    """The whole line, 909 px at 15 pt, held the window past 911 px, its tonnes cut off at
    the edge: where it has no room the full and empty boxes and the tonnes are left out."""
    large_font(15)
    main_window.day_screen.set_day(DEMO_END)
    QApplication.processEvents()
    label = main_window.totals_label
    assert main_window.statusBar().minimumSizeHint().width() <= LAPTOP_150.width()
    label.resize(label.minimumSizeHint())
    assert " TEU" in label.text() and " t" not in label.text().split("TEU")[1]
    assert label.accessibleName().endswith(" t")  # a screen reader hears it whole
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


def _users_shown(qtbot, ctx):
    from hubapp.ui.users_screen import UsersScreen

    window = _window(qtbot, ctx)
    users = window.show_screen(UsersScreen)
    return window, users, (users.name, users.new_role, users.password, users.password_again,
                           users.add_button)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_at_15_pt_the_users_new_user_row_wraps_within_a_150_percent_laptop(
        qtbot, qapp, app_ctx, large_font, language):
    """In one row it held the window to 918 px on a 911 px screen, Add user past the edge:
    it takes a second row there."""
    from hubapp.ui.translations import install_translations

    large_font(15)
    install_translations(qapp, language)
    try:
        window, users, row = _users_shown(qtbot, app_ctx)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= LAPTOP_150.width()
        window.resize(LAPTOP_150.size())
        qtbot.waitUntil(lambda: window.size() == LAPTOP_150.size())
        QApplication.processEvents()
        assert all(within(widget, window) for widget in row)
        assert not _overlapping([*row, users.single_user])
        window.day_screen.revert()
    finally:
        install_translations(qapp, "en")


def test_where_the_window_is_wide_the_new_user_row_is_one_row_filled(qtbot, app_ctx):
    window, users, row = _users_shown(qtbot, app_ctx)
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: window.width() == 1366)
    QApplication.processEvents()
    assert len({widget.y() for widget in row}) == 1
    assert users.add_button.geometry().right() == users.table.geometry().right()
    # The fields share what the labels and buttons leave, as in a box layout.
    widths = [field.width() for field in (users.name, users.password, users.password_again)]
    assert max(widths) - min(widths) <= 1 and min(widths) > users.name.sizeHint().width()
    assert users.new_role.width() == users.new_role.sizeHint().width()
    window.day_screen.revert()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_at_15_pt_a_closed_days_daily_log_scrolls_within_a_150_percent_laptop(
        qtbot, qapp, app_ctx, large_font, language):
    """The closed line under the day's title held the Chinese window to 522 px on a 512 px
    screen, its status bar past the bottom and the service's totals drawn over the grid:
    the screen scrolls up and down where the window is lower than that."""
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord
    from hubapp.ui.translations import install_translations

    day_close.close_day(app_ctx.db, DEMO_END, UserRecord("wang.li", "supervisor"))
    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    large_font(15)
    install_translations(qapp, language)
    try:
        window, screen = _first_service_shown(qtbot, app_ctx)
        assert window.minimumSizeHint().height() <= LAPTOP_150.height()
        window.resize(LAPTOP_150.size())
        qtbot.waitUntil(lambda: window.size() == LAPTOP_150.size())
        QApplication.processEvents()
        assert within(window.totals_label, window)
        editor = [_form_area(screen), screen.grid_view,
                  screen.service_totals, screen.save_button]
        assert not _overlapping(editor)
        area = screen.page_area
        assert area.verticalScrollBar().isVisible()
        area.ensureWidgetVisible(screen.save_button)
        QApplication.processEvents()
        bottom = screen.save_button.mapTo(area.viewport(), QPoint(0, screen.save_button.height()))
        assert bottom.y() <= area.viewport().height()
        screen.revert()
    finally:
        install_translations(qapp, "en")


def _wheel_down(widget: QWidget) -> bool:
    """A notch of the wheel over widget's middle; whether widget took it."""
    centre = QPointF(widget.rect().center())
    wheel = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, wheel)
    return wheel.isAccepted()


def test_the_wheel_turns_the_daily_logs_day_unless_the_screen_scrolls(qtbot, app_ctx):
    """The screen scrolls where the window is low; where it shows whole, the wheel over the
    day box turns the day, as it did before the screen could scroll."""
    window, screen = _first_service_shown(qtbot, app_ctx)
    day_box = screen.day_bar.date_edit
    window.setFocus()
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: window.width() == 1366)
    QApplication.processEvents()
    assert screen.page_area.verticalScrollBar().maximum() == 0 and not day_box.hasFocus()
    assert _wheel_down(day_box)
    turned_to = day_box.date().toPython()
    assert turned_to != DEMO_END
    qtbot.waitUntil(lambda: screen.day() == turned_to)

    window.resize(1366, 300)
    qtbot.waitUntil(lambda: screen.page_area.verticalScrollBar().maximum() > 0)
    assert not _wheel_down(day_box)  # left to the screen to scroll
    assert day_box.date().toPython() == turned_to
    # A box of the service form, in a scroll area in the screen's, is looked after once.
    box = next(iter(screen.form.findChildren(QAbstractSpinBox)))
    assert len([child for child in box.children() if type(child).__name__ == "_ScrolledBox"]) == 1
    screen.revert()


def test_a_fitted_label_too_narrow_for_every_wording_shows_its_shortest(qtbot):
    """Where not even the shortest fits (a window dragged narrower than its least), the
    shortest is what is cut: the longest, cut, showed less of the day than the short one."""
    label = FittedLabel()
    qtbot.addWidget(label)
    wordings = ("Wednesday, 30 September 2026", "Wed, 30 Sept 2026", "30 Sept")
    label.set_wordings(*wordings)
    label.show()
    metrics = label.fontMetrics()
    for room, shown in ((metrics.horizontalAdvance(wordings[0]), wordings[0]),
                        (metrics.horizontalAdvance(wordings[0]) - 1, wordings[1]),
                        (metrics.horizontalAdvance(wordings[2]), wordings[2]),
                        (metrics.horizontalAdvance(wordings[2]) // 2, wordings[2])):
        label.resize(room + label.width() - label.contentsRect().width(), label.height())
        assert label.text() == shown, room
    assert label.accessibleName() == wordings[0]
