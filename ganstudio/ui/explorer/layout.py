"""The panel's arrangement: a message banner on top; image and strip on the left (large),
tabbed controls on the right."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

STYLES = {"error": "background:#4a2326; color:#ffd7d3; border:1px solid #7a3a3f; border-radius:4px;",
          "info": "background:#1f3a2c; color:#d2f5df; border:1px solid #35684c; border-radius:4px;"}


class Banner(QFrame):
    """A one-line message above the panel (errors stay until closed; info fades after a while).
    The technical text behind a message (a library's own wording) waits behind "Details"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(text="✕", autoRaise=True, toolTip=self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        self.details_button = QToolButton(text=self.tr("Details"), checkable=True, autoRaise=True,
                                          toolTip=self.tr("The technical detail behind this message"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setStyleSheet("font-family: monospace; opacity: 0.8;")
        self.details_button.toggled.connect(self.details.setVisible)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.label, 1)
        top.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 4, 4, 4)
        lay.setSpacing(2)
        lay.addLayout(top)
        lay.addWidget(self.details)
        self._timer = QTimer(self, singleShot=True, interval=8000)
        self._timer.timeout.connect(self.hide)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error", detail: str = "") -> None:
        self.kind = kind
        self.setStyleSheet(f"Banner {{{STYLES[kind]}}} QLabel {{background: transparent; border: none;}}")
        self.label.setText(text)
        self.details.setText(detail)
        self.details_button.setChecked(False)
        self.details_button.setVisible(bool(detail))
        self.details.setVisible(False)
        self.show()
        if kind == "info":
            self._timer.start()
        else:
            self._timer.stop()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class PanelLayout:
    def __init__(self, panel: QWidget, banner: Banner, view: QWidget, strip_view: QWidget, tabs: QWidget,
                 strip_controls: list[QWidget]):
        self.strip_title = QLabel(QCoreApplication.translate("PanelLayout", "Strip"))
        self.strip_title.setWordWrap(True)
        self.strip_title.setStyleSheet("font-weight: 600;")
        strip_box = QWidget()
        sl = QVBoxLayout(strip_box)
        sl.setContentsMargins(0, 4, 0, 0)
        sl.setSpacing(2)
        header = QHBoxLayout()
        header.addWidget(self.strip_title, 1)
        for w in strip_controls:
            header.addWidget(w)
        sl.addLayout(header)
        sl.addWidget(strip_view, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(view)
        left.addWidget(strip_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setSizes([470, 350])   # a mixing grid or gallery gets room to grow (2x for 32 px tiles)
        left.setChildrenCollapsible(False)
        tabs.setMaximumWidth(560)   # its minimum is its content's (FittingScrollArea)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(left)
        main.addWidget(tabs)
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 0)
        main.setChildrenCollapsible(False)
        main.setSizes([820, 420])
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(6)
        lay.addWidget(banner)
        lay.addWidget(main, 1)
        self.left, self.main = left, main

    def set_strip_title(self, text: str) -> None:
        self.strip_title.setText(text)
