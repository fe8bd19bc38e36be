/**
 * For the kill -9 test (FileStorage.test.ts): as the sole writer of the folder given, saves one
 * conversation's turn after another and prints each turn's number once its save has resolved, until
 * killed (at most 10,000 turns).
 */
import { writeSync } from 'node:fs';
import { FileStorage } from '../../../storage/FileStorage';

async function main(): Promise<void> {
  const storage = await FileStorage.open(process.argv[2], { soleWriter: true });
  const key = 'webchat/conversations/killed';
  for (let count = 1; count <= 10_000; count++) {
    const { [key]: state = {} } = await storage.read([key]);
    await storage.write({ [key]: { ...state, turn: { count } } });
    // Synchronous: the test kills this process the moment it reads the line.
    writeSync(1, `${count}\n`);
  }
}

void main();
