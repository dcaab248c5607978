// The benchmark's result: one row per figure with its ratio and goal, printed as a table and optionally written as JSON.
import fs from 'node:fs';
import os from 'node:os';

export interface Figure {
  name: string;
  /** The measured value, in `unit`. */
  value: number;
  unit: string;
  /** What the value is compared with (a bare server, loading the rows), when there is one. */
  baseline?: number;
  ratio?: number;
  goal: string;
  met: boolean | null;
  note?: string;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function format(value: number | undefined): string {
  if (value === undefined) return '';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

/** A Markdown table, so the same text goes into the README. */
export function table(figures: Figure[]): string {
  const rows = [
    ['figure', 'value', 'baseline', 'ratio', 'goal', 'met'],
    ...figures.map((f) => [
      f.name + (f.note ? ` (${f.note})` : ''),
      `${format(f.value)} ${f.unit}`,
      format(f.baseline),
      format(f.ratio),
      f.goal,
      f.met === null ? '–' : f.met ? 'yes' : 'NO',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** @param only the stages run (`--only=`), when not all of them. */
export function writeJson(file: string, figures: Figure[], quick: boolean, only?: string[]): void {
  fs.writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), quick, only, machine: machine(), figures }, null, 2)}\n`);
}
