"""The reference verdict on Triton model configurations: protobuf's text_format.Parse into Triton's ModelConfig
(tritonclient.grpc.model_config_pb2), which reads config.pbtxt as Triton does.

Reads a JSON array of texts on stdin and writes a JSON array with one verdict per text: {"ok": true}, or
{"ok": false, "line": L, "column": C, "message": M} with text_format's 1-based line and column (lines split at
"\\n", columns counted in code points). Run it with the python of scripts/install-triton-reference.sh.
"""
import json
import sys

from google.protobuf import text_format
from tritonclient.grpc import model_config_pb2


def verdict(text):
    try:
        text_format.Parse(text, model_config_pb2.ModelConfig())
        return {'ok': True}
    except text_format.ParseError as error:
        return {'ok': False, 'line': error.GetLine(), 'column': error.GetColumn(), 'message': str(error)}
    except Exception as error:  # A value text_format accepts but the message refuses (an enum number out of range).
        return {'ok': False, 'line': None, 'column': None, 'message': f'{type(error).__name__}: {error}'}


json.dump([verdict(text) for text in json.load(sys.stdin)], sys.stdout)
