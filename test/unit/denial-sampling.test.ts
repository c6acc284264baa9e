import { describe, expect, it } from 'vitest';
import {
  DENIALS_RECORDED_IN_ALL,
  DENIALS_RECORDED_PER_ADDRESS,
  denialRecording,
} from '../../src/domain/denial-sampling.js';

describe('denialRecording', () => {
  it('records the first denials from an address one by one, then a summary each time the count doubles', () => {
    const written = Array.from({ length: 500 }, (_, i) => denialRecording(i + 1, i + 1));
    expect(written.slice(0, DENIALS_RECORDED_PER_ADDRESS).every((r) => r === 'entry')).toBe(true);
    const summaries = written.flatMap((r, i) => (r === 'summary' ? [i + 1] : []));
    // One address is everyone here, so the doublings of both counts show: from 10 and from 100.
    expect(summaries).toEqual([20, 40, 80, 160, 200, 320, 400]);
    expect(written.filter((r) => r === 'entry')).toHaveLength(10);
  });

  it('stops single entries once all addresses together pass their limit, and summarises their doublings', () => {
    expect(denialRecording(1, DENIALS_RECORDED_IN_ALL)).toBe('entry');
    expect(denialRecording(1, DENIALS_RECORDED_IN_ALL + 1)).toBe('none');
    expect(denialRecording(1, 2 * DENIALS_RECORDED_IN_ALL)).toBe('summary');
    expect(denialRecording(1, 3 * DENIALS_RECORDED_IN_ALL)).toBe('none');
    expect(denialRecording(1, 4 * DENIALS_RECORDED_IN_ALL)).toBe('summary');
  });

  it('writes nothing between doublings', () => {
    expect(denialRecording(11, 11)).toBe('none');
    expect(denialRecording(30, 30)).toBe('none');
    expect(denialRecording(21, 21)).toBe('none');
  });
});
