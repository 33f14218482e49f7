import type { Readable } from 'node:stream';

/** Keeps the last `limit` characters a child process wrote, for error messages. */
export class OutputTail {
  private text = '';

  constructor(private readonly limit = 16_000) {}

  append(chunk: string | Buffer): void {
    this.text = (this.text + chunk.toString()).slice(-this.limit);
  }

  /** Reads a stream to the end (a full pipe would block the child). */
  follow(stream: Readable | null | undefined): void {
    stream?.on('data', (chunk: Buffer) => this.append(chunk));
  }

  toString(): string {
    return this.text;
  }
}
