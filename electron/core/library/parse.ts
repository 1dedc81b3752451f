// Text of a digest → stories. A story is three lines (summary, reflection,
// question); blank lines split the file into blocks.
//
// Within a block, reading "three lines at a time" is what the format says, but
// one lost or extra line would then shift every later story into the wrong
// slots. Instead each block is cut into stories by a small dynamic programme
// that picks, among all ways of cutting the block into 3-line stories and
// skipped lines, the cheapest one (costs at the end of the file):
//
// - a 3-line story whose third line is a question (ends with `?`) is free;
// - a 3-line story whose third line is not a question still loads (questions
//   only "normally" end with `?`) but costs more than one skipped line and less
//   than three, so a line is skipped rather than the block misaligned, and a
//   block without any `?` is still read three lines at a time;
// - a summary or reflection that is itself a question costs a little, so a
//   reflection ending with `?` does not steal the next story's slot;
// - ties keep stories early and leave the leftover at the end of the block.
//
// The programme is linear in the number of lines. Skipped lines become
// diagnostics: a run of skipped lines ending with a question is a broken story
// ("has 2 lines instead of 3"), lines at the end of a block are a leftover, and
// other lines are reported as lines that belong to no story.
//
// Consequences worth knowing:
// - S R Q / S Q / S R Q: the middle story is reported, the other two load.
// - X S R Q (an extra line before a story, e.g. a heading): X is reported and
//   the story loads. If X was really the first half of a summary split over two
//   lines, the story loads with the second half only; the diagnostic says so.
// - Text that looks like HTML is plain text here; escaping is the renderer's job.

import type { Diagnostic } from '../types';

/** A story as read from a digest, before it gets an id and a title. */
export interface ParsedStory {
  summary: string;
  reflection: string;
  question: string;
  /** 1-based line of the summary in the file. */
  line: number;
}

export interface ParseResult {
  stories: ParsedStory[];
  diagnostics: Diagnostic[];
}

/**
 * Read the stories of a digest. Never throws: whatever does not fit becomes a
 * diagnostic naming `file`, a line, and what was skipped.
 */
export function parseDigest(text: string, file: string): ParseResult {
  const stories: ParsedStory[] = [];
  const diagnostics: Diagnostic[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  if (body.length === 0) {
    diagnostics.push({ file, line: 0, reason: 'This file is empty; there are no stories to read.' });
    return { stories, diagnostics };
  }

  let block: Line[] = [];
  const lines = body.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const content = lines[i]!.trim();
    if (content === '') {
      if (block.length > 0) readBlock(block, file, stories, diagnostics);
      block = [];
    } else {
      block.push({ text: content, number: i + 1, isQuestion: isQuestion(content) });
    }
  }
  if (block.length > 0) readBlock(block, file, stories, diagnostics);

  if (stories.length === 0 && diagnostics.length === 0) {
    diagnostics.push({ file, line: 0, reason: 'This file has only blank lines; there are no stories to read.' });
  }
  return { stories, diagnostics };
}

/**
 * True for a line that ends with a question mark, possibly followed by closing
 * quotes or brackets (`…sovereignty?"`, `…(really?)`). Full-width and Arabic
 * question marks count too.
 */
export function isQuestion(line: string): boolean {
  return QUESTION_END.test(line);
}

interface Line {
  text: string;
  number: number;
  isQuestion: boolean;
}

/** Cut one block into stories with the dynamic programme described above. */
function readBlock(block: Line[], file: string, stories: ParsedStory[], diagnostics: Diagnostic[]): void {
  const n = block.length;
  // best[i]: cheapest cost of reading block[0..i); took[i]: 3 if block[i-3..i) was a story, 1 if block[i-1] was skipped.
  const best = new Float64Array(n + 1);
  const took = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    best[i] = best[i - 1]! + SKIP_COST;
    took[i] = 1;
    if (i >= 3) {
      const cost = best[i - 3]! + storyCost(block[i - 3]!, block[i - 2]!, block[i - 1]!);
      // `<`, not `<=`: on a tie the skip wins here, which (read backwards)
      // puts skipped lines at the end of the block and stories first.
      if (cost < best[i]!) {
        best[i] = cost;
        took[i] = 3;
      }
    }
  }

  // Walk back to recover the choice; collect stories and skipped lines in order.
  const parts: Array<{ story: boolean; at: number }> = [];
  for (let i = n; i > 0; i -= took[i]!) parts.push({ story: took[i] === 3, at: i - took[i]! });
  parts.reverse();

  let skipped: Line[] = [];
  const flush = (atEnd: boolean): void => {
    if (skipped.length > 0) reportSkipped(skipped, atEnd, file, diagnostics);
    skipped = [];
  };
  for (const part of parts) {
    if (!part.story) {
      skipped.push(block[part.at]!);
      continue;
    }
    flush(false);
    const [summary, reflection, question] = [block[part.at]!, block[part.at + 1]!, block[part.at + 2]!];
    stories.push({ summary: summary.text, reflection: reflection.text, question: question.text, line: summary.number });
  }
  flush(true);
}

function storyCost(summary: Line, reflection: Line, question: Line): number {
  let cost = question.isQuestion ? 0 : NO_QUESTION_COST;
  if (summary.isQuestion) cost += QUESTION_AS_SUMMARY_COST;
  if (reflection.isQuestion) cost += QUESTION_AS_REFLECTION_COST;
  return cost;
}

/**
 * Turn a run of consecutive skipped lines into diagnostics. The run is split
 * after each question line: every piece ending with a question is a story with
 * a line too few (or too many); a piece without one is stray lines.
 */
function reportSkipped(run: Line[], atEndOfBlock: boolean, file: string, diagnostics: Diagnostic[]): void {
  let piece: Line[] = [];
  for (const line of run) {
    piece.push(line);
    if (!line.isQuestion) continue;
    const first = piece[0]!;
    diagnostics.push({
      file,
      line: first.number,
      reason:
        `The story at line ${first.number} has ${count(piece.length)} instead of 3 (summary, reflection, question), ` +
        'so it was skipped. Add the missing line or remove the extra one.',
    });
    piece = [];
  }
  if (piece.length === 0) return;
  const first = piece[0]!;
  const where = piece.length === 1 ? `Line ${first.number} is` : `Lines ${first.number}–${piece.at(-1)!.number} are`;
  diagnostics.push({
    file,
    line: first.number,
    reason: atEndOfBlock
      ? `${where} left over at the end of a block: a story needs 3 lines (summary, reflection, question), so ${piece.length === 1 ? 'it was' : 'they were'} skipped.`
      : `${where} not part of a complete story (summary, reflection, question), so ${piece.length === 1 ? 'it was' : 'they were'} skipped. ` +
        'A line may be missing, or a summary may be split over two lines.',
  });
}

function count(lines: number): string {
  return lines === 1 ? '1 line' : `${lines} lines`;
}

/** `?`, `？` or `؟`, then any closing quotes and brackets. */
const QUESTION_END = /[?？؟]["'”’»›)\]}」』）]*$/u;

// Costs of the dynamic programme (see the top of the file). Only their order
// matters: 0 < reflection-question < summary-question < skip < no-question < 3 × skip.
const SKIP_COST = 4;
const NO_QUESTION_COST = 8;
const QUESTION_AS_SUMMARY_COST = 2;
const QUESTION_AS_REFLECTION_COST = 1;
