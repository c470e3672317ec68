/**
 * Synchronous writes to stdout and stderr by file descriptor.
 *
 * Why not process.stdout / process.stderr: their first use builds a stream object (several ms
 * at every provider start), and a synchronous write also guarantees the line is out before a
 * `process.exit` that follows (handshake errors, Shutdown).
 */
import { writeSync } from 'node:fs';

const STDOUT = 1;
const STDERR = 2;

let pause: Int32Array | undefined;

function writeAll(fd: number, text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  let attempts = 0;
  while (bytes.length > 0) {
    try {
      const written = writeSync(fd, bytes);
      bytes = bytes.subarray(written);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A non-blocking pipe that is full: wait a moment for the reader (Terraform) and retry.
      if (code === 'EAGAIN' && attempts++ < 1000) {
        pause ??= new Int32Array(new SharedArrayBuffer(4));
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      // Nobody is reading (EPIPE) or the descriptor is gone: the line is lost, the call goes on.
      return;
    }
  }
}

export function writeStdout(text: string): void {
  writeAll(STDOUT, text);
}

export function writeStderr(text: string): void {
  writeAll(STDERR, text);
}
