"""Sliders the Explorer needs and Qt lacks: a float slider with an editable value box, and an
integer range slider with two handles.

Written on plain Qt widgets (importing a widget library for two classes cost a fifth of a second
of every start-up).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractSlider, QAbstractSpinBox, QComboBox, QDoubleSpinBox,
                               QHBoxLayout, QSizePolicy, QSlider, QWidget)


class _WheelWhenFocused(QObject):
    """Event filter: a control takes the mouse wheel only once it has the keyboard focus
    (clicked or tabbed to); otherwise the wheel goes on to the panel, which scrolls."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Wheel and not obj.hasFocus():
            event.ignore()          # not accepted: Qt offers the wheel to the parents
            return True
        return False


_WHEEL_FILTER: _WheelWhenFocused | None = None
_GUARDED = (QAbstractSlider, QAbstractSpinBox, QComboBox)


def wheel_only_when_focused(root: QWidget) -> None:
    """Make every slider, spin box and combo box in ``root`` (``root`` itself included) take
    the wheel only when focused, so that scrolling a panel never changes a value by accident."""
    global _WHEEL_FILTER
    if _WHEEL_FILTER is None:
        _WHEEL_FILTER = _WheelWhenFocused()
    widgets = [w for t in _GUARDED for w in root.findChildren(t)]
    if isinstance(root, _GUARDED):
        widgets.append(root)
    for w in widgets:
        if w.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)   # the wheel must not give focus
        w.installEventFilter(_WHEEL_FILTER)


class LabeledDoubleSlider(QWidget):
    """A horizontal slider over [lo, hi] with a value box beside it.

    ``value()`` is the float last set (from code, the slider or the box), clamped to the range;
    the slider's position is that value rounded to ``decimals`` places.  ``valueChanged(float)``
    fires on every change from any of the three; ``sliderReleased`` when a drag ends;
    ``editingFinished`` when a typed value is committed.
    """

    valueChanged = Signal(float)
    sliderReleased = Signal()
    editingFinished = Signal()

    def __init__(self, orientation=Qt.Orientation.Horizontal, parent=None):
        super().__init__(parent)
        self._lo, self._hi, self._value, self._decimals = 0.0, 1.0, 0.0, 2
        self._slider = QSlider(orientation)
        self._box = QDoubleSpinBox()
        self._box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self._box.setKeyboardTracking(False)       # commit a typed value on Enter / focus out
        self._box.setAlignment(Qt.AlignmentFlag.AlignRight)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        lay.addWidget(self._slider, 1)
        lay.addWidget(self._box)
        self._slider.valueChanged.connect(self._from_slider)
        self._slider.sliderReleased.connect(self.sliderReleased)
        self._box.valueChanged.connect(self._from_box)
        self._box.editingFinished.connect(self.editingFinished)
        wheel_only_when_focused(self)
        self._box.installEventFilter(self)
        self._apply_range()

    # --- the QSlider-like API the panels use -----------------------------------------------
    def setRange(self, lo: float, hi: float) -> None:
        self._lo, self._hi = float(lo), float(max(lo, hi))
        self._apply_range()
        self._set(self._value, emit=True)

    def setDecimals(self, decimals: int) -> None:
        self._decimals = max(0, int(decimals))
        self._apply_range()
        self._show(self._value)

    def minimum(self) -> float:
        return self._lo

    def maximum(self) -> float:
        return self._hi

    def value(self) -> float:
        return self._value

    def setValue(self, value: float) -> None:
        self._set(float(value), emit=True)

    def isSliderDown(self) -> bool:
        return self._slider.isSliderDown()

    def sizeHint(self) -> QSize:
        return QSize(200, super().sizeHint().height())

    # --- internals ----------------------------------------------------------------------------
    def _scale(self) -> float:
        return 10.0 ** self._decimals

    def _apply_range(self) -> None:
        k = self._scale()
        for w in (self._slider, self._box):
            w.blockSignals(True)
        self._slider.setRange(round(self._lo * k), round(self._hi * k))
        self._slider.setSingleStep(max(1, round((self._hi - self._lo) * k / 100)))
        self._slider.setPageStep(max(1, round((self._hi - self._lo) * k / 10)))
        self._box.setDecimals(self._decimals)
        self._box.setRange(self._lo, self._hi)
        self._box.setSingleStep(1.0 / k)
        self._fit_box()
        for w in (self._slider, self._box):
            w.blockSignals(False)

    def _fit_box(self) -> None:
        """The value box as wide as its longest value in its current font."""
        digits = len(f"{max(abs(self._lo), abs(self._hi)):.{self._decimals}f}") + 1
        self._box.setFixedWidth(self._box.fontMetrics().horizontalAdvance("0" * digits) + 14)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self._box and event.type() == QEvent.Type.FontChange:   # presentation mode's text
            self._fit_box()
        return super().eventFilter(obj, event)

    def _set(self, value: float, emit: bool) -> None:
        value = min(self._hi, max(self._lo, value))
        changed = value != self._value
        self._value = value
        self._show(value)
        if changed and emit and not self.signalsBlocked():
            self.valueChanged.emit(value)

    def _show(self, value: float) -> None:
        for w, v in ((self._slider, round(value * self._scale())), (self._box, value)):
            w.blockSignals(True)
            w.setValue(v)
            w.blockSignals(False)

    def _from_slider(self, position: int) -> None:
        self._set(position / self._scale(), emit=True)

    def _from_box(self, value: float) -> None:
        self._set(value, emit=True)


class RangeSlider(QWidget):
    """An integer range [start, end] picked with two handles on one track.

    Drag a handle (the nearer one to the press) or use the arrow keys on the last one touched
    (Shift+arrows move the other); the handles' values are written above them.
    ``valueChanged((start, end))`` fires on every change.
    """

    valueChanged = Signal(tuple)

    HANDLE = 7          # handle radius, px
    MARGIN = 12         # track inset from the widget's sides, px

    def __init__(self, orientation=Qt.Orientation.Horizontal, parent=None):
        super().__init__(parent)
        self._lo, self._hi = 0, 1
        self._value = (0, 1)
        self._active = 1        # which handle the keys move
        self._dragging: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 2 * self.HANDLE + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def setRange(self, lo: int, hi: int) -> None:
        self._lo, self._hi = int(lo), int(max(lo, hi))
        self.setValue(self._value)

    def minimum(self) -> int:
        return self._lo

    def maximum(self) -> int:
        return self._hi

    def value(self) -> tuple[int, int]:
        return self._value

    def setValue(self, value) -> None:
        a, b = (min(self._hi, max(self._lo, int(round(v)))) for v in value)
        new = (min(a, b), max(a, b))
        if new != self._value:
            self._value = new
            self.update()
            if not self.signalsBlocked():
                self.valueChanged.emit(new)
        else:
            self.update()

    # --- geometry -----------------------------------------------------------------------------
    def _track_y(self) -> float:
        return self.height() - self.HANDLE - 4

    def _x_of(self, v: int) -> float:
        span = max(1, self._hi - self._lo)
        return self.MARGIN + (self.width() - 2 * self.MARGIN) * (v - self._lo) / span

    def _value_at(self, x: float) -> int:
        width = max(1, self.width() - 2 * self.MARGIN)
        return self._lo + round((x - self.MARGIN) / width * (self._hi - self._lo))

    def _move(self, handle: int, v: int) -> None:
        vals = list(self._value)
        vals[handle] = v
        if handle == 0:
            vals[0] = min(vals[0], vals[1])
        else:
            vals[1] = max(vals[0], vals[1])
        self.setValue(vals)

    # --- events -------------------------------------------------------------------------------
    def mousePressEvent(self, e) -> None:
        if e.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(e)
        x = e.position().x()
        d0, d1 = (abs(x - self._x_of(v)) for v in self._value)
        # equal distance (handles on top of each other): pick by which side was pressed
        self._dragging = 0 if d0 < d1 or (d0 == d1 and x < self._x_of(self._value[0])) else 1
        self._active = self._dragging
        self._move(self._dragging, self._value_at(x))

    def mouseMoveEvent(self, e) -> None:
        if self._dragging is not None:
            self._move(self._dragging, self._value_at(e.position().x()))

    def mouseReleaseEvent(self, e) -> None:
        self._dragging = None

    def keyPressEvent(self, e) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Down: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: 1}.get(e.key())
        if step is None:
            return super().keyPressEvent(e)
        handle = 1 - self._active if e.modifiers() & Qt.KeyboardModifier.ShiftModifier else self._active
        self._move(handle, self._value[handle] + step)

    def paintEvent(self, e) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        y = self._track_y()
        x0, x1 = self._x_of(self._lo), self._x_of(self._hi)
        a, b = (self._x_of(v) for v in self._value)
        p.setPen(_round_pen(pal.mid().color(), 4))
        p.drawLine(QPointF(x0, y), QPointF(x1, y))
        accent = pal.highlight().color() if self.isEnabled() else pal.mid().color()
        p.setPen(_round_pen(accent, 4))
        p.drawLine(QPointF(a, y), QPointF(b, y))
        p.setPen(QPen(QColor(accent).darker(130), 1))
        p.setBrush(pal.button().color().lighter(140) if self.isEnabled() else pal.button().color())
        fm = self.fontMetrics()
        for i, (x, v) in enumerate(zip((a, b), self._value)):
            p.drawEllipse(QPointF(x, y), self.HANDLE, self.HANDLE)
            text = str(v)
            tw = fm.horizontalAdvance(text)
            # keep the two labels apart when the handles are close
            tx = x - tw / 2 + (-(tw / 2 + 2) if i == 0 and b - a < tw + 4 else 0) \
                + ((tw / 2 + 2) if i == 1 and b - a < tw + 4 else 0)
            p.setPen(pal.windowText().color())
            p.drawText(QRectF(tx, 0, tw + 1, fm.height()), Qt.AlignmentFlag.AlignCenter, text)
            p.setPen(QPen(QColor(accent).darker(130), 1))
        p.end()


def _round_pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen
