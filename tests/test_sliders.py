"""The Explorer's own slider widgets: a float slider with a value box, and a range slider."""
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QSlider, QWidget

from ganstudio.ui.sliders import LabeledDoubleSlider, RangeSlider


def _float_slider(qtbot, lo=-4.0, hi=4.0, decimals=2):
    s = LabeledDoubleSlider(Qt.Orientation.Horizontal)
    qtbot.addWidget(s)
    s.setRange(lo, hi)
    s.setDecimals(decimals)
    return s


def _shown(s):
    """What the user sees: the slider's position and the number in the box."""
    return s.findChild(QSlider), s.findChild(QDoubleSpinBox)


def test_float_slider_keeps_the_value_set_and_clamps_it(qtbot):
    s = _float_slider(qtbot)
    slider, box = _shown(s)
    seen = []
    s.valueChanged.connect(seen.append)
    s.setValue(0.12345)
    assert s.value() == 0.12345                      # kept exactly, only shown rounded
    assert slider.value() == 12 and box.value() == 0.12
    s.setValue(99)
    assert s.value() == 4.0 and slider.value() == 400
    s.setValue(4.0)                                    # no change, no signal
    assert seen == [0.12345, 4.0]
    assert (s.minimum(), s.maximum()) == (-4.0, 4.0)


def test_float_slider_follows_the_slider_and_the_box(qtbot):
    s = _float_slider(qtbot)
    slider, box = _shown(s)
    seen, released, edited = [], [], []
    s.valueChanged.connect(seen.append)
    s.sliderReleased.connect(lambda: released.append(1))
    s.editingFinished.connect(lambda: edited.append(1))
    slider.setValue(-150)                          # what a drag or an arrow key does
    assert s.value() == -1.5 and box.value() == -1.5
    box.setValue(2.25)                             # a typed value
    assert s.value() == 2.25 and slider.value() == 225
    slider.sliderReleased.emit()
    box.editingFinished.emit()
    assert seen == [-1.5, 2.25] and released == [1] and edited == [1]


def test_float_slider_blocked_signals_stay_quiet(qtbot):
    s = _float_slider(qtbot)
    seen = []
    s.valueChanged.connect(seen.append)
    s.blockSignals(True)
    s.setValue(1.0)
    s.blockSignals(False)
    assert seen == [] and s.value() == 1.0


def test_range_slider_orders_clamps_and_signals(qtbot):
    r = RangeSlider()
    qtbot.addWidget(r)
    seen = []
    r.valueChanged.connect(seen.append)
    r.setRange(0, 10)
    r.setValue((8, 3))
    assert r.value() == (3, 8)
    r.setValue((-5, 50))
    assert r.value() == (0, 10)
    assert seen == [(3, 8), (0, 10)]


def test_range_slider_drags_the_nearer_handle_and_keys_move_it(qtbot):
    r = RangeSlider()
    qtbot.addWidget(r)
    r.resize(224, r.sizeHint().height())             # track 200 px wide: 20 px per unit
    r.setRange(0, 10)
    r.setValue((2, 8))
    r.show()
    qtbot.waitExposed(r)
    y = r.height() // 2                               # a press anywhere over the track
    qtbot.mousePress(r, Qt.MouseButton.LeftButton, pos=QPoint(r.MARGIN + 140, y))   # near 8
    qtbot.mouseRelease(r, Qt.MouseButton.LeftButton, pos=QPoint(r.MARGIN + 140, y))
    assert r.value() == (2, 7)
    qtbot.mousePress(r, Qt.MouseButton.LeftButton, pos=QPoint(r.MARGIN + 20, y))    # near 2
    assert r.value() == (1, 7)
    r.setFocus()
    qtbot.keyClick(r, Qt.Key.Key_Right)              # the low handle was touched last
    assert r.value() == (2, 7)
    qtbot.keyClick(r, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert r.value() == (2, 8)
    qtbot.keyClick(r, Qt.Key.Key_Left)
    qtbot.keyClick(r, Qt.Key.Key_Left)
    qtbot.keyClick(r, Qt.Key.Key_Left)
    assert r.value() == (0, 8)                      # stops at the range's end
    r.grab()                                        # paints without error


def test_a_slider_takes_the_wheel_only_once_focused(qtbot):
    """Scrolling a panel over its sliders must not change them: an unfocused slider leaves the
    wheel unaccepted (Qt then hands a real wheel event on to the scrolling panel); once
    clicked or tabbed to, it takes the wheel."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    s = LabeledDoubleSlider()
    s.setRange(-3, 3)
    s.setValue(0.5)
    qtbot.addWidget(s)
    s.show()
    qtbot.waitExposed(s)

    def wheel(widget):
        pos = QPointF(widget.width() / 2, widget.height() / 2)
        event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                            QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)
        return event.isAccepted()

    for part in s.findChildren(QWidget):          # the track and the value box
        if part.isVisible():
            assert not wheel(part) and s.value() == 0.5
    track = next(w for w in s.findChildren(QWidget) if type(w).__name__ == "QSlider")
    track.setFocus()
    qtbot.waitUntil(track.hasFocus)
    assert wheel(track) and s.value() != 0.5
