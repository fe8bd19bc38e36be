/**
 * Keeps a Map kept in insertion order (oldest first) within `maxKeys`: past it, the oldest tenth go at
 * once. Dropping one key per insert looked cheap, but V8's Map finds its first key by stepping over
 * the holes earlier deletes left, so at 50,000 keys every new key cost a scan (~27 µs measured): a
 * flood of new conversation ids, which the bound exists for, paid it on every request.
 */
export function forgetOldestKeys(map: Map<string, unknown>, maxKeys: number): void {
  if (map.size <= maxKeys) return;
  let excess = map.size - Math.ceil(maxKeys * 0.9);
  for (const key of map.keys()) {
    if (excess-- <= 0) return;
    map.delete(key);
  }
}
