"""The {{name}} model in SageMaker's bring-your-own-container contract."""
