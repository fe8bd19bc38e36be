/**
 * Several instances behind a load balancer share conversation state in Azure Blob Storage (here
 * Azurite, started by the test). Turns of one conversation may land on any instance, one after
 * another or at the same moment; the conversation must carry on as if there were one bot.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import pino from 'pino';
import type { RunningBot } from '../../server/startBot';
import { createStorage } from '../../storage/createStorage';
import { type Azurite, startAzurite } from '../support/azurite';
import { ChannelConversation } from '../support/ChannelConversation';
import { onServer, raceAnswers, type ScreeningScript, screeningScript } from '../support/screeningScript';
import { BLOB_SIGNING_KEY, startTestBot } from '../support/testBot';

describe('two bot instances sharing blob storage (Azurite)', function () {
  this.timeout(120_000);
  let azurite: Azurite;
  let settings: Record<string, string>;
  let instances: RunningBot[] = [];
  let script: ScreeningScript;

  before(async () => {
    azurite = await startAzurite();
    settings = {
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: `state-${randomUUID()}`,
      WEBCHAT_SIGNING_KEY: BLOB_SIGNING_KEY,
    };
    instances = [await startTestBot(settings), await startTestBot(settings)];
    script = screeningScript(instances[0]);
  });
  after(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await azurite?.stop();
  });

  it('carries a whole screening through with turns alternating between the instances', async () => {
    const patient = new ChannelConversation(instances[0].url, 'msteams');
    const on = (index: number) => onServer(patient, instances[index % 2].url);
    const first = await on(0).say('check my symptoms');
    expect(script.askedIn(first.text)).to.equal(0);
    const redFlagQuestions = script.questions.length - 3;
    for (let step = 1; step < redFlagQuestions; step++) {
      const turn = await on(step).say('no');
      expect(script.askedIn(turn.text), `turn ${step} on instance ${step % 2}`).to.equal(step);
    }
    expect(script.askedIn((await on(1).say('no')).text)).to.equal(redFlagQuestions);
    expect(script.askedIn((await on(0).say('about 3 weeks')).text)).to.equal(redFlagQuestions + 1);
    expect(script.askedIn((await on(1).say('5')).text)).to.equal(redFlagQuestions + 2);
    const closing = await on(0).say('I am 40 years old');
    expect(script.askedIn(closing.text)).to.equal(-1);
    expect(closing.text).to.not.match(/something went wrong/i);
    expect(closing.messages.length).to.be.greaterThan(0);
  });

  it('keeps one conversation whole when its turns race on both instances at once', async () => {
    for (let round = 0; round < 3; round++) {
      const patient = new ChannelConversation(instances[0].url, 'msteams');
      await patient.say('check my symptoms');
      const copies = [0, 1, 0, 1].map((index) => onServer(patient, instances[index].url));
      const outcome = await raceAnswers(copies, script);
      expect(outcome.statuses).to.deep.equal([200, 200, 200, 200]);
      expect(outcome.saved).to.be.greaterThan(0);
      // Every saved turn moved the screening on by exactly one question: no answer was lost or doubled.
      expect(outcome.asked).to.deep.equal(Array.from({ length: outcome.saved }, (_, i) => i + 1));
      const next = await onServer(patient, instances[round % 2].url).say('no');
      expect(script.askedIn(next.text)).to.equal(outcome.saved + 1);
    }
  });

  it('stores text outside ASCII intact', async () => {
    const { storage } = await createStorage(
      {
        ...settings,
        storage: 'blob',
        storagePath: '',
        blobConnectionString: settings.BLOB_CONNECTION_STRING,
        blobContainer: settings.BLOB_CONTAINER,
        stateTtlHours: 72,
        storageTimeoutMs: 5000,
      },
      pino({ level: 'silent' }),
    );
    const note = 'Ça fait mal — “sciatique” 🙂 坐骨神经痛';
    await storage.write({ 'sms/conversations/+15550102030': { note } });
    expect((await storage.read(['sms/conversations/+15550102030']))['sms/conversations/+15550102030'].note).to.equal(note);
  });
});
