import { styleText } from "util";

// How a command's output looks where it goes: a table wider than the terminal wraps into noise, and
// colour helps on a terminal but is noise in a file or a log. Colour only on a terminal that has colours,
// never with NO_COLOR (no-color.org: present and not empty), plain when piped or redirected; a table
// is as wide as the terminal, and is not limited when there is none.

export interface OutputStyle {
  /** Whether to use ANSI colour. */
  readonly color: boolean;
  /** The terminal's width in columns; undefined when the output is not a terminal. */
  readonly width?: number;
}

/** Plain output of natural width: what a pipe, a file or a test gets. */
export const PLAIN: OutputStyle = { color: false };

type Style = Parameters<typeof styleText>[0];

/** Text in a style (Node's util.styleText) when colour is on; the text itself otherwise. */
export function paint(style: Style, text: string, out: OutputStyle): string {
  // outputStyle() has already judged the stream; styleText would judge process.stdout again (Node >= 20.20).
  return out.color ? styleText(style, text, { validateStream: false }) : text;
}

/** What a person sees: the text without ANSI escapes. */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

/** Lines that say something is refused or destroyed, in red; those accepted, in yellow. Plain when colour is off. */
export function highlight(text: string, out: OutputStyle): string {
  if (!out.color) return text;
  return text
    .split("\n")
    .map((line) =>
      /\bREFUSED\b|\bDESTROYS?\b|\bREPLACED\b|\bDESTROYED\b/.test(line) ? paint(["bold", "red"], line, out) : /^\s+accepted\b/.test(line) ? paint("yellow", line, out) : line,
    )
    .join("\n");
}
