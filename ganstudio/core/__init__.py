"""The engine without Qt or training: networks, latents, checkpoints, rendering, exports, projection."""
