"""The Explorer panel's strip: submitting what the strip shows (and the B and C thumbnails of
the Mixing tab), marking latent A's gallery tile, clicks on tiles, and playing a strip as an
animation in the main view.  A mixin of :class:`~ganstudio.ui.explorer.panel.ExplorerPanel`
(its strings keep the panel's translation context)."""
from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import QCoreApplication

from ...core.imaging import upscale
from . import captions

translate = QCoreApplication.translate


class PanelStrip:
    def _submit_strip(self) -> None:
        if self.state.model is None:
            return
        if self._strip_after_main:   # submitted when the model's first image is in
            return
        self._submit_sources()
        rid = self._rid()
        try:
            req = self.state.strip_request(rid)
        except (ValueError, KeyError) as e:
            self.strip_view.clear()
            self.strip_view.set_placeholder(str(e))
            self.layout_.set_strip_title(self._strip_title())
            return
        signature = json.dumps(req.replace(request_id=0).to_dict(), sort_keys=True)
        if signature == self._strip_signature:
            return  # the same strip is already shown or on its way (e.g. the gallery, after an edit of A)
        self._strip_signature = signature
        self.last_strip_request_id = rid
        self._strip_request = req
        self.worker.submit("strip", self.state.model.G, req, self._generation)

    def _submit_sources(self) -> None:
        """B and C as the Mixing tab shows them (thumbnails), when they changed."""
        st = self.state
        if not st.model.style:
            return
        req = st.sources_request()
        signature = json.dumps(req.to_dict(), sort_keys=True)
        if signature != self._sources_signature:
            self._sources_signature = signature
            self.worker.submit("sources", st.model.G, req, self._generation)

    def _mark_a_in_gallery(self) -> None:
        """Outline the gallery tile that is latent A (A as that seed made it, unedited)."""
        st, r = self.state, self._strip_result
        index = None
        if st.strip.kind == "gallery" and r is not None and r.kind == "grid":
            a = st.a
            plain = (a.seed is not None and a.space == "z" and np.array_equal(a.values, a.base)
                     and not st.coeffs.any())
            if plain and a.seed in st.strip.gallery_seeds:
                index = list(st.strip.gallery_seeds).index(a.seed)
                index = index if st.gallery_seed(index) == a.seed else None   # among those shown
        self.strip_view.set_marked_tile(index)

    def _strip_title(self, result=None) -> str:
        return captions.strip_title(self.state, result)

    def _strip_tile_clicked(self, index: int) -> None:
        r = self._strip_result
        if r is not None and r.kind == "grid" and self.state.strip.kind == "gallery":
            seed = self.state.gallery_seed(index)
            if seed is not None:
                self.state.set_seed("a", seed)
                self._say(translate("ExplorerPanel", "A is now seed {0} (from the gallery)").format(seed))
            return
        if r is not None and r.kind == "strip" and index < len(r.images):
            self.play(False)
            self.view.set_image(upscale(r.images[index], 1), self.last_main_request_id)
            self.strip_view.set_marked_tile(index, "▶")
            self.view.set_caption(translate("ExplorerPanel", "frame {0} of {1} (click the image or edit A to go back)")
                                  .format(index + 1, len(r.images)))

    def play(self, on: bool = True) -> None:
        if self.play_btn.isChecked() != on:
            self.play_btn.setChecked(on)  # re-enters through toggled
            return
        r = self._strip_result
        if on and r is not None and r.ok and r.kind in ("strip", "variation"):
            self._play_index = 0
            self._play_timer.start(int(1000 / self.fps.value()))
            self.play_btn.setText(translate("ExplorerPanel", "■ Stop"))
            return
        self._play_timer.stop()
        self.play_btn.setText(translate("ExplorerPanel", "▶ Play"))
        if on:
            self.play_btn.setChecked(False)
        self._mark_a_in_gallery()            # the played frame's mark goes
        if self._main_result is not None and self._main_result.ok:
            self.view.set_image(self._main_result.composite, self._main_result.request_id)
            self.view.set_caption(self._caption(self._main_result))

    def _next_frame(self) -> None:
        r = self._strip_result
        if r is None or not r.ok:
            return self.play(False)
        frames = r.images if r.kind == "strip" else r.images[:-1]
        self._play_index = (self._play_index + 1) % len(frames)
        self.view.set_image(frames[self._play_index], -1)
        self.strip_view.set_marked_tile(self._play_index, "▶")   # the frame on show
        self.view.set_caption(translate("ExplorerPanel", "frame {0} / {1} · {2} fps").format(
            self._play_index + 1, len(frames), self.fps.value()))
