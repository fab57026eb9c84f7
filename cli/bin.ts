import { main } from './main';

// a closed pipe (`| head`) is the reader's choice, not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`nianbao-check: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
