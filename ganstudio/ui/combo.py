"""A combo box that shrinks with its pane and elides its text instead of widening the pane.

QComboBox asks for the width of its longest item as its *minimum*: one long choice ("random,
then fixed (StyleGAN's own noise)" in Japanese, twice as large in presentation mode) made the
Explorer's side pane wider than a small window could give it.  :class:`ElidingComboBox` still
asks for that width as its preferred size, so it shows every choice whole where there is room,
but can shrink down to ``min_chars`` characters; then the shown choice ends in "…" (the list
that drops down always shows every choice whole).
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter

MIN_CHARS = 10


class ElidingComboBox(QComboBox):
    def __init__(self, parent=None, min_chars: int = MIN_CHARS):
        super().__init__(parent)
        self.min_chars = min_chars
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        full = super().minimumSizeHint()
        fm = self.fontMetrics()
        widest = max((fm.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        text = min(widest, fm.horizontalAdvance("x" * self.min_chars))
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        if any(not self.itemIcon(i).isNull() for i in range(self.count())):
            text += self.iconSize().width() + 4
        frame = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt,
                                              QSize(text, fm.height()), self)
        return QSize(frame.width(), full.height())

    def shown_text(self) -> str:
        """The current choice as it fits the box now (ending in "…" when it does not)."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        return self._elided(opt)

    def _elided(self, opt: QStyleOptionComboBox) -> str:
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        room = field.width() - (opt.iconSize.width() + 4 if not opt.currentIcon.isNull() else 0) - 2
        return self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight, max(0, room))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self._elided(opt)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)
