"""The panel's arrangement: a message banner on top; image and strip on the left (large),
tabbed controls on the right."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from ..flow_layout import FlowLayout

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


PANE_MAX_WIDTH = 560   # px at normal text size: the image keeps the rest of a wide window


class TextScaledPane(QObject):
    """Keeps the side pane's width in step with its text: its widest at ``base`` pixels times the
    text's scale, and its width in the splitter scaled with the text when presentation mode
    changes it (the pane kept its normal-mode width, so 1.5x text pushed the right-hand buttons
    of the Latent tab past the pane's edge).  The image keeps the rest of the window."""

    def __init__(self, pane: QWidget, splitter: QSplitter, base: int):
        super().__init__(pane)
        self.pane, self.splitter, self.base = pane, splitter, base
        self.scale = 1.0
        pane.installEventFilter(self)
        self.update()

    def update(self) -> None:
        from ..presentation import text_scale
        scale = max(1.0, text_scale(self.pane))
        self.pane.setMaximumWidth(round(self.base * scale))
        if abs(scale - self.scale) > 1e-6:
            sizes = self.splitter.sizes()
            if len(sizes) == 2 and sum(sizes) > 0:
                total = sum(sizes)
                room = total - self.splitter.widget(0).minimumSizeHint().width()
                width = min(round(sizes[1] * scale / self.scale), self.pane.maximumWidth(), max(room, 0))
                self.splitter.setSizes([total - width, width])
            self.scale = scale

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FontChange:
            self.update()
        return False


class TitleLabel(QLabel):
    """A wrapped label that keeps room for a few words on a line beside the controls next to it
    (a wrapped QLabel's minimum is its longest word: one Japanese character a line)."""

    MIN_CHARS = 10

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        room = self.fontMetrics().horizontalAdvance("x" * self.MIN_CHARS)
        return QSize(max(hint.width(), min(room, super().sizeHint().width())), hint.height())


class PanelLayout:
    def __init__(self, panel: QWidget, banner: Banner, view: QWidget, strip_view: QWidget, tabs: QWidget,
                 strip_controls: list[QWidget]):
        self.strip_title = TitleLabel(QCoreApplication.translate("PanelLayout", "Strip"))
        self.strip_title.setWordWrap(True)
        self.strip_title.setStyleSheet("font-weight: 600;")
        strip_box = QWidget()
        sl = QVBoxLayout(strip_box)
        sl.setContentsMargins(0, 4, 0, 0)
        sl.setSpacing(2)
        controls = QWidget()     # wrap under each other where the strip is narrow (large text)
        flow = FlowLayout(controls, spacing=6, align_right=True)
        for w in strip_controls:
            flow.addWidget(w)
        policy = controls.sizePolicy()
        policy.setHeightForWidth(True)
        controls.setSizePolicy(policy)
        header = QHBoxLayout()
        header.addWidget(self.strip_title, 1)
        header.addWidget(controls)
        sl.addLayout(header)
        sl.addWidget(strip_view, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(view)
        left.addWidget(strip_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setSizes([470, 350])   # a mixing grid or gallery gets room to grow (2x for 32 px tiles)
        left.setChildrenCollapsible(False)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(left)
        main.addWidget(tabs)
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 0)
        main.setChildrenCollapsible(False)
        main.setSizes([820, 420])
        # its minimum is its content's (FittingScrollArea); its width grows with the text
        self.pane_width = TextScaledPane(tabs, main, PANE_MAX_WIDTH)
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(6)
        lay.addWidget(banner)
        lay.addWidget(main, 1)
        self.left, self.main = left, main

    def set_strip_title(self, text: str) -> None:
        self.strip_title.setText(text)
