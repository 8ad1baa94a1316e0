/**
 * The tokens of protobuf text format as protobuf's own text_format tokenizer cuts them, so that a position we report
 * is the position Triton's parser would name. Offsets are UTF-16 offsets into the text, as JavaScript strings count.
 *
 * Two choices follow Triton's C++ parser where protobuf's Python parser is more lenient, because Triton is what
 * loads the file: only ASCII white space separates tokens (a non-breaking space pasted from a web page is an
 * error), and an unknown escape in a string (`\q`) is an error.
 */
export type TokenKind = 'identifier' | 'number' | 'string' | 'symbol' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** UTF-16 offsets of the token's first character and of the character after it. */
  start: number;
  end: number;
}

export interface Comment {
  /** The comment's text after `#`. */
  text: string;
  start: number;
  end: number;
}

export interface Tokens {
  /** Every token, the last one of kind `end` (empty, at the end of the text). */
  tokens: Token[];
  comments: Comment[];
}

/** ASCII white space, as C++'s isspace; a line break is a `\n` (a `\r` is only white space, as in text_format). */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function isIdentifierStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** The characters that continue an identifier or a number: letters, digits, `_`, `+`, `-` (and `.` in numbers). */
function isWordPart(code: number, allowDot: boolean): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57) || code === 43 || code === 45 || (allowDot && code === 46);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Cuts a text into tokens: identifiers (`[a-zA-Z_][0-9a-zA-Z_+-]*`), numbers (`[0-9+-]` or `.digit`, then
 * `[0-9a-zA-Z_.+-]*`), quoted strings (single or double quotes, never across a line; an unterminated one runs to the
 * end of its line), and any other single character. White space and `#` comments (to the end of the line) separate
 * tokens. Linear in the text's length; never throws.
 */
export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const length = text.length;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (isSpace(code)) {
      at++;
      continue;
    }
    if (code === 35) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = length;
      comments.push({ text: text.slice(at + 1, end), start: at, end });
      at = end;
      continue;
    }
    const start = at;
    let kind: TokenKind;
    if (isIdentifierStart(code)) {
      kind = 'identifier';
      at++;
      while (at < length && isWordPart(text.charCodeAt(at), false)) at++;
    } else if (isDigit(code) || code === 43 || code === 45 || (code === 46 && isDigit(text.charCodeAt(at + 1)))) {
      kind = 'number';
      at++;
      while (at < length && isWordPart(text.charCodeAt(at), true)) at++;
    } else if (code === 34 || code === 39) {
      kind = 'string';
      at = stringEnd(text, at);
    } else {
      kind = 'symbol';
      // One character, and a whole one: a surrogate pair is never cut in two.
      at += code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    tokens.push({ kind, text: text.slice(start, at), start, end: at });
  }
  tokens.push({ kind: 'end', text: '', start: length, end: length });
  return { tokens, comments };
}

/** Where a string token that opens at `start` ends: after its closing quote, or at the end of its line. */
function stringEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  let at = start + 1;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === quote) return at + 1;
    if (code === 10) return at;
    if (code === 92) {
      // A backslash escapes the next character, unless the line ends there.
      if (at + 1 < text.length && text.charCodeAt(at + 1) !== 10) at += 2;
      else return at + 1;
      continue;
    }
    at++;
  }
  return at;
}

/** Whether a string token has its closing quote. */
export function isTerminated(token: Token): boolean {
  return token.text.length >= 2 && token.text[token.text.length - 1] === token.text[0] && !endsInEscapedQuote(token.text);
}

/** `"ab\"` has a last character equal to the quote, but it is escaped: the string is still open. */
function endsInEscapedQuote(text: string): boolean {
  let backslashes = 0;
  for (let at = text.length - 2; at > 0 && text[at] === '\\'; at--) backslashes++;
  return backslashes % 2 === 1;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63,
};

/**
 * The bytes of a terminated string token, its C escapes resolved: `\n \t \r \a \b \f \v \\ \' \" \?`, octal `\0`
 * to `\377`, hex `\x41` (one or two digits), `\u00e9` and `\U0001F600` (written as UTF-8). Returns an error message
 * for an escape that Triton's parser rejects.
 */
export function unescapeString(token: Token): { bytes: number[] } | { error: string } {
  const body = token.text.slice(1, -1);
  const bytes: number[] = [];
  for (let at = 0; at < body.length; ) {
    const code = body.codePointAt(at)!;
    if (code !== 92) {
      if (code >= 0xd800 && code <= 0xdfff) return { error: 'The string holds a broken character (a lone UTF-16 surrogate).' };
      pushUtf8(bytes, code);
      at += code > 0xffff ? 2 : 1;
      continue;
    }
    const next = body[at + 1];
    if (next === undefined) return { error: 'The string ends in a lone backslash.' };
    if (next in SIMPLE_ESCAPES) {
      bytes.push(SIMPLE_ESCAPES[next]);
      at += 2;
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(body.slice(at + 1))![0];
      const value = parseInt(digits, 8);
      if (value > 255) return { error: `The octal escape \\${digits} is above \\377.` };
      bytes.push(value);
      at += 1 + digits.length;
    } else if (next === 'x' || next === 'X') {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(body.slice(at + 2))?.[0];
      if (!digits) return { error: 'The escape \\x needs one or two hex digits.' };
      bytes.push(parseInt(digits, 16));
      at += 2 + digits.length;
    } else if (next === 'u' || next === 'U') {
      const count = next === 'u' ? 4 : 8;
      const digits = body.slice(at + 2, at + 2 + count);
      if (!new RegExp(`^[0-9a-fA-F]{${count}}$`).test(digits)) return { error: `The escape \\${next} needs ${count} hex digits.` };
      const value = parseInt(digits, 16);
      if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return { error: `\\${next}${digits} is not a Unicode character.` };
      pushUtf8(bytes, value);
      at += 2 + count;
    } else {
      return { error: `Unknown escape sequence \\${next}.` };
    }
  }
  return { bytes };
}

function pushUtf8(bytes: number[], code: number): void {
  if (code < 0x80) bytes.push(code);
  else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
  else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
}

/** Decodes UTF-8 bytes, or returns undefined when they are not valid UTF-8 (a string field must be). */
export function decodeUtf8(bytes: readonly number[]): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}
