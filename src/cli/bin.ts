import { runCli } from './run';

// A reader that stops early (`archlens graph --json | head`) closes the pipe: the rest of the
// output has nowhere to go, which is not a failure of the command. Later writes are dropped and
// the command ends with its own exit code, instead of an unhandled EPIPE (stack trace, exit 1).
const closed = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr'] as const) {
  process[name].on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed[name] = true;
  });
}

// Results on stdout, everything else on stderr; the exit code is the contract (0, 1, 2).
const io = {
  stdout: (text: string) => void (closed.stdout || process.stdout.write(text)),
  stderr: (text: string) => void (closed.stderr || process.stderr.write(text)),
  cwd: process.cwd(),
  interactive: process.stderr.isTTY === true,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.stderr(`archlens: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
