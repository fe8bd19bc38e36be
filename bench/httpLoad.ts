/**
 * Closed-loop HTTP load: `concurrency` virtual patients, each in its own conversation, each sending its
 * next message as soon as the previous reply arrives (deliveryMode expectReplies, so the reply IS the
 * HTTP response). Every `turnsPerConversation` turns a patient starts a new conversation, so first
 * turns (welcome, new state) are part of the mix. Plain node:http with keep-alive: fetch costs the
 * generator more than the echo bot costs the server.
 */
import { Agent, request } from 'node:http';

export interface LoadResult {
  readonly turns: number;
  readonly seconds: number;
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly messages: readonly string[];
  readonly concurrency: number;
  readonly seconds: number;
  readonly turnsPerConversation: number;
  /** Distinguishes conversations across rounds against the same server. */
  readonly runId: string;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const { hostname, port } = new URL(options.url);
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const started = performance.now();

  const patient = async (p: number) => {
    for (let turn = 0; performance.now() < deadline; turn++) {
      const conversation = `${options.runId}-${p}-${Math.floor(turn / options.turnsPerConversation)}`;
      const text = options.messages[(p * 7919 + turn) % options.messages.length];
      const body = JSON.stringify({
        type: 'message',
        deliveryMode: 'expectReplies',
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1/bench',
        conversation: { id: conversation },
        from: { id: `patient-${p}` },
        recipient: { id: 'bot' },
        id: `${conversation}-${turn}`,
        text,
      });
      const sent = performance.now();
      const status = await post(agent, hostname, Number(port), body);
      if (status === 200) latencies.push(performance.now() - sent);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, p) => patient(p)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { turns: latencies.length, seconds, turnsPerSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), errors };
}

/** Exactly `conversations` conversations of `turnsEach` turns, `concurrency` at a time; returns failed turns. */
export async function converse(
  url: string,
  messages: readonly string[],
  conversations: number,
  turnsEach: number,
  concurrency: number,
  runId: string,
): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const { hostname, port } = new URL(url);
  let next = 0;
  let failed = 0;
  const worker = async () => {
    for (let c = next++; c < conversations; c = next++) {
      for (let turn = 0; turn < turnsEach; turn++) {
        const body = JSON.stringify({
          type: 'message',
          deliveryMode: 'expectReplies',
          channelId: 'webchat',
          serviceUrl: 'http://127.0.0.1/bench',
          conversation: { id: `${runId}-${c}` },
          from: { id: `patient-${runId}-${c}` },
          recipient: { id: 'bot' },
          id: `${runId}-${c}-${turn}`,
          text: messages[(c * 31 + turn) % messages.length],
        });
        if ((await post(agent, hostname, Number(port), body)) !== 200) failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return failed;
}

function post(agent: Agent, hostname: string, port: number, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        hostname,
        port,
        path: '/api/messages',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
