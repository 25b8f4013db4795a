"""A tab widget whose tabs wrap onto a second row instead of hiding behind scroll arrows.

The Explorer's side pane has eight tabs (Latent, Mixing, Noise, Animate, Model, Layers,
Transform, Drag): in a 1280 px window QTabBar showed five and hid the rest behind two small
arrows (issue 22).  :class:`WrappingTabs` is a QTabWidget (same pages, indices, signals and
Ctrl+Tab) whose own bar is hidden; a row of checkable buttons in a :class:`FlowLayout` stands
for it, one button a tab, wrapped onto as many lines as the width needs, every tab in sight.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QButtonGroup, QSizePolicy, QTabWidget, QToolButton, QVBoxLayout,
                               QWidget)

from .flow_layout import FlowLayout


class WrappingTabs(QTabWidget):
    """QTabWidget with its tab bar drawn as wrapping buttons (``buttons[i]`` stands for tab i)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tabBar().hide()
        self.setDocumentMode(True)                    # no frame around a page under no bar
        self.buttons: list[QToolButton] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.setCurrentIndex)
        self._bar = QWidget()
        self._bar.setObjectName("wrappingTabBar")
        self._flow = FlowLayout(self._bar, spacing=2)
        policy = self._bar.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self._bar.setSizePolicy(policy)
        self.currentChanged.connect(self._mark_current)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """As wide as the page shown needs (QTabWidget: as wide as its widest page, so one wide
        page, in presentation mode's large text, made the Explorer's pane too wide for the
        window whichever page was shown).  A page's own minimum applies once it is shown."""
        hint = super().minimumSizeHint()
        page = self.currentWidget()
        if page is None:
            return hint
        widest = max(self.widget(i).minimumSizeHint().width() for i in range(self.count()))
        return QSize(hint.width() - widest + page.minimumSizeHint().width(), hint.height())

    def bar(self) -> QWidget:
        """The wrapping row of tab buttons, to be placed above this widget by its owner."""
        return self._bar

    def framed(self) -> QWidget:
        """This widget with its wrapping bar above it, as one widget for a layout."""
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(self._bar)
        v.addWidget(self, 1)
        return box

    # --- tabs come and go: the buttons follow -----------------------------------------------------
    def tabInserted(self, index: int) -> None:  # noqa: N802 - Qt API
        super().tabInserted(index)
        button = QToolButton()
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.buttons.insert(index, button)
        self._group.addButton(button)
        self._flow.insertWidget(index, button)
        self._renumber()

    def tabRemoved(self, index: int) -> None:  # noqa: N802 - Qt API
        super().tabRemoved(index)
        button = self.buttons.pop(index)
        self._group.removeButton(button)
        self._flow.removeWidget(button)
        button.deleteLater()
        self._renumber()

    def _renumber(self) -> None:
        for i, button in enumerate(self.buttons):
            self._group.setId(button, i)
            button.setText(self.tabText(i))
            button.setToolTip(self.tabToolTip(i))
            button.setEnabled(self.isTabEnabled(i))
        self._mark_current(self.currentIndex())

    def _mark_current(self, index: int) -> None:
        for i, button in enumerate(self.buttons):
            button.setChecked(i == index)

    # --- what QTabBar would show, shown on the buttons ------------------------------------------
    def setTabText(self, index: int, text: str) -> None:  # noqa: N802 - Qt API
        super().setTabText(index, text)
        if 0 <= index < len(self.buttons):
            self.buttons[index].setText(text)

    def setTabToolTip(self, index: int, tip: str) -> None:  # noqa: N802 - Qt API
        super().setTabToolTip(index, tip)
        if 0 <= index < len(self.buttons):
            self.buttons[index].setToolTip(tip)

    def setTabEnabled(self, index: int, enabled: bool) -> None:  # noqa: N802 - Qt API
        super().setTabEnabled(index, enabled)
        if 0 <= index < len(self.buttons):
            self.buttons[index].setEnabled(enabled)
