"""GAN Studio: train GANs and explore what they learned (the app, the `ganstudio` command, the engine)."""
__version__ = "0.1.0"
