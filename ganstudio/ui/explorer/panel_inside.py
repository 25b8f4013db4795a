"""The Explorer panel's Layers and Transform tabs: building them and feeding them renders.

A mixin of :class:`~.panel.ExplorerPanel`. The Layers tab's capture is a render request on
the worker's "layer" channel (newest wins, behind the main image), sent only while the tab is
shown; its list of layers comes from one forward pass run as a job on the render thread.
"""
from __future__ import annotations

from ...core.render_job import request_layers
from ..render_worker import Job, JobKind
from .layers import LayersSection
from .state_events import Change
from .transform import TransformSection
from .widgets import scroll

# The changes the shown layer follows (built once: Enum lookups are slow).
_LAYER_FOLLOWS = frozenset({Change.LAYER, Change.A, Change.B, Change.C, Change.CLASS, Change.TRUNCATION, Change.NOISE,
                            Change.MIXING, Change.DIRECTIONS, Change.TRANSFORM})


class PanelInside:
    def _build_inside(self) -> None:
        self.layers_tab = LayersSection(self.state)
        self.layers_tab.wanted.connect(self._list_layers)
        self.transform_tab = TransformSection(self.state)
        self._inside_pages = [scroll(self.layers_tab), scroll(self.transform_tab)]
        self.tabs.addTab(self._inside_pages[0], self.tr("Layers"))
        self.tabs.setTabToolTip(self.tabs.count() - 1, self.tr("Inside the generator: each layer's feature "
                                                               "maps and their spectrum"))
        self.tabs.addTab(self._inside_pages[1], self.tr("Transform"))
        self.tabs.setTabToolTip(self.tabs.count() - 1, self.tr("StyleGAN3: move and turn the input"))
        self.tabs.currentChanged.connect(lambda _i: self._submit_layer())
        self.last_layer_request_id = -1

    def _inside_enabled(self, on: bool) -> None:
        for page in self._inside_pages:
            self.tabs.setTabEnabled(self.tabs.indexOf(page), on)
        if not on:
            self.transform_tab.play(False)

    def _layers_shown(self) -> bool:
        return self.state.model is not None and self.tabs.currentWidget() is self._inside_pages[0]

    def _inside_state(self, aspects: frozenset[Change]) -> None:
        """After a state change: the shown layer follows A, the transform and the capture."""
        if aspects & _LAYER_FOLLOWS:
            self._submit_layer()

    def _list_layers(self) -> None:
        if self.state.model is None:
            return
        G, gen = self.state.model.G, self._generation
        req = self.state.main_request()
        self.worker.submit_job(Job(JobKind.LAYERS, gen), lambda: request_layers(G, req))

    def _submit_layer(self) -> None:
        if not self._layers_shown() or self.state.layer_capture is None:
            return
        rid = self._rid()
        try:
            req = self.state.layer_request(rid)
        except ValueError as e:
            self.layers_tab.set_error(str(e))
            return
        self.last_layer_request_id = rid
        self.worker.submit("layer", self.state.model.G, req, self._generation)

    def _on_layer_rendered(self, result) -> None:
        if result.request_id == self.last_layer_request_id or result.error:
            self.layers_tab.show_result(result)

    def _inside_job(self, job: Job, value, error: str) -> bool:
        """Handle a job of ours (True), or leave it to the panel."""
        if job.kind is not JobKind.LAYERS:
            return False
        if job.token == self._generation:
            if error:
                self.layers_tab.set_error(error)
            else:
                self.layers_tab.set_layers(value)
        return True
