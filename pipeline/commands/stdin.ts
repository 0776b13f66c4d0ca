/** Reading standard input for commands that filter text. */
import { createInterface } from 'node:readline';

/**
 * Lines of stdin (UTF-8) split at LF or CRLF only, one at a time: memory holds one line, however
 * long the input. Unlike `lines`, a lone CR stays inside its line, as in a file read whole. The
 * last line is given even without a final line end; an empty input gives one empty line.
 */
export async function* paragraphLines(stream: NodeJS.ReadableStream): AsyncIterable<string> {
  // ignoreBOM keeps a byte order mark as text, as Buffer#toString does.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let rest = '';
  for await (const chunk of stream) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    let start = 0;
    for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
      yield rest.slice(start, end > start && rest.charCodeAt(end - 1) === 13 ? end - 1 : end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  yield rest + decoder.decode();
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
