import type { Env } from 'dockerfile-ast';
import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { allInLineage, findServer, startCommand } from '../serving';

/** Flags and commands that start a development server: auto-reload, debuggers, single-threaded dev servers. */
const DEV_WORDS: Array<{ test: (values: string[], i: number) => boolean; why: string }> = [
  { test: (v, i) => v[i] === '--reload' || v[i].startsWith('--reload='), why: '--reload watches the file system and restarts the server on every change' },
  { test: (v, i) => v[i] === '--debug' || v[i] === '--debugger', why: '--debug turns on a debugger that can run code sent to it' },
  { test: (v, i) => v[i] === 'run' && /(^|\/)flask$/.test(v[i - 1] ?? ''), why: '`flask run` is Werkzeug\'s development server, single-process and not hardened' },
  { test: (v, i) => v[i] === 'runserver' && /manage\.py$/.test(v[i - 1] ?? ''), why: '`manage.py runserver` is Django\'s development server' },
  { test: (v, i) => v[i] === 'dev' && /(^|\/)fastapi$/.test(v[i - 1] ?? ''), why: '`fastapi dev` runs with auto-reload on localhost' },
];

const DEBUG_ENV = /^(FLASK_DEBUG|DEBUG|DJANGO_DEBUG)$/i;
const DEV_ENV = /^(FLASK_ENV)$/i;

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
    if (!stage) return;
    const words = startCommand(model, stage);
    const values = words.map((w) => w.value);
    for (let i = 0; i < words.length; i++) {
      const hit = DEV_WORDS.find((d) => d.test(values, i));
      if (hit) {
        context.report({ range: words[i].range, message: `The image starts a development server: ${hit.why}. Use a production server command.` });
      }
    }
    if (!findServer(model, stage)) return;
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
