/**
 * Stands in for the `re2-wasm` package in the schema bundle (the build aliases it here). kubernetes-models compiles
 * the few schema patterns that JavaScript cannot read as RE2 objects; the only one among the bundled schemas is
 * prometheus-operator's `^(?i)(abort|warn)?$`, whose inline `(?i)` flag is RE2 syntax. re2-wasm would bring an
 * 850 KB WebAssembly file and an Emscripten runtime for it. Here an inline flag group becomes a flag of the whole
 * expression, which is exact for patterns that start with it, as this one does.
 */
export class RE2 {
  private readonly expression: RegExp;

  constructor(pattern: string | RegExp, flags = '') {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const inline = new Set<string>();
    const stripped = source.replace(/\(\?([imsU]+)\)/g, (_, letters: string) => {
      for (const letter of letters) if (letter !== 'U') inline.add(letter);
      return '';
    });
    this.expression = new RegExp(stripped, [...new Set([...flags, ...inline])].join(''));
  }

  test(text: string): boolean {
    return this.expression.test(text);
  }
}
