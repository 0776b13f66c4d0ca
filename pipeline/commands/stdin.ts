/** Reading standard input for commands that filter text. */
import { createInterface } from 'node:readline';

/** All of stdin as one string (UTF-8). */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Lines of stdin, one at a time, without their line ends; memory stays flat for long inputs. */
export function lines(stream: NodeJS.ReadableStream): AsyncIterable<string> {
  return createInterface({ input: stream, crlfDelay: Infinity });
}
