/**
 * Request bodies are JSON only, on every endpoint, and a body is read only once the caller has shown
 * a credential. A multipart upload (the way to fill the disk through a body parser that saves files)
 * gets 415 or 401 and leaves nothing in the temporary folder.
 */

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { RunningBot } from '../../server/startBot';
import { startTestBot } from '../support/testBot';

const AUTH_ON = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'made-up-secret',
  MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
};

/** Every POST route the server has, with a made-up value for each path parameter. */
function postPaths(bot: RunningBot): string[] {
  const routes = Object.values(bot.server.router.getRoutes()) as { method: string; path: string }[];
  return routes.filter((route) => route.method === 'POST').map((route) => route.path.replace(/:\w+/g, 'c-1'));
}

function multipartUpload(): { body: Blob; contentType: string } {
  const boundary = '----upload-boundary-7d93';
  const file = Buffer.alloc(256 * 1024, 'x');
  const body = new Blob([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x-ray.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

for (const [mode, settings] of [
  ['auth on', AUTH_ON],
  ['auth off', {}],
] as const) {
  describe(`uploads to every POST endpoint (${mode})`, () => {
    let bot: RunningBot;
    let uploadFolder: string;
    const systemTmpdir = process.env.TMPDIR;
    before(async () => {
      bot = await startTestBot(settings);
      // os.tmpdir() follows TMPDIR: a folder of our own, so other processes' files cannot blur the comparison.
      uploadFolder = mkdtempSync(join(tmpdir(), 'sciatica-uploads-'));
      process.env.TMPDIR = uploadFolder;
    });
    after(async () => {
      if (systemTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = systemTmpdir;
      rmSync(uploadFolder, { recursive: true, force: true });
      await bot.close();
    });

    it('refuses a multipart upload with 415 or 401 and leaves no file in the temporary folder', async () => {
      const paths = postPaths(bot);
      expect(paths).to.include.members(['/api/messages', '/api/webchat/conversations', '/api/webchat/conversations/c-1/activities']);
      const before = readdirSync(tmpdir());
      const answers: Record<string, number> = {};
      for (const path of paths) {
        const { body, contentType } = multipartUpload();
        const response = await fetch(`${bot.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': contentType, origin: bot.url },
          body,
        });
        answers[path] = response.status;
        await response.arrayBuffer();
      }
      expect(readdirSync(tmpdir()), 'files in the temporary folder').to.deep.equal(before);
      for (const [path, status] of Object.entries(answers)) expect([415, 401], `${path} answered ${status}`).to.include(status);
    });

    it('refuses form, text and gzip bodies with 415', async () => {
      const cases: Record<string, string>[] = [
        { 'content-type': 'application/x-www-form-urlencoded' },
        { 'content-type': 'text/plain' },
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      ];
      for (const headers of cases) {
        const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers, body: 'type=message&text=hi' });
        expect(response.status, JSON.stringify(headers)).to.equal(415);
      }
    });
  });
}

describe('credentials are checked before a body is read', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startTestBot(AUTH_ON);
  });
  after(() => bot.close());

  /** Sends the headers and the first bytes of a long JSON body, then waits for an answer without sending the rest. */
  function answerToUnfinishedBody(path: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(`${bot.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '500000', origin: bot.url, ...headers },
      });
      req.on('response', (response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
        req.destroy();
      });
      req.on('error', (error) => reject(error));
      // The answer must come from the headers alone: if the server waited for the body, none would arrive.
      req.setTimeout(15_000, () => reject(new Error(`no answer to ${path} while the body was unfinished`)));
      req.write('{"type":"message","text":"');
    });
  }

  it('answers /api/messages without a Bot Framework token with 401 before the body has arrived', async () => {
    expect(await answerToUnfinishedBody('/api/messages', {})).to.equal(401);
  });

  it('answers a web chat turn with a forged token with 401 before the body has arrived', async () => {
    expect(await answerToUnfinishedBody('/api/webchat/conversations/c-1/activities', { authorization: 'Bearer forged' })).to.equal(401);
  });
});
