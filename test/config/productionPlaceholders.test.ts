/**
 * A real deployment (auth on) starting with the shipped placeholders: one clear warning per
 * placeholder still in use (example.com links, the 555 phone, the Teams pages) and per safety number
 * left at its US default, unless configured or confirmed. Development (auth off) stays quiet about them.
 */
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { startBot } from '../../server/startBot';
import { type CapturedLogger, capturedLogger } from '../support/capturedLogger';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const BASE = { PORT: '0', HOST: '127.0.0.1', STORAGE: 'memory' };
const AUTH_ON = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'made-up-secret',
  MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
};
const UK_PRACTICE = {
  BOOKING_URL: 'https://book.garrett-clinic.co.uk/first-session',
  DISCOVERY_CALL_URL: 'https://book.garrett-clinic.co.uk/discovery-call',
  PRACTICE_WEBSITE_URL: 'https://www.garrett-clinic.co.uk',
  CLINIC_PHONE: '+44 20 7946 0000',
};

/** The placeholder warnings logged while the bot started with these settings. */
async function startupWarnings(settings: Record<string, string>): Promise<string[]> {
  const logs: CapturedLogger = capturedLogger();
  const bot = await startBot(loadConfig({ ...BASE, ...settings }), logs.logger);
  await bot.close();
  return logs.lines.filter((line) => line.level === 40 && /^PLACEHOLDER /.test(line.msg ?? '')).map((line) => line.msg as string);
}

describe('production placeholders at start-up', () => {
  it('with auth on and nothing configured, warns once for each placeholder and each US safety default', async () => {
    const warnings = await startupWarnings(AUTH_ON);
    const variables = warnings.map((warning) => /^PLACEHOLDER (\w+):/.exec(warning)?.[1]);
    expect(variables).to.deep.equal([
      'BOOKING_URL',
      'DISCOVERY_CALL_URL',
      'PRACTICE_WEBSITE_URL',
      'PRIVACY_URL',
      'TERMS_URL',
      'CLINIC_PHONE',
      'EMERGENCY_NUMBER',
      'CRISIS_LINE',
      'URGENT_CARE_ADVICE',
    ]);
    expect(warnings.find((warning) => warning.includes('EMERGENCY_NUMBER')))
      .to.include('"911"')
      .and.include('999');
    expect(warnings.find((warning) => warning.includes('CRISIS_LINE')))
      .to.include('"988"')
      .and.include('Samaritans');
    expect(warnings.find((warning) => warning.includes('BOOKING_URL'))).to.include('https://booking.example.com/first-session');
  });

  it('is quiet once the practice has set its links, phone and safety numbers', async () => {
    expect(
      await startupWarnings({
        ...AUTH_ON,
        ...UK_PRACTICE,
        EMERGENCY_NUMBER: '999',
        CRISIS_LINE: '116 123',
        URGENT_CARE_ADVICE: 'call NHS 111',
      }),
    ).to.deep.equal([]);
  });

  it('takes SAFETY_NUMBERS_CONFIRMED=true, or a number set explicitly (even to 911), as confirmed', async () => {
    expect(await startupWarnings({ ...AUTH_ON, ...UK_PRACTICE, SAFETY_NUMBERS_CONFIRMED: 'true' })).to.deep.equal([]);
    const warnings = await startupWarnings({ ...AUTH_ON, ...UK_PRACTICE, EMERGENCY_NUMBER: '911' });
    expect(warnings.map((warning) => /^PLACEHOLDER (\w+):/.exec(warning)?.[1])).to.deep.equal(['CRISIS_LINE', 'URGENT_CARE_ADVICE']);
  });

  it('says nothing about placeholders in development (auth off)', async () => {
    expect(await startupWarnings({})).to.deep.equal([]);
  });
});
