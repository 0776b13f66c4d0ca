/** Reading standard input for commands that filter text. */
import { createInterface } from 'node:readline';

/** A line of input and the line end that closed it ('' for a last line without one). */
export interface InputLine {
  readonly text: string;
  readonly end: '\n' | '\r\n' | '';
}

/**
 * Lines of stdin (UTF-8) split at LF or CRLF only, one at a time: memory holds one line, however
 * long the input. Unlike `lines`, a lone CR stays inside its line, as in a file read whole and
 * split at `/\r?\n/`. The last line is given even when empty (an input ending with a line end
 * gives a last empty line, as such a split does).
 */
export async function* inputLines(stream: NodeJS.ReadableStream): AsyncIterable<InputLine> {
  // ignoreBOM keeps a byte order mark as text, as Buffer#toString does.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let rest = '';
  for await (const chunk of stream) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    let start = 0;
    for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
      const crlf = end > start && rest.charCodeAt(end - 1) === 13;
      yield { text: rest.slice(start, crlf ? end - 1 : end), end: crlf ? '\r\n' : '\n' };
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  yield { text: rest + decoder.decode(), end: '' };
}

/**
 * Collects output text and hands it to `write` in pieces of about `size` characters, so a filter
 * writes neither one huge string nor one small write per line.
 */
export function chunkedWriter(write: (text: string) => void, size = 64 * 1024): { add(text: string): void; flush(): void } {
  let pending = '';
  return {
    add(text) {
      pending += text;
      if (pending.length >= size) {
        write(pending);
        pending = '';
      }
    },
    flush() {
      if (pending !== '') write(pending);
      pending = '';
    },
  };
}

/** Lines of stdin, one at a time, without their line ends; memory stays flat for long inputs. */
export function lines(stream: NodeJS.ReadableStream): AsyncIterable<string> {
  return createInterface({ input: stream, crlfDelay: Infinity });
}
