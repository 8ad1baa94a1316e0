/** A numeric command-line flag of the differential tests (`--min-agreement 90`), or its fallback when absent. */
export function numberFlag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value)) throw new Error(`${name} needs a number, got ${process.argv[at + 1]}`);
  return value;
}
