// npm run quote: a quote request JSON on stdin, the quote response JSON on stdout. Bad input: an RFC 7807
// problem JSON on stderr and exit code 2, the same problem the API route answers.
import { quote } from '../rules';
import { invalidJsonProblem, problemFromError, type Problem } from '../rules/problem';

const EXIT_BAD_INPUT = 2;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function fail(problem: Problem): void {
  process.stderr.write(`${JSON.stringify(problem.body, null, 2)}\n`);
  process.exitCode = EXIT_BAD_INPUT;
}

async function main(): Promise<void> {
  const text = await readStdin();
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch {
    return fail(invalidJsonProblem());
  }
  try {
    // quote() validates the request with quoteRequestSchema itself.
    process.stdout.write(`${JSON.stringify(quote(request as Parameters<typeof quote>[0]), null, 2)}\n`);
  } catch (err) {
    const problem = problemFromError(err);
    if (!problem) throw err;
    fail(problem);
  }
}

void main();
