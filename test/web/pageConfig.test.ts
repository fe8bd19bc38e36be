import { expect } from 'chai';
import { contrastRatio, readableTextOn, WHITE } from '../../server/webchat/colorContrast';
import { brandContrastWarnings, initialsOf, inlineJson, pageConfig } from '../../server/webchat/pageConfig';

const BASE = {
  practiceName: 'Garrett Sciatica Clinic',
  brandColor: '#1f5f8b',
  brandAccentColor: '#0b3954',
  botAvatarUrl: '/assets/avatar.svg',
  directLineSecret: '',
  directLineDomain: 'https://directline.botframework.com/v3/directline',
};

describe('pageConfig', () => {
  it('passes WCAG AA with the default brand colours', () => {
    expect(contrastRatio('#1f5f8b', WHITE)).to.be.greaterThan(6.5);
    expect(contrastRatio('#0b3954', WHITE)).to.be.greaterThan(11);
    expect(contrastRatio('#000000', WHITE)).to.be.closeTo(21, 0.01);
    expect(brandContrastWarnings(BASE)).to.deep.equal([]);
  });

  it('keeps text readable when the practice picks a pale brand colour', () => {
    const page = pageConfig({ ...BASE, brandColor: '#9fd3f5', brandAccentColor: '#c6e6ff' });
    expect(page.colors.brandText).to.not.equal(WHITE);
    expect(contrastRatio(page.colors.brandText, page.colors.brand)).to.be.at.least(4.5);
    expect(contrastRatio(page.colors.accent, WHITE)).to.be.at.least(4.5);
    expect(brandContrastWarnings({ ...BASE, brandColor: '#9fd3f5' })).to.have.length(1);
    expect(readableTextOn('#1f5f8b')).to.equal(WHITE);
  });

  it('chooses the mode without revealing the secret', () => {
    expect(pageConfig(BASE).mode).to.equal('local');
    const production = pageConfig({ ...BASE, directLineSecret: 'super-secret-value' });
    expect(production.mode).to.equal('directline');
    expect(JSON.stringify(production)).to.not.contain('super-secret-value');
  });

  it('puts the practice into Web Chat styleOptions', () => {
    const { styleOptions } = pageConfig(BASE);
    expect(styleOptions).to.include({ botAvatarImage: '/assets/avatar.svg', botAvatarInitials: 'GS', hideUploadButton: true });
    expect(initialsOf('  ')).to.equal('Bot');
  });

  it('inlines JSON that cannot close its <script> element', () => {
    const json = inlineJson({ practiceName: '</script><script>alert(1)</script>' });
    expect(json).to.not.contain('<');
    expect(JSON.parse(json)).to.deep.equal({ practiceName: '</script><script>alert(1)</script>' });
  });
});
