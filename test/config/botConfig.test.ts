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

  // What a person who mistyped a setting reads at start-up: the variable, what it expects and what it got.
  const explained: [string, string, string][] = [
    ['PORT', 'eighty', 'expected a whole number, got "eighty"'],
    ['PORT', '1.5', 'expected a whole number, got "1.5"'],
    ['PORT', '70000', 'expected a number from 0 to 65535, got 70000'],
    ['BOOKING_URL', 'not a url', 'expected an absolute http(s) URL, got "not a url"'],
    ['BOOKING_URL', 'http:example.com', 'expected an absolute http(s) URL, got "http:example.com"'],
    ['DISCOVERY_CALL_URL', 'javascript:alert(1)', 'expected an absolute http(s) URL, got "javascript:alert(1)"'],
    ['EMERGENCY_NUMBER', 'call someone', 'expected a phone number, got "call someone"'],
    ['STORAGE', 'postgres', 'expected one of memory, file, blob, got "postgres"'],
    ['BOOKING_UTM', 'maybe', 'expected true or false, got "maybe"'],
    ['WEBCHAT_SIGNING_KEY', 'short', 'must be at least 32 characters'],
    ['BRAND_COLOR', 'blue', 'expected a colour like #1f5f8b, got "blue"'],
    ['ALLOWED_ORIGINS', 'not-an-origin', 'expected comma-separated origins like https://clinic.example, got "not-an-origin"'],
  ];
  for (const [variable, value, problem] of explained) {
    it(`says what ${variable} expects when it is "${value}"`, () => {
      expect(() => loadConfig({ [variable]: value })).to.throw(ConfigError, `Configuration error in ${variable}: ${problem}`);
    });
  }

  it('reads each kind of value as people write it in .env', () => {
    const config = loadConfig({
      PORT: '08080',
      BOOKING_UTM: 'YES',
      LOG_TRANSCRIPTS: 'Off',
      STORAGE: 'Memory',
      MicrosoftAppType: 'singletenant',
      BOOKING_URL: 'https://Booking.Example.com',
      ALLOWED_ORIGINS: 'https://a.example/x, http://b.example:8080',
      FRAME_ANCESTORS: "'self',https://c.example/",
    });
    expect(config.port).to.equal(8080);
    expect(config.bookingUtm).to.equal(true);
    expect(config.logTranscripts).to.equal(false);
    expect(config.storage).to.equal('memory');
    expect(config.microsoftAppType).to.equal('SingleTenant');
    expect(config.bookingUrl).to.equal('https://booking.example.com/');
    expect(config.allowedOrigins).to.deep.equal(['https://a.example', 'http://b.example:8080']);
    expect(config.frameAncestors).to.deep.equal(["'self'", 'https://c.example']);
  });

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
