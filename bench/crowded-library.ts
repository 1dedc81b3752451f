// A library where one small file's matches are outranked by many elsewhere: the
// case of a search inside a file or topic, whose matches must not be lost to
// the library-wide limit on hits. Used by the unit and end-to-end tests.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface CrowdedLibrary {
  /** The small file, relative to the library folder. */
  fewFile: string;
  /** Its stories, each mentioning the word once. */
  fewCount: number;
  /** Stories in other files, each mentioning the word three times: they rank first. */
  crowdCount: number;
  word: string;
}

/** Write the library into `folder` (created if needed). */
export async function writeCrowdedLibrary(folder: string, crowdCount = 600, fewCount = 5): Promise<CrowdedLibrary> {
  const word = 'zebra';
  await mkdir(folder, { recursive: true });
  const crowd = Array.from({ length: crowdCount }, (_, i) =>
    story(`Herd ${i} of the ${word} count: a ${word} census near waterhole ${i} found each ${word} in good health.`, i),
  );
  const few = Array.from({ length: fewCount }, (_, i) =>
    story(`Report ${i} from the small reserve: rangers counted antelope, giraffes and one ${word} near gate ${i}.`, crowdCount + i),
  );
  await writeFile(path.join(folder, 'a-many.txt'), crowd.join(''));
  await writeFile(path.join(folder, 'b-few.txt'), few.join(''));
  return { fewFile: 'b-few.txt', fewCount, crowdCount, word };
}

function story(summary: string, n: number): string {
  return `${summary}\nCounting animals shows how a park is doing.\nWhat does count ${n} tell the rangers?\n`;
}
