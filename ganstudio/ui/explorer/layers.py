"""The Layers tab: every layer of the generator with its output shape; the chosen one's
feature maps (one channel, a grid of channels, or the mean / max over channels), normalised and
brightened by a gain in dB, with its statistics, and its 2-D power spectrum (zero frequency in
the centre), where StyleGAN2's aliasing shows as energy far from the centre.

The widget edits ``ExplorerState.layer_capture`` only; the panel renders the request on the
render thread (channel "layer", newest wins) and hands the result to :meth:`show_result`.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QLabel, QSpinBox, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..combo import ElidingComboBox
from ...core.layer_capture import MAX_GAIN_DB, MAX_TILES, LayerCapture, LayerInfo
from .image_view import ImageView
from .state import ExplorerState
from .state_events import Change
from .widgets import blocked, flow, group, note, row, slider

MODES = (("grid", QT_TRANSLATE_NOOP("LayersSection", "Channel grid")),
         ("channel", QT_TRANSLATE_NOOP("LayersSection", "One channel")),
         ("mean", QT_TRANSLATE_NOOP("LayersSection", "Mean over channels")),
         ("max", QT_TRANSLATE_NOOP("LayersSection", "Max over channels")))
NORMS = (("max", QT_TRANSLATE_NOOP("LayersSection", "Largest |value| = full scale")),
         ("channel", QT_TRANSLATE_NOOP("LayersSection", "Each channel to full scale")),
         ("minmax", QT_TRANSLATE_NOOP("LayersSection", "Stretch min … max")),
         ("none", QT_TRANSLATE_NOOP("LayersSection", "None (±1 = black / white)")))


def _shape_text(shape: tuple[int, ...]) -> str:
    return " × ".join(str(s) for s in shape)


class LayersSection(QWidget):
    wanted = Signal()     # shown and without a layer list yet: the panel lists the layers

    def __init__(self, state: ExplorerState, parent=None):
        super().__init__(parent)
        self.state = state
        self.layers: list[LayerInfo] = []
        self.last_request_id = -1
        self._first_tile = 0      # the channel of the grid's first tile
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Layer"), self.tr("Output (channels × height × width)")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setMinimumHeight(140)
        self.tree.setMaximumHeight(220)
        self.tree.currentItemChanged.connect(self._write)
        self.mode = QComboBox()     # short choices: its row wraps rather than cut them
        for key, text in MODES:
            self.mode.addItem(self.tr(text), key)
        self.channel = QSpinBox()
        self.channel.setPrefix(self.tr("channel "))
        self.channel.setToolTip(self.tr("The channel shown (grid: the first tile)"))
        self.tiles = QSpinBox()
        self.tiles.setRange(1, MAX_TILES)
        self.tiles.setValue(64)
        self.tiles.setSuffix(self.tr(" tiles"))
        self.tiles.setToolTip(self.tr("Channels in the grid"))
        self.norm = ElidingComboBox()
        for key, text in NORMS:
            self.norm.addItem(self.tr(text), key)
        self.norm.setToolTip(self.tr("How values become grey levels (0 is mid grey)"))
        self.gain = slider(-40, 40, 0.0, decimals=1)
        self.gain.setToolTip(self.tr("Brightness: values are multiplied by 10^(dB / 20) (+20 dB = ten times)"))
        self.gain.setRange(-min(40, MAX_GAIN_DB), min(40, MAX_GAIN_DB))
        self.fft_range = QSpinBox()
        self.fft_range.setRange(10, 150)
        self.fft_range.setValue(60)
        self.fft_range.setSuffix(self.tr(" dB"))
        self.fft_range.setToolTip(self.tr("The spectrum's colours span this many dB below its peak"))
        self.fft_all = QCheckBox(self.tr("of every channel"))
        self.fft_all.setChecked(True)
        self.fft_all.setToolTip(self.tr("The spectrum of all channels summed (off: only the channels shown)"))
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        self.maps = ImageView(placeholder=self.tr("Choose a layer"), min_size=QSize(220, 220))
        self.maps.tile_clicked.connect(self._tile_clicked)
        self.maps.setToolTip(self.tr("Click a tile of the grid to see that channel alone"))
        self.spectrum = ImageView(placeholder=self.tr("The power spectrum of the layer"), min_size=QSize(220, 220))
        for w in (self.mode, self.norm):
            w.activated.connect(self._write)
        for w in (self.channel, self.tiles, self.fft_range):
            w.valueChanged.connect(self._write)
        self.gain.valueChanged.connect(self._write)
        self.fft_all.toggled.connect(self._write)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.tree)
        lay.addWidget(group(self.tr("Feature maps"), flow(self.mode, self.channel, self.tiles),
                            row(self.tr("Normalise"), self.norm, None), row(self.tr("Gain (dB)"), self.gain),
                            self.stats, self.maps))
        lay.addWidget(group(self.tr("Power spectrum (log scale, zero frequency in the centre)"),
                            flow(self.tr("Range"), self.fft_range, self.fft_all), self.spectrum,
                            note(self.tr("Energy far from the centre that the layer should not hold at its "
                                         "sampling rate is aliasing; StyleGAN3's layers keep it low."))))
        lay.addStretch(1)
        state.subscribe(self.on_state)

    # --- the layer list ------------------------------------------------------------------------------
    def on_state(self, aspects: frozenset[Change]) -> None:
        if Change.MODEL in aspects:
            self.layers = []
            self.last_request_id = -1
            with blocked(self.tree):
                self.tree.clear()
            self.maps.clear()
            self.spectrum.clear()
            self.stats.setText(self.tr("Listing the layers…") if self.isVisible() else "")
            if self.isVisible():
                self.wanted.emit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self.layers and self.state.model is not None:
            self.stats.setText(self.tr("Listing the layers…"))
            self.wanted.emit()

    def set_layers(self, layers: list[LayerInfo]) -> None:
        """The model's layers (from a forward pass on the render thread)."""
        self.layers = list(layers)
        with blocked(self.tree):
            self.tree.clear()
            for info in self.layers:
                QTreeWidgetItem(self.tree, [info.name, _shape_text(info.shape)])
            for col in (0, 1):
                self.tree.resizeColumnToContents(col)
        self.stats.setText("")
        first = next((i for i, info in enumerate(self.layers) if len(info.shape) == 3), 0)
        if self.layers:
            self.tree.setCurrentItem(self.tree.topLevelItem(first))   # writes the capture

    def set_error(self, text: str) -> None:
        self.maps.clear()
        self.maps.set_placeholder(text)
        self.stats.setText("")

    # --- the capture ---------------------------------------------------------------------------------
    def current_layer(self) -> LayerInfo | None:
        item = self.tree.currentItem()
        return None if item is None else self.layers[self.tree.indexOfTopLevelItem(item)]

    def _write(self, *_):
        info = self.current_layer()
        if info is None or self.state.model is None:
            return
        channels = info.shape[0] if len(info.shape) == 3 else 1
        with blocked(self.channel):
            self.channel.setRange(0, channels - 1)
        mode = self.mode.currentData()
        self.channel.setEnabled(mode in ("channel", "grid"))
        self.tiles.setEnabled(mode == "grid")
        self.fft_all.setEnabled(mode in ("channel", "grid"))
        if not self.maps.has_image():
            self.maps.set_placeholder(self.tr("Capturing {0}…").format(info.name))
        self.state.set_layer_capture(LayerCapture(
            info.name, mode=mode, channel=self.channel.value(), tiles=self.tiles.value(),
            norm=self.norm.currentData(), gain_db=float(self.gain.value()),
            fft_range_db=float(self.fft_range.value()), fft_all=self.fft_all.isChecked()))

    def _tile_clicked(self, index: int) -> None:
        """A grid tile was clicked: show that channel alone."""
        info = self.current_layer()
        if info is None or self.mode.currentData() != "grid":
            return
        channel = self._first_tile + index
        if len(info.shape) == 3 and channel < info.shape[0]:
            with blocked(self.channel, self.mode):
                self.mode.setCurrentIndex(self.mode.findData("channel"))
                self.channel.setValue(channel)
            self._write()

    def show_result(self, result) -> None:
        """A capture came back from the render thread."""
        if result.request_id < self.last_request_id:
            return
        self.last_request_id = result.request_id
        if result.error or result.layer is None:
            self.set_error(result.error or self.tr("Nothing was captured"))
            return
        v = result.layer
        first, last = v.shown
        channels = v.shape[0] if len(v.shape) == 3 else 1
        tiles = None
        if v.grid != (1, 1):
            h, w = v.shape[1:] if len(v.shape) == 3 else v.maps.shape[:2]
            tiles = (*v.grid, h, w, 1)
        self._first_tile = first
        self.maps.set_image(v.maps, result.request_id, tiles)
        what = {"grid": self.tr("channels {0}–{1} of {2}").format(first, last - 1, channels),
                "channel": self.tr("channel {0} of {1}").format(first, channels),
                "mean": self.tr("mean of {0} channels").format(channels),
                "max": self.tr("max of {0} channels").format(channels)}[self.state.layer_capture.mode
                                                                       if self.state.layer_capture else "grid"]
        self.maps.set_caption(f"{v.name} · {_shape_text(v.shape)} · {what}")
        s = v.stats
        self.stats.setText(self.tr("Layer: mean {0:.3g} · std {1:.3g} · min {2:.3g} · max {3:.3g}").format(
            s["mean"], s["std"], s["min"], s["max"]))
        if v.spectrum is None:
            self.spectrum.clear()
            self.spectrum.set_placeholder(self.tr("A dense layer (a vector, not a map) has no 2-D spectrum"))
        else:
            self.spectrum.set_image(v.spectrum, result.request_id)
            self.spectrum.set_caption(self.tr("peak {0:.0f} dB above the mean power").format(v.spectrum_peak_db))
