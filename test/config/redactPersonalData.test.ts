import { expect } from 'chai';
import { redactPersonalData } from '../../config/redactPersonalData';

describe('redactPersonalData', () => {
  const cases: [string, string][] = [
    ['email me at jane.doe+back@mail.example.co.uk please', 'email me at [email] please'],
    ['call +1 (555) 010-2030 after 5', 'call [phone] after 5'],
    ['my mobile is 07700 900123', 'my mobile is [phone]'],
    ['text 555.010.2030', 'text [phone]'],
    ['NHS number 943 476 5919', 'NHS number [phone]'],
    ['card 4111 1111 1111 1111 exp 12/27', 'card [number] exp 12/27'],
    ['member id 123456', 'member id [number]'],
    ['SSN 123-45-6789', 'SSN [phone]'],
    ['my name is margaret thornbury and my back hurts', 'my name is [name] and my back hurts'],
    ["Hi, I'm Jane Doe, can I bring my dog?", "Hi, I'm [name], can I bring my dog?"],
    ['this is Tom from room 4', 'this is [name] from room 4'],
    ['born 14/03/1958, is that too old for surgery', 'born [date], is that too old for surgery'],
    ['DOB 3rd of March, 1958', 'DOB [date]'],
    ['date of birth: March 3 1958', 'date of birth: [date]'],
    ['I live at 27 Larkspur Road, LS6 2QT', 'I live at [address], [postcode]'],
    ['send it to 1600 Pennsylvania Ave, Washington, DC 20500', 'send it to [address], Washington, DC [postcode]'],
    ['postcode sw1a 1aa please', 'postcode [postcode] please'],
    ['zip 90210-1234', 'zip [phone]'],
  ];
  for (const [input, output] of cases) {
    it(`redacts "${input}"`, () => expect(redactPersonalData(input)).to.equal(output));
  }

  const kept = [
    'pain is 8/10 for 3 weeks',
    "I'm 62 and it started in 2019",
    'took 400mg ibuprofen at 10:30',
    'is it L4-L5 or L5-S1?',
    'what is sciatica?',
    '',
    "I'm worried it is getting worse",
    'this is really painful',
    'it started on 12 March',
    'I am not sure',
  ];
  for (const text of kept) {
    it(`keeps "${text}" as it is`, () => expect(redactPersonalData(text)).to.equal(text));
  }

  // How long these take is measured by `npm run bench` (hostile input), not here.
  it('handles hostile 200,000-character input: a run of digits is one number, nothing else is touched', () => {
    expect(redactPersonalData('1 '.repeat(100_000))).to.equal('[number] ');
    for (const input of ['a'.repeat(200_000), `${'a.'.repeat(100_000)}@`, '('.repeat(200_000), `1${' '.repeat(199_999)}`]) {
      expect(redactPersonalData(input)).to.equal(input);
    }
  });
});
