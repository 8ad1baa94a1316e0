"""The {{name}} model service."""
