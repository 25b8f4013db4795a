"""The headless training engine: recipes, data sets, the trainer, its losses and metrics (no Qt)."""
