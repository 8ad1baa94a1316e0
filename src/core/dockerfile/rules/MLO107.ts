import type { Env } from 'dockerfile-ast';
import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { allInLineage, findServer, type ServerKind } from '../serving';

/** Servers whose subcommand itself is the development server, and why it does not belong in an image. */
const DEV_VERBS: Partial<Record<ServerKind, { verb: string; why: string }>> = {
  flask: { verb: 'run', why: "`flask run` is Werkzeug's development server, single-process and not hardened" },
  django: { verb: 'runserver', why: "`manage.py runserver` is Django's development server" },
  fastapi: { verb: 'dev', why: '`fastapi dev` runs with auto-reload on localhost' },
};

const DEV_FLAGS: Array<{ test: RegExp; why: string }> = [
  { test: /^--reload(=.*)?$/, why: '--reload watches the file system and restarts the server on every change' },
  { test: /^--(debug|debugger)$/, why: '--debug turns on a debugger that can run code sent to it' },
];

const DEBUG_ENV = /^(FLASK_DEBUG|DEBUG|DJANGO_DEBUG)$/i;
const DEV_ENV = /^FLASK_ENV$/i;

/** Guide, Docker Best Practices: "CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]" — a production server. */
export const MLO107 = atEnd(
  {
    id: 'MLO107',
    defaultSeverity: 'warning',
    title: 'Do not run a development server (auto-reload, debug mode, flask run, runserver) in the image.',
    guide: 'Docker Best Practices: "CMD [\\"uvicorn\\", \\"app:app\\", \\"--host\\", \\"0.0.0.0\\", \\"--port\\", \\"8000\\"]"',
  },
  (model, context) => {
    const stage = finalStage(model);
    // Only a server's flags count: `python train.py --debug` is a job's own option.
    const server = stage && findServer(model, stage);
    if (!stage || !server) return;
    const devVerb = DEV_VERBS[server.kind];
    if (devVerb && server.verb?.value === devVerb.verb) {
      context.report({ range: server.verb.range, message: `The image starts a development server: ${devVerb.why}. Use a production server command.` });
    }
    for (const word of server.words) {
      const flag = DEV_FLAGS.find((f) => f.test.test(word.value));
      if (flag) context.report({ range: word.range, message: `The image starts a development server: ${flag.why}. Use a production server command.` });
    }
    // Debug switches set through the environment of the final stage.
    for (const env of allInLineage(stageLineage(model, stage), 'ENV')) {
      for (const property of (env as Env).getProperties()) {
        const name = property.getName();
        const value = (property.getUnescapedValue() ?? '').toLowerCase();
        if ((DEBUG_ENV.test(name) && /^(1|true|yes|on)$/.test(value)) || (DEV_ENV.test(name) && value === 'development')) {
          context.report({ range: property.getRange(), message: `${name}=${property.getValue()} runs the server in debug mode, which exposes an interactive debugger and stack traces. Leave it off in the image.` });
        }
      }
    }
  },
);
