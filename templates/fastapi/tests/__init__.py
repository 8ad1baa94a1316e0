"""Tests of the {{name}} service."""
