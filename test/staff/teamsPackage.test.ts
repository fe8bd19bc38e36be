import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import JSZip from 'jszip';
import { checkIcon, TEAMS_ICONS } from '../../staff/teamsAppIcons';
import { buildTeamsPackage } from '../../staff/teamsPackage';

const APP_ID = '5b1e2c3d-4f50-4a6b-8c7d-9e0f1a2b3c4d';
const ENV = {
  MicrosoftAppId: APP_ID,
  PRACTICE_NAME: 'Garrett Sciatica Clinic',
  PUBLIC_URL: 'https://chat.garrett-clinic.example/',
  BOOKING_URL: 'https://book.garrett-clinic.example/first-session',
};

/** An app package folder with the real icons and the given manifest template. */
function appPackageWith(template: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'teams-app-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(template, null, 2));
  for (const icon of TEAMS_ICONS) copyFileSync(join('appPackage', icon.name), join(dir, icon.name));
  return dir;
}

describe('npm run teams:package', () => {
  it('zips the filled manifest and both icons at the root', async () => {
    const built = await buildTeamsPackage(ENV);
    expect(built.problems).to.deep.equal([]);
    const zip = await JSZip.loadAsync(built.zip!);
    expect(Object.keys(zip.files).sort()).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).to.deep.include({ manifestVersion: '1.22', id: APP_ID, accentColor: '#1f5f8b' });
    expect(manifest.$schema).to.equal('https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
    expect(manifest.name).to.deep.equal({ short: 'Garrett Sciatica Clinic', full: 'Garrett Sciatica Clinic assistant' });
    expect(manifest.developer.name).to.equal('Garrett Sciatica Clinic');
    expect(manifest.description.full).to.include('Dr. Garrett').and.include('call 911');
    expect(manifest.bots).to.have.length(1);
    expect(manifest.bots[0]).to.deep.include({ botId: APP_ID, scopes: ['personal'] });
    expect(manifest.validDomains).to.deep.equal(['chat.garrett-clinic.example']);
    expect(JSON.stringify(manifest)).to.not.include('${{');
    expect(await zip.file('color.png')!.async('nodebuffer')).to.deep.equal(readFileSync('appPackage/color.png'));
  });

  it('takes the Teams app id, name and website pages from the environment when set', async () => {
    const built = await buildTeamsPackage({
      ...ENV,
      TEAMS_APP_ID: '00000000-0000-4000-8000-000000000001',
      TEAMS_APP_NAME: 'Garrett Clinic',
      PRACTICE_WEBSITE_URL: 'https://www.garrett-clinic.example',
    });
    const manifest = built.manifest as {
      id: string;
      name: { short: string };
      developer: Record<string, string>;
      bots: { botId: string }[];
    };
    expect(manifest.id).to.equal('00000000-0000-4000-8000-000000000001');
    expect(manifest.bots[0].botId, 'the bot stays the Azure Bot registration').to.equal(APP_ID);
    expect(manifest.name.short).to.equal('Garrett Clinic');
    expect(manifest.developer).to.deep.include({
      websiteUrl: 'https://www.garrett-clinic.example',
      privacyUrl: 'https://www.garrett-clinic.example/privacy',
      termsOfUseUrl: 'https://www.garrett-clinic.example/terms',
    });
  });

  it('is the same zip, byte for byte, for the same configuration', async () => {
    const [first, second] = await Promise.all([buildTeamsPackage(ENV), buildTeamsPackage(ENV)]);
    expect(first.zip!.equals(second.zip!)).to.equal(true);
  });

  it('refuses to build what Teams would refuse, naming the variable to set', async () => {
    const noAppId = await buildTeamsPackage({ PRACTICE_NAME: 'Garrett Sciatica Clinic' });
    expect(noAppId.zip).to.equal(undefined);
    expect(noAppId.problems.join('\n')).to.match(/MicrosoftAppId/);

    const bad = await buildTeamsPackage({
      ...ENV,
      TEAMS_APP_NAME: 'The Garrett Sciatica and Back Pain Clinic',
      PRIVACY_URL: 'http://garrett.example/privacy',
    });
    expect(bad.zip).to.equal(undefined);
    expect(bad.problems.join('\n'))
      .to.match(/TEAMS_APP_NAME/)
      .and.match(/PRIVACY_URL/);

    const badConfig = await buildTeamsPackage({ ...ENV, BRAND_COLOR: 'blue' });
    expect(badConfig.problems.join('\n')).to.match(/BRAND_COLOR/);
  });

  it("refuses a template that Microsoft's v1.22 manifest schema rejects, naming the field", async () => {
    const template = JSON.parse(readFileSync('appPackage/manifest.json', 'utf8'));
    const { accentColor, ...withoutColour } = template;
    const shortDescription = 'Sciatica questions answered, a quick safety check, booking and your exercise plan.';
    const dir = appPackageWith({
      ...withoutColour,
      acentColor: accentColor,
      description: { ...template.description, short: shortDescription },
    });
    try {
      const built = await buildTeamsPackage(ENV, dir);
      expect(built.zip).to.equal(undefined);
      expect(built.problems).to.have.members([
        'the manifest is missing "accentColor": edit appPackage/manifest.json',
        'the manifest has "acentColor", which a v1.22 manifest does not have: edit appPackage/manifest.json',
        `description.short "${shortDescription}" must NOT have more than 80 characters: edit appPackage/manifest.json`,
      ]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('names the variable behind a field the schema rejects', async () => {
    const built = await buildTeamsPackage({ ...ENV, TEAMS_APP_ID: 'garrett-clinic', TEAMS_APP_VERSION: '2.1' });
    expect(built.problems).to.deep.equal([
      'id "garrett-clinic" must be a GUID: set TEAMS_APP_ID (or MicrosoftAppId)',
      'version "2.1" must look like 1.0.0: set TEAMS_APP_VERSION (or package.json\'s version)',
    ]);
  });

  it('refuses example.com pages: with the shipped booking placeholders, the store listing would link to them', async () => {
    const placeholders = await buildTeamsPackage({ ...ENV, BOOKING_URL: '' });
    expect(placeholders.zip).to.equal(undefined);
    expect(placeholders.problems.filter((problem) => /example\.com/.test(problem))).to.deep.equal([
      'developer.websiteUrl "https://booking.example.com/" is a placeholder (example.com), not the practice\'s page: set PRACTICE_WEBSITE_URL',
      'developer.privacyUrl "https://booking.example.com/privacy" is a placeholder (example.com), not the practice\'s page: set PRIVACY_URL',
      'developer.termsOfUseUrl "https://booking.example.com/terms" is a placeholder (example.com), not the practice\'s page: set TERMS_URL',
    ]);
    const privacyOnly = await buildTeamsPackage({ ...ENV, PRIVACY_URL: 'https://www.example.org/privacy' });
    expect(privacyOnly.problems).to.deep.equal([
      'developer.privacyUrl "https://www.example.org/privacy" is a placeholder (example.com), not the practice\'s page: set PRIVACY_URL',
    ]);
  });

  it('checks the icons: 192x192 colour, 32x32 white on transparent outline', () => {
    for (const rule of TEAMS_ICONS) expect(checkIcon(readFileSync(`appPackage/${rule.name}`), rule), rule.name).to.deep.equal([]);
    const color = readFileSync('appPackage/color.png');
    expect(checkIcon(color, { name: 'outline.png', size: 32, whiteOnTransparent: true })[0]).to.match(/192x192; Teams needs 32x32/);
    expect(checkIcon(color, { name: 'outline.png', size: 192, whiteOnTransparent: true })[0]).to.match(/white only/);
    expect(checkIcon(Buffer.from('not a png'), TEAMS_ICONS[0])[0]).to.match(/not a PNG/);
  });
});
