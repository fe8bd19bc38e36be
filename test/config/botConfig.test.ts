import { join } from 'node:path';
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../config/BotConfig';
import { PACKAGE_ROOT } from '../../config/environment';

describe('configuration', () => {
  it('runs with no settings at all, using the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).to.equal(3978);
    expect(config.emergencyNumber).to.equal('911');
    expect(config.practitionerName).to.equal('Dr. Garrett');
    expect(config.faqPath).to.equal(join(PACKAGE_ROOT, 'knowledge', 'faq.json'));
    expect(config.storage).to.equal('file');
    expect(config.anonymous).to.equal(true);
    expect(config.webchatSigningKeyGenerated).to.equal(true);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '', EMERGENCY_NUMBER: '  ' }).port).to.equal(3978);
  });

  const malformed: [string, string][] = [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['BOOKING_URL', 'not a url'],
    ['DISCOVERY_CALL_URL', 'javascript:alert(1)'],
    ['EMERGENCY_NUMBER', 'call someone'],
    ['STORAGE', 'postgres'],
    ['LOG_LEVEL', 'loud'],
    ['BOOKING_UTM', 'maybe'],
    ['WEBCHAT_SIGNING_KEY', 'short'],
    ['BRAND_COLOR', 'blue'],
    ['ALLOWED_ORIGINS', 'not-an-origin'],
    ['MicrosoftAppType', 'Personal'],
  ];
  for (const [variable, value] of malformed) {
    it(`stops start-up naming ${variable} when it is "${value}"`, () => {
      expect(() => loadConfig({ [variable]: value })).to.throw(ConfigError, variable);
    });
  }

  it('requires a connection string for blob storage', () => {
    expect(() => loadConfig({ STORAGE: 'blob' })).to.throw(ConfigError, 'BLOB_CONNECTION_STRING');
  });

  it('requires a shared web chat signing key for blob storage (several instances)', () => {
    expect(() => loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' })).to.throw(
      ConfigError,
      'WEBCHAT_SIGNING_KEY',
    );
  });

  it("explains the quoting when a shell has dropped the quotes around 'self' in FRAME_ANCESTORS", () => {
    expect(() => loadConfig({ FRAME_ANCESTORS: 'self,https://www.your-practice.example' })).to.throw(
      ConfigError,
      `FRAME_ANCESTORS="'self',https://`,
    );
  });

  it('turns auth on when an app id is set', () => {
    expect(loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' }).anonymous).to.equal(false);
  });
});
