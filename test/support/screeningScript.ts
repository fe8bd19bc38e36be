/**
 * The screening's questions as the bot words them, in order (the red-flag questions, then the
 * context ones), so state tests can tell which question a reply asks without copying wording.
 */
import { loadConfig } from '../../config/BotConfig';
import { loadRedFlagRules } from '../../safety/RedFlagRules';
import type { RunningBot } from '../../server/startBot';
import { ChannelConversation } from './ChannelConversation';
import { TEST_SETTINGS } from './testBot';

export interface ScreeningScript {
  readonly questions: readonly string[];
  /** The index of the last question a reply asks, or -1. */
  askedIn(text: string): number;
}

export function screeningScript(bot: RunningBot): ScreeningScript {
  const { screening } = loadRedFlagRules(loadConfig(TEST_SETTINGS).redFlagsPath);
  const say = (text: string) => bot.assembled.replies.say(text);
  const questions = [
    ...screening.questions.map((question) => say(question.text)),
    say(screening.context.duration),
    say(screening.context.painScore),
    say(screening.context.age),
  ];
  return {
    questions,
    askedIn: (text) => {
      let found = -1;
      let at = -1;
      questions.forEach((question, index) => {
        const position = text.lastIndexOf(question);
        if (position > at) [found, at] = [index, position];
      });
      return found;
    },
  };
}

/** The same patient's conversation, its next message sent to another server (another instance). */
export function onServer(conversation: ChannelConversation, url: string): ChannelConversation {
  const moved = new ChannelConversation(url, conversation.channelId);
  return Object.assign(moved, { conversationId: conversation.conversationId, userId: conversation.userId });
}

export interface RaceOutcome {
  /** Turns that were saved: each asked the question after the one it answered. */
  readonly saved: number;
  /** The question index each saved turn asked, sorted. */
  readonly asked: number[];
  /** Turns that lost the race twice and apologised (their answer was not saved). */
  readonly apologised: number;
  readonly statuses: number[];
}

/** Sends "no" from several copies of one conversation at once; the screening must be running. */
export async function raceAnswers(copies: readonly ChannelConversation[], script: ScreeningScript): Promise<RaceOutcome> {
  const turns = await Promise.all(copies.map((copy) => copy.say('no')));
  const apologised = turns.filter((turn) => /something went wrong/i.test(turn.text)).length;
  const asked = turns
    .filter((turn) => !/something went wrong/i.test(turn.text))
    .map((turn) => script.askedIn(turn.text))
    .sort((x, y) => x - y);
  return { saved: turns.length - apologised, asked, apologised, statuses: turns.map((turn) => turn.status) };
}
