/**
 * Polls `condition` (sync or async) every 20 ms until it returns something other than undefined or
 * false, and returns that; fails at the deadline. Tests wait for an effect, never for a fixed time.
 */
export async function waitUntil<T>(
  condition: () => T | undefined | false | Promise<T | undefined | false>,
  deadlineMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
