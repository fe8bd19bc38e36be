/**
 * What an emergency escalation looks like on each channel: the advice with the number comes first,
 * a tel: button where the channel can show one (Web Chat's `call`, an openUrl on Teams), plain
 * text on SMS, the RedFlag trace on the Emulator only, and never a booking link or pitch.
 */
import { expect } from 'chai';
import { type Turn, traces } from '../support/ChannelConversation';
import { callButtonOf, linksOf, type TestChannel } from './channelTranscript';

export const EMERGENCY_ADVICE = /^Please call 911 or go to the nearest emergency department now\./;
export const EMERGENCY_REMINDER = 'Reminder: if you have any of those warning signs, call 911 or go to the emergency department now.';
/** Wording of the booking links and the bot's own pitch, none of which may follow an escalation. */
export const BOOKING_PITCH =
  /book a first session or start with a free discovery call|Book your first session|Schedule a free discovery call|https:\/\/booking\./i;

export function expectEmergencyAdvice(turn: Turn, channel: TestChannel, flag?: string): void {
  expect(turn.activities[0]?.type, 'the advice is the first activity').to.equal('message');
  expect(turn.messages[0].text).to.match(EMERGENCY_ADVICE);
  const call = callButtonOf(turn);
  if (channel === 'sms') expect(call).to.equal(undefined);
  // Web Chat's `call` adds "tel:" itself (a value of "tel:911" would dial tel:tel:911); Teams opens the URI.
  else if (channel === 'msteams') expect(call).to.deep.equal({ type: 'openUrl', title: 'Call 911', value: 'tel:911' });
  else expect(call).to.deep.equal({ type: 'call', title: 'Call 911', value: '911' });
  expect(linksOf(turn, channel), 'no booking link').to.be.empty;
  expect(turn.text).to.not.match(BOOKING_PITCH);
  if (channel !== 'emulator') return;
  const [redFlag] = traces(turn, 'RedFlag');
  expect(redFlag?.value, 'RedFlag trace').to.deep.include({ urgency: 'emergency' });
  if (flag) expect((redFlag.value as { flags: string[] }).flags).to.include(flag);
}
