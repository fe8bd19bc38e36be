/**
 * recognizers-text, loaded on first use: loading it takes ~0.2–0.5 s and its first DateTime call
 * ~0.35 s, and only screening and clarifying answers need it. Start-up warms it after the server
 * listens (warmUpContextRecognizers), so no patient's turn pays for it.
 */
import type * as Suite from '@microsoft/recognizers-text-suite';

let suite: typeof Suite | undefined;

export function recognizers(): typeof Suite {
  // require, not import: a static import would load it with the bot, before the server listens.
  suite ??= require('@microsoft/recognizers-text-suite') as typeof Suite;
  return suite;
}
