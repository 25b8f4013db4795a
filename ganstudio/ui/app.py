"""Starting the GUI: QApplication, the dark Fusion theme, the main window, the first model.

``run_gui(path)`` opens ``path`` (a checkpoint, a recipe or a run directory) or else the shipped
default model; when no trained model ships, the Explorer shows a freshly initialised StyleGAN
and says so.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from ganstudio.ui import gui_gc, i18n
from ganstudio.ui.training import style
from ganstudio.ui.training.settings import APPLICATION, ORGANISATION
GIL_SWITCH_INTERVAL = 0.001  # seconds
UNTRAINED_NOTICE = QT_TRANSLATE_NOOP("app", "no trained model ships yet: showing an untrained generator")

STYLESHEET = f"""
QToolTip {{ color: #e8e8e8; background-color: #2b2e33; border: 1px solid #4a4e55; padding: 4px; }}
QGroupBox {{ border: 1px solid #34373d; border-radius: 6px; margin-top: 1.2em; padding: 6px 6px 4px 6px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; color: #9aa0a8; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ padding: 6px 16px; color: #9aa0a8; background: #26282c; border: 1px solid #34373d;
                border-bottom: none; border-top-left-radius: 4px; border-top-right-radius: 4px; margin-right: 2px; }}
QTabBar::tab:selected {{ color: #ffffff; background: #2d3035; border-top: 2px solid #3b7dd8; }}
QTabBar::tab:hover:!selected {{ color: #dfe1e5; }}
QTabBar::tab:disabled {{ color: #6f747c; }}
QLineEdit[invalid="true"], QSpinBox[invalid="true"], QDoubleSpinBox[invalid="true"],
QComboBox[invalid="true"] {{ border: 2px solid #e05252; border-radius: 3px; }}
QLabel#fieldError {{ color: #ff7b7b; }}
QLabel#lessonText {{ color: #d7dae0; }}
QLabel#progressText {{ color: #c9ccd1; }}
QLabel#notice {{ background: #3a3320; color: #f3d58a; border-radius: 4px; padding: 4px 8px; }}
QLabel#pixelView {{ background: {style.PLOT_BACKGROUND}; border-radius: 4px; color: #80858d; }}
QPushButton {{ padding: 5px 12px; }}
QPushButton:checked {{ background-color: #3b7dd8; color: white; }}
QToolButton#startButton:enabled {{ background-color: #2f7d46; color: white; font-weight: bold; }}
QStatusBar QLabel {{ padding: 0 6px; }}
"""


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#232529"), QColor(style.BACKGROUND), QColor("#dfe1e5")
    for group in (QPalette.Active, QPalette.Inactive):
        p.setColor(group, QPalette.Window, window)
        p.setColor(group, QPalette.WindowText, text)
        p.setColor(group, QPalette.Base, base)
        p.setColor(group, QPalette.AlternateBase, QColor("#2a2d31"))
        p.setColor(group, QPalette.ToolTipBase, QColor("#2b2e33"))
        p.setColor(group, QPalette.ToolTipText, text)
        p.setColor(group, QPalette.PlaceholderText, QColor("#7d828a"))
        p.setColor(group, QPalette.Text, text)
        p.setColor(group, QPalette.Button, QColor("#2d3035"))
        p.setColor(group, QPalette.ButtonText, text)
        p.setColor(group, QPalette.BrightText, QColor("#ff6b6b"))
        p.setColor(group, QPalette.Link, QColor("#6aa8ff"))
        p.setColor(group, QPalette.Highlight, QColor("#3b7dd8"))
        p.setColor(group, QPalette.HighlightedText, QColor("#ffffff"))
    for role, colour in ((QPalette.WindowText, "#6f747c"), (QPalette.Text, "#6f747c"),
                         (QPalette.ButtonText, "#6f747c"), (QPalette.Base, "#1f2125"),
                         (QPalette.Button, "#26282c"), (QPalette.Highlight, "#3a3d42")):
        p.setColor(QPalette.Disabled, role, QColor(colour))
    return p


def apply_theme(app: QApplication) -> None:
    """Fusion style, dark palette and the shared stylesheet (pyqtgraph's colours are set where
    it is first imported: ``style.pyqtgraph()``)."""
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette())
    app.setStyleSheet(STYLESHEET)
    font = app.font()
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
    font.setStyleHint(QFont.SansSerif)
    app.setFont(i18n.apply_font(font, i18n.current_language()))


def binding_drops_singleton_refs() -> bool:
    """Whether the Qt binding returns None from C++ methods without taking a reference.

    PySide6 6.12 does (it relies on None being immortal, true only from Python 3.12 on): on
    Python 3.11 every call of a void method like ``QWidget.update()`` takes one reference from
    None, and after a few minutes of plotting None's count reaches zero and the interpreter
    aborts ("none_dealloc").  Measured, not version-matched, so a fixed binding is left alone.
    """
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(32):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 16


def protect_singletons() -> bool:
    """Give None, True and False a reference count the binding bug cannot run down (what
    Python 3.12 does by making them immortal).  Returns whether the guard was needed."""
    if not binding_drops_singleton_refs():
        return False
    import ctypes
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40  # ob_refcnt, the first field
    return True


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created and themed on first call)."""
    if not getattr(ensure_app, "_protected", False):
        protect_singletons()
        # The training thread holds the GIL between PyTorch calls; waiting up to the default
        # 5 ms for it, several times per event, is what makes a GUI stutter.  1 ms keeps the
        # GUI's waits short and costs the trainer nothing measurable (it mostly runs in C++).
        sys.setswitchinterval(GIL_SWITCH_INTERVAL)
        ensure_app._protected = True
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANISATION)
        QCoreApplication.setApplicationName(APPLICATION)
        app = QApplication(list(argv if argv is not None else sys.argv[:1]))
        app.setApplicationDisplayName("GAN Studio")
    if not app.property("ganstudio_language"):   # before the theme: its font follows the script
        app.setProperty("ganstudio_language", i18n.install(app))
    if not app.property("ganstudio_themed"):
        apply_theme(app)
        app.setProperty("ganstudio_themed", True)
    gui_gc.install(app)   # cyclic garbage is collected on this thread only (see gui_gc)
    return app


def open_initial(window, path: str | None) -> None:
    """What the window shows first: ``path``, else the shipped model, else an untrained StyleGAN."""
    from ganstudio import resources
    if path:
        window.open_path(path)
        return
    model = resources.default_model()
    if model is not None and window.open_path(str(model), remember=False):
        return
    window.show_untrained_generator(QCoreApplication.translate("app", UNTRAINED_NOTICE))


def run_gui(path: str | None = None) -> int:
    """Open the GAN Studio window (on ``path`` when given) and run the event loop."""
    app = ensure_app()
    from ganstudio.ui.main_window import MainWindow
    window = MainWindow()
    window.restore_layout()
    from ganstudio.ui import startup_report
    startup_report.install(window)
    window.show()
    # open after the window is up, so a slow first model never delays the first paint
    QTimer.singleShot(0, lambda: open_initial(window, path))
    return app.exec()
