import type { Env } from 'dockerfile-ast';
import type { TextEdit } from '../../findings';
import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { allInLineage, findServer, partOfWord, type ServerKind } from '../serving';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

/** Servers that bind 127.0.0.1 when no host is given, and the environment variable that sets it instead. */
const LOOPBACK_BY_DEFAULT: Partial<Record<ServerKind, { env: string; flag: string }>> = {
  uvicorn: { env: 'UVICORN_HOST', flag: '--host' },
  flask: { env: 'FLASK_RUN_HOST', flag: '--host' },
  mlflow: { env: 'MLFLOW_HOST', flag: '--host' },
};

/** Guide, Docker Best Practices: "CMD [\"uvicorn\", \"app:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8000\"]". */
export const MLO108 = atEnd(
  {
    id: 'MLO108',
    defaultSeverity: 'error',
    title: 'The server must bind 0.0.0.0, not 127.0.0.1 or localhost, to be reachable from outside the container.',
    guide: 'Docker Best Practices: "CMD [\\"uvicorn\\", \\"app:app\\", \\"--host\\", \\"0.0.0.0\\", \\"--port\\", \\"8000\\"]"',
  },
  (model, context) => {
    const stage = finalStage(model);
    const server = stage && findServer(model, stage);
    if (!stage || !server) return;
    if (server.host) {
      const host = server.host.value;
      if (!LOOPBACK.test(host)) return;
      const range = partOfWord(server.host.word, server.host.valueStart, host.length);
      context.report({
        range,
        message: `${server.programWord.value} binds ${host}: inside a container that address is reachable only from the container itself, so every request and probe from outside is refused. Bind 0.0.0.0.`,
        fix: { title: `Replace ${host} with 0.0.0.0`, edits: [{ range, newText: '0.0.0.0' }] },
      });
      return;
    }
    // A Unix socket or an inherited file descriptor is not a TCP address.
    if (server.words.some((w) => /^--(uds|fd)(=|$)/.test(w.value))) return;
    if (server.kind === 'django') {
      reportDjango();
      return;
    }
    const loopbackDefault = LOOPBACK_BY_DEFAULT[server.kind];
    if (!loopbackDefault) return;
    const envs = allInLineage(stageLineage(model, stage), 'ENV').flatMap((env) => (env as Env).getProperties());
    if (envs.some((p) => p.getName() === loopbackDefault.env)) return;

    // Append the flag to the command, in the form it is written in: options go after subcommands (`mlflow models
    // serve … --host 0.0.0.0`), and every server here accepts them last.
    const last = server.words[server.words.length - 1];
    const at = last.json ? { line: last.range.end.line, character: last.range.end.character + 1 } : last.range.end;
    const edit: TextEdit = {
      range: { start: at, end: at },
      newText: last.json ? `, "${loopbackDefault.flag}", "0.0.0.0"` : ` ${loopbackDefault.flag} 0.0.0.0`,
    };
    context.report({
      range: server.programWord.range,
      message: `${server.programWord.value} binds 127.0.0.1 when no ${loopbackDefault.flag} is given: inside a container that address is reachable only from the container itself. Add ${loopbackDefault.flag} 0.0.0.0.`,
      fix: { title: `Add ${loopbackDefault.flag} 0.0.0.0`, edits: [edit] },
    });

    /** `runserver` with no address, or only a port, listens on 127.0.0.1. */
    function reportDjango(): void {
      const operand = server!.verb && server!.words[server!.words.indexOf(server!.verb) + 1];
      const portOnly = operand && /^\d+$/.test(operand.value) ? operand : undefined;
      if (operand && !portOnly) return;
      const anchor = portOnly ?? server!.verb!;
      const at = portOnly ? portOnly.range.start : anchor.json ? { line: anchor.range.end.line, character: anchor.range.end.character + 1 } : anchor.range.end;
      const newText = portOnly ? '0.0.0.0:' : anchor.json ? ', "0.0.0.0:8000"' : ' 0.0.0.0:8000';
      context.report({
        range: server!.verb!.range,
        message: 'runserver listens on 127.0.0.1 when no address is given: inside a container that address is reachable only from the container itself. Give it 0.0.0.0.',
        fix: { title: 'Listen on 0.0.0.0', edits: [{ range: { start: at, end: at }, newText }] },
      });
    }
  },
);
