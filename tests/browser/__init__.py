"""Tests that drive the built site in a headless Chromium (pytest -m browser)."""
