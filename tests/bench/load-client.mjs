// The load generator of the sign-up storm, in its own process so the figures are the server's, not shared with the
// client's event loop. Reads { url, requests: [{ token, body }] } as JSON on stdin, fires every request at once, and
// writes { wallMs, cpuMs, answers: [{ ms, result }] } as JSON on stdout (cpuMs: the generator's own CPU time meanwhile).
//
// Each person is their own connection (no keep-alive, as 1,000 phones would be), sent with node:http: fetch (undici)
// (undici) spent 1.16 ms of CPU per request here (node:http 0.35 ms), on the two cores the gateway and the database
// also run on: the generator took a third of the machine from the server it measured.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { url, requests } = JSON.parse(input);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** One POST; the answer's JSON, whatever its status. */
function post({ token, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text));
          } catch (err) {
            reject(new Error(`answer ${res.statusCode} is not JSON: ${text.slice(0, 200)}`, { cause: err }));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
const answers = await Promise.all(
  requests.map(async (request) => {
    const t0 = performance.now();
    const result = await post(request);
    return { ms: performance.now() - t0, result };
  }),
);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, answers }));
