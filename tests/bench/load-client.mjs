// The load generator of the sign-up storm, in its own process so the figures are the server's, not shared with the
// client's event loop. Reads { url, requests: [{ token, body }] } as JSON on stdin, fires every request at once, and
// writes { wallMs, answers: [{ ms, result }] } as JSON on stdout.
import { performance } from 'node:perf_hooks';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { url, requests } = JSON.parse(input);

const started = performance.now();
const answers = await Promise.all(
  requests.map(async ({ token, body }) => {
    const t0 = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const result = await res.json();
    return { ms: performance.now() - t0, result };
  }),
);
process.stdout.write(JSON.stringify({ wallMs: performance.now() - started, answers }));
