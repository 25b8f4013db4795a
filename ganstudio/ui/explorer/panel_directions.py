"""The Explorer panel's named directions: their sliders, files and similarity
(:mod:`.named_directions`) and labelling the gallery (:mod:`.direction_labels`), both shown in
the Latent tab's Directions page below the PCA / SeFa sliders."""
from __future__ import annotations

from .direction_labels import LabelPanel
from .named_directions import NamedDirectionsWidget


class PanelDirections:
    def _build_named_directions(self) -> None:
        """Needs ``self.directions`` (the DirectionsEditor) and ``self.strip_view``."""
        self.named_directions = NamedDirectionsWidget(self.state, self.worker)
        self.direction_labels = LabelPanel(self.state, self.worker, self.strip_view)
        self.direction_labels.fitted.connect(self._direction_fitted)
        for w in (self.named_directions, self.direction_labels):
            w.message.connect(self._direction_message)
        self.directions.add_section(self.named_directions)
        self.directions.add_section(self.direction_labels)

    def _direction_fitted(self, direction) -> None:
        names = self.named_directions.add([direction])
        self._say(self.tr("Added the direction “{0}”: its slider is under Named directions").format(names[0]))

    def _direction_message(self, text: str, kind: str) -> None:
        self._say(text)
        self.banner.show_message(text, kind)
