/**
 * Storage faults in the middle of a conversation, over HTTP against the real server. Losing an
 * eTag race is retried once and is invisible to the patient; losing it twice costs an apology but
 * never an active screening or an escalation. Turns racing in one instance keep the state whole.
 */
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { type RunningBot, startBot } from '../../server/startBot';
import { MemoryUsageLog } from '../../usage/MemoryUsageLog';
import { ChannelConversation } from '../support/ChannelConversation';
import { type CapturedLogger, capturedLogger } from '../support/capturedLogger';
import { FaultyStorage } from '../support/FaultyStorage';
import { onServer, raceAnswers, type ScreeningScript, screeningScript } from '../support/screeningScript';
import { TEST_SETTINGS, useFileBackedTestBot } from '../support/testBot';

const EMERGENCY_TEXT = 'i havent been able to pee since last night even though i feel like i need to';
const APOLOGY = /something went wrong/i;

describe('storage faults during a conversation', () => {
  let bot: RunningBot;
  let storage: FaultyStorage;
  let logs: CapturedLogger;
  let script: ScreeningScript;

  beforeEach(async () => {
    storage = new FaultyStorage();
    logs = capturedLogger('info');
    bot = await startBot(loadConfig({ ...TEST_SETTINGS, LOG_LEVEL: 'info' }), logs.logger, { storage: storage.asConversationStorage() });
    script = screeningScript(bot);
  });
  afterEach(() => bot.close());

  async function screeningAtSecondQuestion(): Promise<ChannelConversation> {
    const patient = new ChannelConversation(bot.url, 'msteams');
    expect(script.askedIn((await patient.say('check my symptoms')).text)).to.equal(0);
    expect(script.askedIn((await patient.say('no')).text)).to.equal(1);
    return patient;
  }

  it('retries a turn that lost one eTag race: one reply, sent once, and the screening moves on', async () => {
    const patient = await screeningAtSecondQuestion();
    storage.failNextWrites('conflict', 1);
    const turn = await patient.say('no');
    expect(turn.text).to.not.match(APOLOGY);
    expect(turn.messages.filter((message) => message.text?.includes(script.questions[2]))).to.have.length(1);
    expect(script.askedIn((await patient.say('no')).text)).to.equal(3);
    expect(logs.lines.filter((line) => line.level >= 50)).to.deep.equal([]);
  });

  it('after losing twice, apologises but keeps the active screening (no reset on a conflict)', async () => {
    const patient = await screeningAtSecondQuestion();
    storage.failNextWrites('conflict', 2);
    const turn = await patient.say('no');
    expect(turn.status).to.equal(200);
    expect(turn.text).to.match(APOLOGY);
    // That answer was not saved: the next one answers the second question again, still in the screening.
    const next = await patient.say('no');
    expect(script.askedIn(next.text)).to.equal(2);
    expect(logs.lines.filter((line) => line.msg === 'turn failed')).to.have.length(1);
  });

  it('after losing twice, keeps the escalation: the reminder still heads the next reply', async () => {
    const patient = new ChannelConversation(bot.url, 'msteams');
    const escalated = await patient.say(EMERGENCY_TEXT);
    expect(escalated.text).to.match(/call 911/i);
    storage.failNextWrites('conflict', 2);
    expect((await patient.say('what is sciatica?')).text).to.match(APOLOGY);
    expect((await patient.say('hello')).text).to.match(/^Reminder:/);
  });

  it('sends the emergency advice even when the store fails to save it', async () => {
    const patient = new ChannelConversation(bot.url, 'msteams');
    await patient.say('hello');
    storage.failNextWrites('conflict', 2);
    const turn = await patient.say(EMERGENCY_TEXT);
    expect(turn.text).to.match(/call 911/i);
    storage.failNextWrites('outage', 1);
    expect((await patient.say(EMERGENCY_TEXT)).text).to.match(/call 911/i);
  });

  it('on an outage, apologises, logs the error once with its cause, and keeps an escalation', async () => {
    const patient = new ChannelConversation(bot.url, 'msteams');
    await patient.say(EMERGENCY_TEXT);
    storage.failNextWrites('outage', 1);
    expect((await patient.say('check my symptoms')).text).to.match(APOLOGY);
    const errors = logs.lines.filter((line) => line.level >= 50);
    expect(errors.map((line) => line.msg)).to.deep.equal(['turn failed']);
    const err = errors[0].err as { message: string; code: string };
    expect(err.message).to.include('ECONNREFUSED').and.include('socket hang up');
    expect(err.code).to.equal('ECONNREFUSED');
    expect(errors[0].reqId).to.be.a('string');
    expect((await patient.say('hello')).text).to.match(/^Reminder:/);
  });
});

describe('usage counts of a turn that lost an eTag race', () => {
  it('counts what the turn did once, not once per attempt', async () => {
    const storage = new FaultyStorage();
    const usageLog = new MemoryUsageLog();
    const bot = await startBot(loadConfig(TEST_SETTINGS), capturedLogger().logger, { storage: storage.asConversationStorage(), usageLog });
    const patient = new ChannelConversation(bot.url, 'msteams');
    await patient.say('what causes sciatica');
    storage.failNextWrites('conflict', 1);
    const retried = await patient.say('how long does sciatica last');
    expect(retried.text).to.not.match(APOLOGY);
    await bot.close(); // flushes the usage log
    const counts = (await usageLog.read('counts', '2000-01-01')).map((line) => JSON.parse(line) as { event: string; entry?: string });
    expect(counts.map((count) => `${count.event} ${count.entry ?? ''}`.trim())).to.deep.equal([
      'conversationStarted',
      'answered causes',
      'answered healing-time',
      'bookingOffered',
    ]);
  });
});

describe('turns of one conversation racing in one instance (STORAGE=file)', function () {
  this.timeout(60_000);
  const bot = useFileBackedTestBot('sciatica-race-');

  it('saves every answer at most once and never two answers to the same question', async () => {
    const script = screeningScript(bot.running);
    for (let round = 0; round < 5; round++) {
      const patient = new ChannelConversation(bot.url, 'webchat');
      await patient.say('check my symptoms');
      const outcome = await raceAnswers(
        [patient, patient, patient, patient].map((copy) => onServer(copy, bot.url)),
        script,
      );
      expect(outcome.statuses).to.deep.equal([200, 200, 200, 200]);
      expect(outcome.asked).to.deep.equal(Array.from({ length: outcome.saved }, (_, i) => i + 1));
      expect(script.askedIn((await patient.say('no')).text)).to.equal(outcome.saved + 1);
    }
  });
});
