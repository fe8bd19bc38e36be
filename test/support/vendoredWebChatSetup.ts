/**
 * Tests run the server from source, so before any of them the Web Chat bundle is copied into
 * web/vendor/ as `npm run build` does (a fresh copy each run: an updated package is never missed).
 */
import { copyWebChatBundle } from '../../server/webchat/vendoredWebChat';
import { WEB_DIR } from '../../server/webchat/webChatPages';

export async function mochaGlobalSetup(): Promise<void> {
  await copyWebChatBundle(WEB_DIR);
}
