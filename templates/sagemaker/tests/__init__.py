"""Tests of the {{name}} SageMaker container."""
