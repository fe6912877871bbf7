// The load generator of the complaints bench, on its own thread (the machine's other core) so that the
// server under test does not share its event loop with its clients. autocannon keeps `connections`
// requests in flight for `seconds`; the result goes back to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/**
 * workerData: { url, connections, seconds, mode: 'intake' | 'lookup', paths?: string[] }
 *   intake: POST url with a new report each time; the answered tracking codes come back in `codes`.
 *   lookup: GET url + one of `paths`, round robin.
 */
const { url, connections, seconds, mode, paths = [] } = workerData;
const codes = [];
let n = 0;

const report = (i) =>
  JSON.stringify({
    agency: 'banten',
    kind: 'pengaduan',
    title: `Jalan berlubang nomor ${i}`,
    description: `Laporan uji beban nomor ${i}: jalan provinsi berlubang di depan pasar.`,
    regionCode: '36.73.02.1001',
  });

const request =
  mode === 'intake'
    ? {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: report(n++) }),
        onResponse: (status, body) => {
          if (status === 201) codes.push(JSON.parse(body).code);
        },
      }
    : {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: `${new URL(url).pathname}${paths[n++ % paths.length]}` }),
      };

const opts = { url, connections, duration: seconds, requests: [request] };
// Off the main thread autocannon answers raw histograms; aggregateResult turns them into figures.
const result = autocannon.aggregateResult([await autocannon(opts)], opts);
parentPort.postMessage({
  ok: result['2xx'],
  failed: result.non2xx + result.errors,
  seconds: result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  p90: result.latency.p90,
  p999: result.latency.p99_9,
  codes,
});
