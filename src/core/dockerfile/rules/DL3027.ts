import type { Fix } from '../../findings';
import { commandsOf, rangeOf, subcommand } from '../commands';
import { perInstruction } from '../rule';

/** apt's options that take a value, so that `-o Dpkg::Options::=--force-confnew` is not taken for the subcommand. */
const APT_OPTIONS_WITH_VALUE = ['o', 'c', 't', 'option', 'config-file', 'target-release', 'default-release'];

/** apt subcommands that apt-get runs the same way. */
const SAME_IN_APT_GET = new Set(['install', 'remove', 'purge', 'update', 'autoremove', 'autopurge', 'clean', 'autoclean', 'source', 'build-dep', 'download', 'changelog', 'satisfy', 'check']);

/** apt subcommands that are apt-cache's. */
const SAME_IN_APT_CACHE = new Set(['search', 'show', 'showsrc', 'policy', 'depends', 'rdepends', 'madison', 'showpkg', 'pkgnames']);

export const DL3027 = perInstruction(
  {
    id: 'DL3027',
    defaultSeverity: 'warning',
    title: 'Do not use `apt` as it is meant to be an end-user tool, use `apt-get` or `apt-cache` instead.',
    guide: 'hadolint DL3027',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (command.program !== 'apt') continue;
      const word = command.command.words[0];
      const range = rangeOf(command, word);
      const verbWord = subcommand(command.command, APT_OPTIONS_WITH_VALUE);
      const verb = verbWord?.value;
      // Keep a path: `/usr/bin/apt` becomes `/usr/bin/apt-get`.
      const path = word.value.slice(0, word.value.length - 'apt'.length);
      const replace = (tool: string): Fix => ({ title: `Use ${tool}`, edits: [{ range, newText: `${path}${tool}` }] });
      let fix: Fix | undefined;
      const suggestions: Fix[] = [];
      if (verb !== undefined && SAME_IN_APT_GET.has(verb)) fix = replace('apt-get');
      else if (verb !== undefined && SAME_IN_APT_CACHE.has(verb)) fix = replace('apt-cache');
      // `apt upgrade` may install new dependencies where `apt-get upgrade` holds the package back.
      else if (verb === 'upgrade') suggestions.push(replace('apt-get'));
      else if (verb === 'full-upgrade' && verbWord) {
        suggestions.push({ title: 'Use apt-get dist-upgrade', edits: [...replace('apt-get').edits, { range: rangeOf(command, verbWord), newText: 'dist-upgrade' }] });
      }
      const tool = verb !== undefined && SAME_IN_APT_CACHE.has(verb) ? 'apt-cache' : fix || suggestions.length > 0 ? 'apt-get' : 'apt-get or apt-cache';
      context.report({
        range,
        message: `apt is meant for people at a terminal: its output and behaviour may change between releases and it warns that it has no stable command-line interface. Use ${tool} in scripts.`,
        fix,
        suggestions: suggestions.length > 0 ? suggestions : undefined,
      });
    }
  },
  { programs: ['apt'] },
);
